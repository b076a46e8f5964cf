"""Measure what capacity planning needs: CPU per request (app and database apart) and table and index sizes.

    python scripts/capacity.py sizes                 # rows and on-disk sizes of the archive's tables
    python scripts/capacity.py cpu --requests 30     # CPU per request of each kind of page

Runs on the archive under VAR_DIR (default var/capacity), built beforehand with the usual commands
(load_demo, load_katottg, generate_archive). `cpu` serves it with gunicorn (one sync worker) and, for
each URL, reads the CPU time the worker and all PostgreSQL processes spent over `--requests` sequential
requests after three warm-up requests; it divides by the number of requests. Prints Markdown tables, the
figures docs/scaling.md is built on.
"""

import argparse
import contextlib
import http.client
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import psutil

ROOT = Path(__file__).resolve().parent.parent
VAR = Path(os.environ.get("VAR_DIR", ROOT / "var" / "capacity")).resolve()

PAGES = {
    "home": "/",
    "claims, no filter": "/claims/",
    "claims in an oblast": "/claims/?region=UA-14",
    "claims, full-text search": "/claims/?q=Lyman",
    "claims, page 200": "/claims/?page=200",
    "articles, no filter": "/articles/",
    "claim": None,  # filled with a real id
    "article": None,
    "region (oblast)": "/regions/donetsk-oblast/",
    "source": "/sources/isw/",
    # Exports, feeds and the API leave synthetic rows out unless asked, and this archive is synthetic.
    "API claims": "/api/claims/?synthetic=include",
    "feed of claims": "/feeds/claims/?synthetic=include",
    "CSV export, Donetsk Oblast (streamed)": "/claims/?region=UA-14&format=csv&synthetic=include",
}


def environment(**extra):
    ignored = {"DATABASE_URL", "DATABASE_REPLICA_URL", "CACHE_URL"}
    values = {key: value for key, value in os.environ.items() if key not in ignored}
    values.update(VAR_DIR=str(VAR), DEBUG="0", SECRET_KEY="capacity-" + "x" * 60, ALLOWED_HOSTS="127.0.0.1,localhost")
    values.update(SECURE_SSL_REDIRECT="0", LOG_LEVEL="WARNING", API_RATE_LIMIT="1000000/minute", **extra)
    return values


def shell(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT, env=environment(), capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout.strip()


SIZES = """
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute(
        "SELECT c.relname, c.reltuples::bigint, pg_relation_size(c.oid), pg_indexes_size(c.oid), "
        "pg_total_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind = 'r' AND n.nspname = 'public' AND c.relname LIKE 'reports\\\\_%' ORDER BY 5 DESC"
    )
    for row in cursor.fetchall():
        print("\\t".join(str(value) for value in row))
"""

INDEXES = """
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute(
        "SELECT indexrelid::regclass::text, indrelid::regclass::text, pg_relation_size(indexrelid) FROM pg_index "
        "WHERE indrelid::regclass::text IN ('reports_claim', 'reports_article', 'reports_claim_regions') ORDER BY 3 DESC"
    )
    for row in cursor.fetchall():
        print("\\t".join(str(value) for value in row))
"""


def megabytes(size) -> str:
    return f"{int(size) / 2**20:,.1f}"


def sizes() -> None:
    analyse = "from django.db import connection\nconnection.cursor().execute('ANALYZE')"
    subprocess.run([sys.executable, "manage.py", "shell", "--no-imports", "-c", analyse], cwd=ROOT, env=environment(), check=True)
    done = subprocess.run([sys.executable, "manage.py", "shell", "--no-imports", "-c", SIZES], cwd=ROOT, env=environment(),
                          capture_output=True, text=True, check=True)  # fmt: skip
    print("| table | rows (estimate) | table MB | indexes MB | total MB |\n|---|---:|---:|---:|---:|")
    total = [0, 0, 0]
    for line in done.stdout.strip().splitlines():
        name, rows, table, indexes, whole = line.split("\t")
        total = [total[0] + int(table), total[1] + int(indexes), total[2] + int(whole)]
        if int(whole) >= 2**20:
            print(f"| {name} | {int(rows):,} | {megabytes(table)} | {megabytes(indexes)} | {megabytes(whole)} |")
    print(f"| all reports_ tables | | {megabytes(total[0])} | {megabytes(total[1])} | {megabytes(total[2])} |\n")
    done = subprocess.run([sys.executable, "manage.py", "shell", "--no-imports", "-c", INDEXES], cwd=ROOT, env=environment(),
                          capture_output=True, text=True, check=True)  # fmt: skip
    print("| index | table | MB |\n|---|---|---:|")
    for line in done.stdout.strip().splitlines():
        name, table, size = line.split("\t")
        print(f"| {name} | {table} | {megabytes(size)} |")


def _postgres_processes() -> list:
    """The server's client backends (the app keeps its connection), not autovacuum or the checkpointer."""
    postmaster = int((VAR / "pgdata" / "postmaster.pid").read_text().split()[0])
    backends = []
    for child in psutil.Process(postmaster).children():
        with contextlib.suppress(psutil.NoSuchProcess):
            if child.cmdline() and child.cmdline()[0].startswith("postgres: postgres archive"):
                backends.append(child)
    return backends


def _cpu(processes) -> float:
    total = 0.0
    for process in processes:
        with contextlib.suppress(psutil.NoSuchProcess):
            times = process.cpu_times()
            total += times.user + times.system
    return total


def _database_cpu() -> float:
    """CPU seconds of the live client backends and of the ended ones (reaped by the postmaster): the app
    replaces its connection after a minute, so a backend may end during a measurement."""
    postmaster = psutil.Process(int((VAR / "pgdata" / "postmaster.pid").read_text().split()[0]))
    reaped = postmaster.cpu_times()
    return _cpu(_postgres_processes()) + reaped.children_user + reaped.children_system


# Keeps the embedded server up (it stops after its last user) and says where it listens.
HOLD = """
import time
from django.db import connection
print(connection.settings_dict["HOST"], connection.settings_dict["PORT"] or 5432, flush=True)
try:
    time.sleep(86400)
except KeyboardInterrupt:
    pass
"""


@contextlib.contextmanager
def _database_url():
    """A DATABASE_URL to the embedded server, so that the app keeps its connections as in production."""
    holder = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", HOLD],
        cwd=ROOT, env={**environment(), "DEBUG": "1"}, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        socket_dir, port = holder.stdout.readline().split()
        yield f"postgres://postgres@{quote(socket_dir, safe='')}:{port}/archive"
    finally:
        holder.send_signal(signal.SIGINT)  # its exit handlers then stop the embedded server it was the last user of
        holder.wait()


def cpu(requests: int) -> None:
    ids = shell(
        "from reports.models import Article, Claim\n"
        "print(Claim.objects.public().order_by('-id').values_list('id', flat=True)[500], "
        "Article.objects.published().order_by('-id').values_list('slug', flat=True)[500])"
    ).split()
    PAGES["claim"], PAGES["article"] = f"/claims/{ids[0]}/", f"/articles/{ids[1]}/"
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input"], cwd=ROOT, env=environment(), check=True,
                   capture_output=True)  # fmt: skip
    shell("from django.db import connection\nconnection.cursor().execute('VACUUM ANALYZE')")  # a settled archive
    with _database_url() as url:
        _measure(requests, url)


def _measure(requests: int, database_url: str) -> None:
    port = 8765
    log = (VAR / "gunicorn.log").open("ab")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "300"],
        cwd=ROOT, env=environment(DATABASE_URL=database_url), stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        time.sleep(4)
        worker = psutil.Process(server.pid).children()[0]
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        print(f"{requests} sequential requests per URL after 3 warm-up requests; one gunicorn sync worker.\n")
        print("| page | URL | app CPU ms | database CPU ms | total CPU ms | wall p50 ms | bytes |")
        print("|---|---|---:|---:|---:|---:|---:|")
        for name, path in PAGES.items():
            for _ in range(3):
                connection.request("GET", path)
                connection.getresponse().read()
            app_before, database_before, walls, size = _cpu([worker]), _database_cpu(), [], 0
            for _ in range(requests):
                started = time.perf_counter()
                connection.request("GET", path)
                response = connection.getresponse()
                size = len(response.read())
                walls.append(time.perf_counter() - started)
                if response.status != 200:
                    raise RuntimeError(f"{path} answered {response.status}")
            app = (_cpu([worker]) - app_before) / requests * 1000
            db = (_database_cpu() - database_before) / requests * 1000
            wall = statistics.median(walls) * 1000
            print(f"| {name} | `{path}` | {app:.1f} | {db:.1f} | {app + db:.1f} | {wall:.1f} | {size:,} |")
    finally:
        server.terminate()
        server.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["sizes", "cpu"])
    parser.add_argument("--requests", type=int, default=30)
    options = parser.parse_args()
    sizes() if options.what == "sizes" else cpu(options.requests)
    return 0


if __name__ == "__main__":
    sys.exit(main())
