"""Measure the public pages at full scale, over HTTP, through gunicorn.

    make bench                                    # builds (or reuses) the 1M archive under var/bench, then measures
    make bench BENCH_ARGS="--claims 10000000"     # the same at ten million claims, under var/bench/10m
    python scripts/bench.py --claims 10000000 --build-only   # build it now, measure later

The archive: the gazetteer and the full KATOTTG codifier (about 31,700 regions), the shipped sources
and `generate_archive --articles N --seed 1` (about four claims an article). It is built once and
reused while it has the asked size (`--claims N` builds N / 4 articles; the default,
1,000,000 claims, lives in var/bench, any other size in var/bench/<size>, e.g. var/bench/10m). The build's
duration is kept beside it (build.json) and reported. Each URL is requested a few times to warm up, then `--requests`
times one after another on a kept-alive connection; p50 and p95 are of those requests, in ms.
The results, the machine and the date are written to docs/benchmarks.md, with EXPLAIN ANALYZE of the
slowest page's costliest statements. Each list is also set against its plain-SQL floor on the same database
(an exact count and a GROUP BY per facet, and the row SELECT, of the same filters: scripts/bench_floor.py),
and `/claims/` is loaded by eight concurrent readers for its requests/s. The load average of the machine
is recorded at the start of the run and of the throughput measurement, as other work on the cores weighs on
every figure.

    python scripts/bench.py --database-url postgres://…/archive   # measure an archive already built elsewhere
"""

import argparse
import contextlib
import datetime
import http.client
import json
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import bench_floor  # noqa: E402

BENCH_VAR = Path(os.environ.get("BENCH_VAR_DIR", ROOT / "var" / "bench"))
DOC = ROOT / "docs" / "benchmarks.md"
DEFAULT_CLAIMS = 1_000_000
CLAIMS_PER_ARTICLE = 4  # what generate_archive makes on average
TARGETS = {"list": 150, "detail": 50, "picker": 30}
# A map's view as its script asks for it: the zoom, and the box in view (west,south,east,north) with a margin.
MAP_VIEWS = {
    "whole": "zoom=6&bbox=20.5,43.0,43.5,55.0",
    "oblast": "zoom=8&bbox=35.5,46.5,39.5,49.5",
    "near": "zoom=11&bbox=37.45,48.75,38.05,49.15",
}
THROUGHPUT_PATH = "/claims/?synthetic=include"
# An archive measured where it is (--database-url) instead of the one built under var/bench.
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "")


def env(**extra):
    values = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "DEBUG"}}
    values.update(VAR_DIR=str(BENCH_VAR), DEBUG="0", SECRET_KEY="bench-" + "x" * 60, ALLOWED_HOSTS="127.0.0.1,localhost")
    # Speed is measured here, not the rate limit: one client makes thousands of requests.
    values.update(dict.fromkeys(("API_RATE_LIMIT", "FEED_RATE_LIMIT", "EXPORT_RATE_LIMIT"), "1000000/minute"))
    values.update(SECURE_SSL_REDIRECT="0", LOG_LEVEL="WARNING", **extra)
    if DATABASE_URL:
        values["DATABASE_URL"] = DATABASE_URL
    return values


def manage(*args, check=True):
    done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env(), text=True, capture_output=True)
    if check and done.returncode:
        sys.stderr.write(done.stderr[-3000:])  # what went wrong, before the traceback of the call
        done.check_returncode()
    return done


def sql(statement):
    return manage(
        "shell",
        "--no-imports",
        "-c",
        f"from django.db import connection\nc = connection.cursor()\nc.execute({statement!r})\nprint(c.fetchone()[0])",
    ).stdout.strip()


def size_label(claims):
    return f"{claims // 1_000_000}m" if claims % 1_000_000 == 0 else str(claims)


def section_marks(claims):
    """The markers of this size's section of docs/benchmarks.md (the default size keeps the first section)."""
    suffix = "" if claims == DEFAULT_CLAIMS else f"-{size_label(claims)}"
    return f"<!-- pages{suffix}:start -->", f"<!-- pages{suffix}:end -->"


def build_archive(articles):
    BENCH_VAR.mkdir(parents=True, exist_ok=True)
    started_build = time.monotonic()
    load = bench_floor.load_average()
    print("migrating and loading the gazetteer…", flush=True)
    manage("migrate", "--no-input")
    manage("load_demo")
    if int(sql("SELECT count(*) FROM reports_region")) < 30_000:
        print("loading KATOTTG…", flush=True)
        manage("load_katottg")
    # Settlements' own points (the map's places); load_demo ran before KATOTTG was there to receive them.
    manage("load_geodata")
    have = int(sql("SELECT count(*) FROM reports_article WHERE is_synthetic"))
    if have != articles:
        print(f"generating {articles:,} synthetic articles (have {have:,})…", flush=True)
        started = time.monotonic()
        subprocess.run(
            [sys.executable, "manage.py", "generate_archive", "--articles", str(articles), "--seed", "1", "--replace"],
            cwd=ROOT,
            env=env(),
            check=True,
        )
        print(f"generated in {time.monotonic() - started:.0f} s", flush=True)
        manage("shell", "--no-imports", "-c", "from django.db import connection\nconnection.cursor().execute('VACUUM ANALYZE')")
        built = {
            "date": datetime.date.today().isoformat(),
            "seconds": round(time.monotonic() - started_build),
            "generate_seconds": round(time.monotonic() - started),
            "articles": articles,
            "load": load,
        }
        (BENCH_VAR / "build.json").write_text(json.dumps(built))
    manage("collectstatic", "--no-input")


def build_record():
    """How long the archive measured took to build, as build_archive recorded it; None for an outside archive."""
    path = BENCH_VAR / "build.json"
    if DATABASE_URL or not path.exists():
        return None
    return json.loads(path.read_text())


SIZES_SQL = """
SELECT c.relname, pg_table_size(c.oid), pg_indexes_size(c.oid), c.reltuples::bigint
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r' AND n.nspname = 'public' AND c.relname LIKE 'reports_%'
ORDER BY pg_total_relation_size(c.oid) DESC
"""


def table_sizes():
    """[(table, table bytes, index bytes, estimated rows)] of the archive's tables, largest first."""
    script = (
        "from django.db import connection\nimport json\nc = connection.cursor()\n"
        f"c.execute({SIZES_SQL!r})\nprint(json.dumps(c.fetchall()))"
    )
    return json.loads(manage("shell", "--no-imports", "-c", script).stdout.strip().splitlines()[-1])


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port, **extra):
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--config", "config/gunicorn.py", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env(**extra),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def sample_paths():
    """Detail pages of real rows of the bench archive, chosen the same way every run."""
    script = (
        "from reports.models import Article, Claim, Region, Source\n"
        "a = Article.objects.published().filter(is_synthetic=True).order_by('id').values_list('slug', flat=True)[1000]\n"
        "c = Claim.objects.public().order_by('id').values_list('id', flat=True)[5000]\n"
        "print(a); print(c)\n"
    )
    article, claim = manage("shell", "--no-imports", "-c", script).stdout.split()
    return article, claim


def urls(article, claim):
    # The bench archive is synthetic: every list asks for synthetic records, in the canonical form of its address.
    return [
        ("list", "claims, no filter", "/claims/?synthetic=include"),
        ("list", "claims in an oblast (with everything inside)", "/claims/?region=UA-14&synthetic=include"),
        ("list", "claims by source", "/claims/?source=isw&synthetic=include"),
        ("list", "claims, full-text search", "/claims/?q=Lyman&synthetic=include"),
        ("list", "claims occurred in a range", "/claims/?occurred_from=2024-01-01&occurred_to=2024-12-31&synthetic=include"),
        (
            "list",
            "claims, all filters combined",
            "/claims/?q=Russian&region=UA-14&source=isw&topic=territorial_control&occurred_from=2023-01-01&occurred_to=2025-12-31"
            "&synthetic=include",
        ),
        ("list", "claims, page 1,000", "/claims/?synthetic=include&page=1000"),
        ("list", "claims as a map", "/claims/?synthetic=include&view=map"),
        ("list", "claims in an oblast as a map", "/claims/?region=UA-14&synthetic=include&view=map"),
        ("list", "claims as a table, 100 rows", "/claims/?synthetic=include&view=table&per_page=100"),
        # What the map's script asks for: the clustered places in view, at the zoom the map shows.
        ("list", "map points, whole map (zoom 6)", f"/claims/map.json?synthetic=include&{MAP_VIEWS['whole']}"),
        (
            "list",
            "map points, claims in an oblast (zoom 8)",
            f"/claims/map.json?region=UA-14&synthetic=include&{MAP_VIEWS['oblast']}",
        ),
        (
            "list",
            "map points, one topic (zoom 6)",
            f"/claims/map.json?topic=territorial_control&synthetic=include&{MAP_VIEWS['whole']}",
        ),
        ("list", "map points, zoomed in (zoom 11)", f"/claims/map.json?synthetic=include&{MAP_VIEWS['near']}"),
        ("list", "articles, no filter", "/articles/?synthetic=include"),
        ("list", "articles in an oblast", "/articles/?region=UA-09&synthetic=include"),
        ("detail", "article", f"/articles/{article}/"),
        ("detail", "claim", f"/claims/{claim}/"),
        ("detail", "region (oblast)", "/regions/donetsk-oblast/?synthetic=include"),
        ("detail", "source", "/sources/isw/?synthetic=include"),
        ("detail", "home", "/"),
        ("picker", "region picker", "/regions/search.json?q=%D0%9B%D1%83%D0%B3"),
    ]


def measure(port, path, requests):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    timings = []
    for number in range(requests + 3):
        started = time.perf_counter()
        connection.request("GET", path, headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        response.read()
        elapsed = (time.perf_counter() - started) * 1000
        if response.status != 200:
            raise RuntimeError(f"{path} answered {response.status}")
        if number >= 3:
            timings.append(elapsed)
    connection.close()
    timings.sort()
    return statistics.median(timings), timings[max(0, int(round(0.95 * len(timings))) - 1)]


def explain_slowest(path):
    """EXPLAIN ANALYZE of the two costliest statements the page runs, captured in-process."""
    script = f"""
import time
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
with CaptureQueriesContext(connection) as captured:
    Client().get({path!r}, HTTP_HOST="127.0.0.1", secure=True)
costly = sorted(captured.captured_queries, key=lambda q: -float(q["time"]))[:2]
for query in costly:
    print("-- " + query["time"] + " s")
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
        print("\\n".join(row[0] for row in cursor.fetchall()))
    print()
"""
    return manage("shell", "--no-imports", "-c", script).stdout


ESTIMATE_SCRIPT = """
import json
from django.db.models import Count
from django.http import QueryDict
from reports.listings import CLAIMS, evaluate
from reports.listings.results import facets_of
result = []
for query in QUERIES:
    listing_query = evaluate(CLAIMS, QueryDict(query), strict=True)
    facets = facets_of(listing_query, QueryDict(query))
    exact_total = listing_query.queryset.count()
    worst = {}
    for name, column in (("topic", "topic"), ("status", "status"), ("source", "claimant__slug")):
        shown = {item.value: item.count for item in facets.groups.get(name, [])}
        exact = dict(listing_query.queryset.order_by().values_list(column).annotate(n=Count("id")))
        errors = [abs(count - exact.get(value, 0)) / exact[value] for value, count in shown.items() if exact.get(value)]
        worst[name] = max(errors, default=0.0)
    result.append([query, facets.total, exact_total, worst])
print(json.dumps(result))
"""
ESTIMATE_QUERIES = ["synthetic=include", "region=UA-14&synthetic=include", "source=isw&synthetic=include"]


def estimate_errors():
    """How far the counts a list shows stray from plain GROUP BY counts of the same filters (they should not)."""
    script = f"QUERIES = {ESTIMATE_QUERIES!r}\n" + ESTIMATE_SCRIPT
    return json.loads(manage("shell", "--no-imports", "-c", script).stdout.strip().splitlines()[-1])


def machine():
    cpu = "unknown CPU"
    with contextlib.suppress(OSError, AttributeError):
        cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text()).group(1)
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, {platform.system()} {platform.release()}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--claims", type=int, default=DEFAULT_CLAIMS, help="size of the archive in claims (default 1,000,000; 10000000 for 10M)"
    )
    parser.add_argument("--build-only", action="store_true", help="build (or check) the archive, measure nothing")
    parser.add_argument("--floor-runs", type=int, default=3, help="runs of each plain-SQL floor statement (median; default 3)")
    parser.add_argument("--requests", type=int, default=60, help="measured requests per URL (default 60)")
    parser.add_argument(
        "--cold-requests", type=int, default=20, help="measured requests per URL with every count made afresh (default 20)"
    )
    parser.add_argument("--no-write", action="store_true", help="print the results only; leave docs/benchmarks.md alone")
    parser.add_argument("--database-url", help="measure this archive, already built (read only), not var/bench's")
    parser.add_argument("--readers", type=int, default=8, help="concurrent readers of the throughput run (default 8)")
    parser.add_argument("--seconds", type=int, default=20, help="length of the throughput run (default 20 s)")
    options = parser.parse_args()

    global DATABASE_URL, BENCH_VAR
    DATABASE_URL = options.database_url or DATABASE_URL
    if options.claims != DEFAULT_CLAIMS:
        BENCH_VAR = BENCH_VAR / size_label(options.claims)
    load_at_start = bench_floor.load_average()
    print(f"load average at the start: {load_at_start}", flush=True)
    if DATABASE_URL:
        manage("collectstatic", "--no-input")
    else:
        build_archive(options.claims // CLAIMS_PER_ARTICLE)
    if options.build_only:
        print(f"archive ready under {BENCH_VAR}", flush=True)
        return
    counts = {
        name: int(sql(f"SELECT count(*) FROM {table}"))
        for name, table in [
            ("articles", "reports_article"),
            ("claims", "reports_claim"),
            ("regions", "reports_region"),
            ("sources", "reports_source"),
        ]
    }
    version = sql("SHOW server_version")
    article, claim = sample_paths()
    # Twice: as served (the counts of an address cached until the next write), then counting every request afresh
    # (COUNTS_CACHE=0), which is what an address asked for the first time since a write costs.
    runs = {}
    for mode, extra, requests in [("cached", {}, options.requests), ("afresh", {"COUNTS_CACHE": "0"}, options.cold_requests)]:
        port = free_port()
        server = start_server(port, **extra)
        try:
            measured = []
            for kind, label, path in urls(article, claim):
                p50, p95 = measure(port, path, requests)
                measured.append((kind, label, path, p50, p95))
                print(f"{mode:6} {label:55} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   (target {TARGETS[kind]} ms)", flush=True)
            load_at_throughput = bench_floor.load_average()
            loaded = bench_floor.throughput(port, THROUGHPUT_PATH, readers=options.readers, seconds=options.seconds)
            loaded.update(path=THROUGHPUT_PATH, readers=options.readers, seconds=options.seconds, load=load_at_throughput)
            print(f"{mode:6} {THROUGHPUT_PATH} under {options.readers} readers: {loaded['rps']:.1f} requests/s", flush=True)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        runs[mode] = measured, loaded
    afresh = {row[2]: row[3:] for row in runs["afresh"][0]}
    # (kind, label, path, p50, p95 as served, p50, p95 counted afresh)
    rows = [(*row, *afresh[row[2]]) for row in runs["cached"][0]]
    loaded = runs["cached"][1]
    loaded_afresh = runs["afresh"][1]
    floor = bench_floor.floors(
        manage, [row[2] for row in rows if row[0] == "list" and "view=map" not in row[2]], repeats=options.floor_runs
    )
    slowest = max((row for row in rows if row[0] == "list"), key=lambda row: row[6])
    plans = explain_slowest(slowest[2])
    errors = estimate_errors()
    for query, shown, exact, worst in errors:
        print(f"counts for {query}: total {shown} (count(*) {exact}), worst facet error {worst}", flush=True)
    report = render(
        rows, counts, version, slowest, plans, (options.requests, options.cold_requests), errors, floor=floor,
        loaded=(loaded, loaded_afresh), load=load_at_start,
        marks=section_marks(options.claims), built=build_record(), sizes=table_sizes(), floor_runs=options.floor_runs,
    )  # fmt: skip
    if options.no_write:
        print(report)
    else:
        write_section(report, section_marks(options.claims))
        print(f"written to {DOC.relative_to(ROOT)}")
    missed = [row for row in rows if row[6] > TARGETS[row[0]]]
    print(f"{len(rows) - len(missed)} of {len(rows)} URLs within their p95 target")


def server_description():
    if not DATABASE_URL:
        return "embedded, default settings"
    address = re.sub(r"//[^@/]*@", "//", DATABASE_URL)  # no credentials in the report
    return f"at {address}"


def render(rows, counts, version, slowest, plans, requests, errors, *, floor, loaded, load, marks, built, sizes, floor_runs):
    title = "## Pages" if marks[0] == "<!-- pages:start -->" else f"## Pages at {counts['claims']:,} claims"
    lines = [
        marks[0],
        title,
        "",
        f"Measured {datetime.date.today().isoformat()} on {machine()}; PostgreSQL {version} ({server_description()}); "
        "gunicorn as config/gunicorn.py sets it (2 processes of 16 threads); "
        f"{requests[0]} sequential requests per URL after 3 warm-up requests as the site serves them (the counts of an"
        " address are cached under the archive's data version until the next write: reports/caching.py), then"
        f" {requests[1]} with every count made afresh (`COUNTS_CACHE=0`: what an address costs the first time it is"
        " asked after a write); the target is checked on the second. "
        f"Load average at the start: {load} (other work on the same cores weighs on every figure).",
        "",
        f"Archive: {counts['articles']:,} articles, {counts['claims']:,} claims, {counts['regions']:,} regions, "
        f"{counts['sources']:,} sources (`generate_archive --seed 1` over the gazetteer and KATOTTG)."
        + (
            f" Built {built['date']} in {built['seconds'] / 60:.0f} min ({built['generate_seconds'] / 60:.0f} min generating"
            f" {built['articles']:,} articles; load average {built['load']} at the start)."
            if built
            else ""
        ),
        "",
        f"Floor: the same filters in plain SQL on the same database, each statement on its own (median of {floor_runs} runs):",
        "an exact `count(*)` and one `GROUP BY` per facet (counts), and the SELECT of the page's rows (rows).",
        "The ratio is the page's p50 counted afresh over the whole floor: below 1, it costs less than counting naively.",
        "",
        "| page | URL | p50 ms | p95 ms | afresh p50 ms | afresh p95 ms | target p95 ms | | floor: counts ms | rows ms"
        " | afresh p50 ÷ floor |",
        "|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|",
    ]
    for kind, label, path, p50, p95, cold50, cold95 in rows:
        verdict = "met" if cold95 <= TARGETS[kind] else f"missed by {cold95 - TARGETS[kind]:.0f} ms"
        base = floor.get(path)
        compared = "| |"
        if base:
            compared = f"{base['counts']:.1f} | {base['rows']:.1f} | {cold50 / (base['counts'] + base['rows']):.2f}"
        timings = f"{p50:.1f} | {p95:.1f} | {cold50:.1f} | {cold95:.1f}"
        lines.append(f"| {label} | `{path}` | {timings} | {TARGETS[kind]} | {verdict} | {compared} |")
    lines.append("")
    for run, label in zip(loaded, ["as served", "counting every request afresh"], strict=True):
        lines.append(
            f"Throughput {label}: `{run['path']}` under {run['readers']} concurrent readers for {run['seconds']} s "
            f"({run['tool']}; load average {run['load']} when it began): **{run['rps']:.1f} requests/s**, "
            f"{run['requests']:,} answered, {run['errors']} errors, latency p50 {fmt_ms(run['p50'])}, "
            f"p99 {fmt_ms(run['p99'])}."
        )
    lines += [
        "",
        "Counts shown against plain `count(*)` and `GROUP BY` of the same filters (largest relative error of one value):",
        "",
        "| filters | total shown | count(*) | topic | status | claimed by |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for query, shown, exact, worst in errors:
        lines.append(
            f"| `{query}` | {shown:,} | {exact:,} | {worst['topic']:.1%} | {worst['status']:.1%} | {worst['source']:.1%} |"
        )
    lines += ["", "Largest tables (bytes on disk; rows as the planner estimates them):", ""]
    lines += ["| table | rows | table | indexes |", "|---|---:|---:|---:|"]
    for name, table_bytes, index_bytes, estimated in sizes[:14]:
        lines.append(f"| `{name}` | {max(estimated, 0):,} | {mebibytes(table_bytes)} | {mebibytes(index_bytes)} |")
    lines += [
        "",
        f"Plans of the costliest statements of the slowest list, {slowest[1]} (`{slowest[2]}`):",
        "",
        "```",
        plans.strip(),
        "```",
        marks[1],
    ]
    return "\n".join(lines)


def mebibytes(size):
    return f"{size / 2**20:,.0f} MiB" if size >= 2**20 else f"{size / 1024:,.0f} KiB"


def fmt_ms(value):
    return "n/a" if value is None else f"{value:.0f} ms"


def write_section(report, marks):
    DOC.parent.mkdir(exist_ok=True)
    text = (
        DOC.read_text()
        if DOC.exists()
        else "# Benchmarks\n\nProduced by `make bench` (pages) and `scripts/bench_export.py` (exports).\n"
    )
    if marks[0] in text:
        text = re.sub(re.escape(marks[0]) + ".*?" + re.escape(marks[1]), lambda _: report, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n" + report + "\n"
    DOC.write_text(text)


if __name__ == "__main__":
    main()
