# Two commands on a fresh machine: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Local runs: DEBUG on, and with no DATABASE_URL the embedded PostgreSQL under var/.
export DEBUG ?= 1
PYTEST_ARGS ?=

.PHONY: run test test-db test-cluster cluster-demo setup install install-dev lock browser admin lint format migrations-check bench eval fuzz ci clean

# Two pinned, hashed sets generated from pyproject.toml by `make lock`: requirements.txt is what the site runs
# on (make run), requirements-dev.txt adds tests, lint, the browser and benchmarks (make test).
$(VENV)/.created:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "error: Python 3.11 or newer is needed (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	@touch $@

$(VENV)/.installed: requirements.txt $(VENV)/.created
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.txt
	@touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Pin both sets again from pyproject.toml after a dependency is added or removed there. Pins already in the
# files are kept; LOCK_ARGS=--upgrade moves everything to the newest releases the index has.
PIP_TOOLS := pip-tools==7.6.2
LOCK_FLAGS := --quiet --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links $(LOCK_ARGS)
lock: export CUSTOM_COMPILE_COMMAND := make lock
lock: $(VENV)/.created
	$(PY) -m pip install --quiet --disable-pip-version-check $(PIP_TOOLS)
	$(VENV)/bin/pip-compile $(LOCK_FLAGS) --output-file requirements.txt pyproject.toml
	$(VENV)/bin/pip-compile $(LOCK_FLAGS) --extra dev --constraint requirements.txt --output-file requirements-dev.txt pyproject.toml

# Schema and the shipped data (gazetteer, sources, demo article); safe to repeat.
setup: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo
	$(PY) manage.py seal_archive

# The job worker (admin imports) runs beside the web server and stops with it.
run: setup
	@echo "Serving the archive on http://127.0.0.1:$(PORT)/ (admin: /admin/, create an account with 'make admin')"
	$(PY) manage.py run_jobs & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# The browser tests drive Debian's Chromium; install it when missing.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "Installing Chromium for the browser tests (Debian package chromium)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi
	@/usr/bin/chromium --version

test: install-dev browser
	$(PY) -m pytest -m "not cluster" $(PYTEST_ARGS)

# The database tests alone (everything but the browser), e.g. against another PostgreSQL server.
test-db: install-dev
	$(PY) -m pytest -m "not browser and not cluster" $(PYTEST_ARGS)

# Several app hosts behind HAProxy, a streaming replica and Redis on loopback, under load (see README,
# "Several hosts"); installs Debian's haproxy (and redis-server when no Redis answers) when missing.
cluster-demo: install-dev
	$(PY) scripts/cluster_demo.py $(CLUSTER_ARGS)

# The same scenario and the replica's routing as tests (continuous integration runs these).
test-cluster: install-dev
	$(PY) -m pytest -m cluster -s $(PYTEST_ARGS) tests/cluster

admin: setup
	$(PY) manage.py createsuperuser

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

# Speed at full scale (250,000 articles, about 1,000,000 claims; built once under var/bench, then reused),
# over HTTP through gunicorn, beside the plain-SQL floor of each list and /claims/ under 8 concurrent readers
# (Debian's wrk, installed when missing; else a Python load generator); results go to docs/benchmarks.md.
bench: install-dev
	@if ! command -v wrk >/dev/null; then \
		echo "Installing wrk for the throughput measurement (Debian package wrk)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		{ $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk >/dev/null; } \
			|| echo "wrk could not be installed: the throughput is measured with Python threads"; \
	fi
	$(PY) scripts/bench.py $(BENCH_ARGS)
	$(PY) scripts/bench_import.py --articles 3000 --write
	$(PY) scripts/bench_export.py --formats csv geojson --write

# Quality of the importer on the hand-labelled articles of reports/data/eval/ (see docs/importer.md).
eval: install-dev
	$(PY) scripts/eval_importer.py

# Hostile requests (10,000 over every public address) and schemathesis (10,000 cases over the API) against
# gunicorn with DEBUG off, on an archive of its own under var/fuzz; fails on any 5xx. FUZZ_ARGS="--requests N".
fuzz: install-dev
	$(PY) scripts/fuzz.py $(FUZZ_ARGS)

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
