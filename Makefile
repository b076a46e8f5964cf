# Two commands on a fresh machine: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Local runs: DEBUG on, and with no DATABASE_URL the embedded PostgreSQL under var/.
export DEBUG ?= 1
PYTEST_ARGS ?=

.PHONY: run test test-db setup install browser admin lint format migrations-check bench eval fuzz ci clean

$(VENV)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "error: Python 3.11 or newer is needed (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

install: $(VENV)/.installed

# Schema and the shipped data (gazetteer, sources, demo article); safe to repeat.
setup: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo

run: setup
	@echo "Serving the archive on http://127.0.0.1:$(PORT)/ (admin: /admin/, create an account with 'make admin')"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# The browser tests drive Debian's Chromium; install it when missing.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "Installing Chromium for the browser tests (Debian package chromium)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi
	@/usr/bin/chromium --version

test: install browser
	$(PY) -m pytest $(PYTEST_ARGS)

# The database tests alone (everything but the browser), e.g. against another PostgreSQL server.
test-db: install
	$(PY) -m pytest -m "not browser" $(PYTEST_ARGS)

admin: setup
	$(PY) manage.py createsuperuser

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

# Speed at full scale (250,000 articles, about 1,000,000 claims; built once under var/bench, then reused),
# over HTTP through gunicorn; results go to docs/benchmarks.md.
bench: install
	$(PY) scripts/bench.py $(BENCH_ARGS)
	$(PY) scripts/bench_import.py --articles 3000 --write
	$(PY) scripts/bench_export.py --write

# Quality of the importer on the hand-labelled articles of reports/data/eval/ (see docs/importer.md).
eval: install
	$(PY) scripts/eval_importer.py

# Hostile requests (10,000 over every public address) and schemathesis (10,000 cases over the API) against
# gunicorn with DEBUG off, on an archive of its own under var/fuzz; fails on any 5xx. FUZZ_ARGS="--requests N".
fuzz: install
	$(PY) scripts/fuzz.py $(FUZZ_ARGS)

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
