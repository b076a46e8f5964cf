"""What the page benchmark compares itself with: the plain-SQL floor of each list, and the throughput of one list.

The floor of a list address is what the naive design would spend in PostgreSQL on the same filters: an exact
`count(*)`, one `GROUP BY` per facet the page shows (topic, status, language, source, region, year for
claims; language, source, region, year for articles), and the SELECT of the page's rows with the columns
they show, each statement run on its own over the same database and timed in-process (median of a few
runs). A page's p50 divided by its floor says what the listing core adds or saves against it.

The throughput is requests/s of one address under a fixed number of concurrent readers, measured with wrk
(Debian's `wrk`; `make bench` installs it when missing) or, without it, a small load generator of threads.
"""

import http.client
import json
import re
import shutil
import subprocess
import threading
import time

FLOOR_SCRIPT = r"""
import json, statistics, time
from urllib.parse import urlsplit
from django.db import connection
from django.http import QueryDict
from reports.listings import LISTINGS, evaluate
from reports.listings.canonical import PAGE_PARAMETERS
from reports.listings.paging import PER_PAGE
from reports.listings.results import ARTICLE_SHOWN, CLAIM_SHOWN

FACETS = {
    "claims": ["topic", "status", "language", "claimant_id", "region", "year"],
    "articles": ["language", "publisher_id", "region", "year"],
}


def timed(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)  # warm-up
        cursor.fetchall()
        runs = []
        for _ in range(REPEATS):
            started = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


result = {}
for path in PATHS:
    parts = urlsplit(path)
    listing = LISTINGS[parts.path.strip("/").split("/")[0]]
    query = QueryDict(parts.query)
    listing_query = evaluate(listing, query, strict=False, allowed=PAGE_PARAMETERS)
    matched = listing_query.queryset.order_by()
    year = listing.facets.year_column
    columns = ["id", "region_ids", year, *[name for name in FACETS[listing.plural] if name not in ("region", "year")]]
    sql, params = matched.values(*columns).query.sql_with_params()
    statements = {"count": (f"SELECT count(*) FROM ({sql}) AS matched", params)}
    for facet in FACETS[listing.plural]:
        if facet == "region":
            group = f"SELECT place, count(*) FROM ({sql}) AS matched, unnest(matched.region_ids) AS place GROUP BY 1"
        elif facet == "year":
            group = f"SELECT extract(year FROM {year}), count(*) FROM ({sql}) AS matched GROUP BY 1"
        else:
            group = f"SELECT {facet}, count(*) FROM ({sql}) AS matched GROUP BY 1"
        statements[facet] = (group, params)
    number = int(query.get("page", "1"))
    size = int(query.get("per_page", PER_PAGE))
    shown = CLAIM_SHOWN if listing.name == "claim" else ARTICLE_SHOWN
    rows = listing_query.ordered.values("id", *shown)[(number - 1) * size : number * size]
    statements["rows"] = rows.query.sql_with_params()
    timings = {name: timed(sql, params) for name, (sql, params) in statements.items()}
    result[path] = {
        "counts": sum(value for name, value in timings.items() if name != "rows"),
        "rows": timings["rows"],
        "statements": timings,
    }
print(json.dumps(result))
"""


def floors(manage, paths, repeats=3):
    """{path: {"counts": ms, "rows": ms, "statements": {name: ms}}} for list addresses, run through `manage`."""
    script = f"PATHS = {list(paths)!r}\nREPEATS = {int(repeats)}\n" + FLOOR_SCRIPT
    return json.loads(manage("shell", "--no-imports", "-c", script).stdout.strip().splitlines()[-1])


def load_average() -> str:
    with open("/proc/loadavg") as loadavg:
        return " ".join(loadavg.read().split()[:3])


def throughput(port, path, *, readers=8, seconds=20):
    """Requests/s of `path` under `readers` concurrent kept-alive connections: wrk when installed, else threads."""
    if shutil.which("wrk"):
        return _with_wrk(port, path, readers, seconds)
    return _with_threads(port, path, readers, seconds)


def _with_wrk(port, path, readers, seconds):
    url = f"http://127.0.0.1:{port}{path}"
    output = subprocess.run(
        ["wrk", "-t2", f"-c{readers}", f"-d{seconds}s", "--latency", "--timeout", "30s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def milliseconds(label):
        found = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        if not found:
            return None
        value, unit = float(found.group(1)), found.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    return {
        "tool": "wrk",
        "rps": float(re.search(r"Requests/sec:\s*([\d.]+)", output).group(1)),
        "requests": requests,
        "errors": errors,
        "p50": milliseconds("50%"),
        "p99": milliseconds("99%"),
    }


def _with_threads(port, path, readers, seconds):
    deadline = time.monotonic() + seconds
    timings, errors, lock = [], [0], threading.Lock()

    def reader():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Host": "127.0.0.1"})
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                ok = False
            with lock:
                if ok:
                    timings.append((time.perf_counter() - started) * 1000)
                else:
                    errors[0] += 1
        connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=reader) for _ in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    timings.sort()
    percentile = lambda share: timings[min(len(timings) - 1, int(share * len(timings)))] if timings else None  # noqa: E731
    return {
        "tool": "Python threads",
        "rps": len(timings) / elapsed,
        "requests": len(timings),
        "errors": errors[0],
        "p50": percentile(0.5),
        "p99": percentile(0.99),
    }
