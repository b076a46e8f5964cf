"""Compare the pages of two checkouts on the same bench archive, request by request, under the same load.

    python scripts/bench_compare.py --baseline ../baseline-checkout [--requests 40] [--pair '/old-path /new-path' …]

Both checkouts are served by gunicorn (2 workers each) over the archive `make bench` built under var/bench;
requests alternate between them, so whatever else the machine does weighs on both alike. Each pair
names the same question in each checkout's own words (an address may have changed between them).
Prints p50 and p95 in ms per pair and the ratio of the new to the baseline. Read-only: nothing is written.
"""

import argparse
import http.client
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench  # noqa: E402

# The five standard list operations, and the rest of the bench's list pages, in the baseline's words and in
# this checkout's (which leaves synthetic records out unless asked for: the bench archive is synthetic).
PAIRS = [
    ("/claims/", "/claims/?synthetic=include"),
    ("/claims/?region=UA-14", "/claims/?region=UA-14&synthetic=include"),
    ("/claims/?source=isw", "/claims/?source=isw&synthetic=include"),
    ("/claims/?q=Lyman", "/claims/?q=Lyman&synthetic=include"),
    (
        "/claims/?occurred_from=2024-01-01&occurred_to=2024-12-31",
        "/claims/?occurred_from=2024-01-01&occurred_to=2024-12-31&synthetic=include",
    ),
    (
        "/claims/?region=UA-14&source=isw&q=Russian&occurred_from=2023-01-01&occurred_to=2025-12-31&topic=territorial_control",
        "/claims/?q=Russian&region=UA-14&source=isw&topic=territorial_control&occurred_from=2023-01-01"
        "&occurred_to=2025-12-31&synthetic=include",
    ),
    ("/claims/?page=1000", "/claims/?synthetic=include&page=1000"),
    ("/articles/", "/articles/?synthetic=include"),
    ("/articles/?region=UA-09", "/articles/?region=UA-09&synthetic=include"),
    ("/regions/donetsk-oblast/", "/regions/donetsk-oblast/?synthetic=include"),
]


def serve(checkout: Path, port: int):
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--timeout", "120"],
        cwd=checkout,
        env=bench.env(),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=2).request("GET", "/healthz")
            return process
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{checkout} did not start")


def timed(connection, path):
    started = time.perf_counter()
    connection.request("GET", path, headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        raise RuntimeError(f"{path} answered {response.status}")
    return (time.perf_counter() - started) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", type=Path, required=True, help="the other checkout (a git worktree of an older commit)")
    parser.add_argument("--requests", type=int, default=40, help="measured requests per address and checkout (default 40)")
    options = parser.parse_args()
    ports = bench.free_port(), bench.free_port()
    servers = [serve(options.baseline.resolve(), ports[0]), serve(bench.ROOT, ports[1])]
    try:
        connections = [http.client.HTTPConnection("127.0.0.1", port, timeout=120) for port in ports]
        print(f"{'page':70} {'baseline p50/p95':>18} {'this p50/p95':>16} {'ratio p50':>9}")
        for old_path, new_path in PAIRS:
            timings = [[], []]
            for number in range(options.requests + 3):
                for side, path in ((0, old_path), (1, new_path)):
                    elapsed = timed(connections[side], path)
                    if number >= 3:
                        timings[side].append(elapsed)
            (old50, old95), (new50, new95) = (_percentiles(values) for values in timings)
            print(f"{new_path[:70]:70} {old50:8.1f}/{old95:7.1f} {new50:8.1f}/{new95:7.1f} {new50 / old50:9.2f}", flush=True)
    finally:
        for server in servers:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


def _percentiles(values):
    values = sorted(values)
    return statistics.median(values), values[max(0, round(0.95 * len(values)) - 1)]


if __name__ == "__main__":
    main()
