"""Measure export throughput and the server's memory while it streams a large export.

    python scripts/bench_export.py                     # the archive under $VAR_DIR (default var/bench)
    python scripts/bench_export.py --formats csv jsonl --write

Serves the archive with gunicorn (config/gunicorn.py, with one process) on 127.0.0.1, downloads
each export over HTTP as a client would, and meanwhile samples the worker's resident memory. Reports
rows per second (from the request to the last byte), time to the first byte, and the worker's resident
memory before, at its peak during and after the download. The archive must already hold the data:
`manage.py load_demo` and `manage.py generate_archive --articles 250000 --seed 1`; the default export,
`/claims/?format=csv&synthetic=only`, is every public synthetic claim. With --write the results replace
the "Exports" section of docs/benchmarks.md.
"""

import argparse
import datetime
import http.client
import os
import platform
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
SECTION_START, SECTION_END = "<!-- exports:start -->", "<!-- exports:end -->"
TARGET_ROWS_PER_SECOND = 50_000
READ_BYTES = 1 << 20
WARM_UP_PATH = "/claims/?format=csv&synthetic=only&published_from=2026-10-30"


def env(var_dir):
    values = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "VAR_DIR"}}
    values.update(VAR_DIR=str(var_dir), DEBUG="0", SECRET_KEY="bench-" + "x" * 60, ALLOWED_HOSTS="127.0.0.1,localhost")
    # Speed is measured here, not the rate limit: one client makes thousands of requests.
    values.update(dict.fromkeys(("API_RATE_LIMIT", "FEED_RATE_LIMIT", "EXPORT_RATE_LIMIT"), "1000000/minute"))
    values.update(SECURE_SSL_REDIRECT="0", LOG_LEVEL="WARNING")
    return values


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(var_dir, port):
    # The committed settings, with one process so that its memory is the export's.
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--config", "config/gunicorn.py", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", "1"]
    process = subprocess.Popen(command, cwd=ROOT, env=env(var_dir), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited: {process.stderr.read().decode()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("gunicorn did not start within 120 s")


def worker_of(master):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        children = psutil.Process(master.pid).children()
        if children:
            return children[0]
        time.sleep(0.1)
    raise RuntimeError("no gunicorn worker")


class MemorySampler(threading.Thread):
    """The worker's resident memory every `interval` seconds until stopped."""

    def __init__(self, process, interval=0.05):
        super().__init__(daemon=True)
        self.process, self.interval, self.samples = process, interval, []
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.is_set():
            self.samples.append(self.process.memory_info().rss)
            time.sleep(self.interval)

    def stop(self):
        self.stopped.set()
        self.join()
        return self.samples


def download(port, path):
    """(bytes, line breaks, seconds to the first byte, seconds in all) of one GET."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=900)
    started = time.monotonic()
    connection.request("GET", path)
    response = connection.getresponse()
    if response.status != 200:
        raise RuntimeError(f"{path}: {response.status} {response.read()[:500]!r}")
    size = newlines = 0
    first_byte = None
    while block := response.read(READ_BYTES):
        if first_byte is None:
            first_byte = time.monotonic() - started
        size += len(block)
        newlines += block.count(b"\n")
    elapsed = time.monotonic() - started
    connection.close()
    return size, newlines, first_byte or elapsed, elapsed


def rows_in(export_format, newlines):
    # Synthetic quotes hold no line breaks: every row is one line; CSV adds a header, JSON its brackets.
    return {"csv": newlines - 1, "jsonl": newlines, "json": newlines - 2, "geojson": newlines - 2}[export_format]


def measure(var_dir, path_templates, formats):
    port = free_port()
    server = start_server(var_dir, port)
    try:
        worker = worker_of(server)
        download(port, WARM_UP_PATH)
        results = []
        for path_template, export_format in [(template, name) for template in path_templates for name in formats]:
            path = path_template.format(format=export_format)
            before = worker.memory_info().rss
            sampler = MemorySampler(worker)
            sampler.start()
            load_before = os.getloadavg()[0]
            size, newlines, first_byte, elapsed = download(port, path)
            samples = sampler.stop()
            rows = rows_in(export_format, newlines)
            results.append(
                {
                    "format": export_format,
                    "path": path,
                    "rows": rows,
                    "bytes": size,
                    "seconds": elapsed,
                    "first_byte": first_byte,
                    "rows_per_second": rows / elapsed,
                    "rss_before": before,
                    "rss_peak": max(samples, default=before),
                    "rss_after": worker.memory_info().rss,
                    "load": load_before,
                }
            )
            print(report_line(results[-1]), flush=True)
        return results
    finally:
        server.terminate()
        server.wait(timeout=60)


def mib(value):
    return f"{value / (1 << 20):,.0f} MiB"


def report_line(result):
    return (
        f"{result['path']}: {result['rows']:,} rows, {result['bytes'] / 1e6:,.0f} MB in {result['seconds']:.1f} s "
        f"({result['rows_per_second']:,.0f} rows/s, first byte after {result['first_byte']:.1f} s); worker RSS "
        f"{mib(result['rss_before'])} before, {mib(result['rss_peak'])} at peak, {mib(result['rss_after'])} after"
    )


def cpu_name():
    for line in Path("/proc/cpuinfo").read_text().splitlines() if Path("/proc/cpuinfo").exists() else []:
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.machine()


def archive_summary(var_dir):
    script = (
        "from reports.models import Article, Claim, Region, Source;"
        "print(f'{Article.objects.count():,} articles, {Claim.objects.count():,} claims "
        "({Claim.objects.public().count():,} public), {Region.objects.count():,} regions, {Source.objects.count():,} sources')"
    )
    command = [sys.executable, "manage.py", "shell", "--no-imports", "-c", script]
    return subprocess.run(command, cwd=ROOT, env=env(var_dir), capture_output=True, text=True, check=True).stdout.strip()


def section(results, archive):
    lines = [
        SECTION_START,
        "## Exports",
        "",
        f"Measured {datetime.date.today().isoformat()} with `scripts/bench_export.py` on {os.cpu_count()} cores ({cpu_name()}), "
        f"{psutil.virtual_memory().total / (1 << 30):.0f} GiB, Linux {platform.release()}; embedded PostgreSQL 16, "
        "default settings; gunicorn as config/gunicorn.py sets it, with one process; "
        "the client reads over HTTP on 127.0.0.1 in 1 MiB blocks "
        "while the worker's resident memory is sampled every 50 ms. Rows per second count from the request to the "
        "last byte. Other work shared the machine (load average at the start of each run in the last column).",
        "",
        f"Archive: {archive}, made by `load_demo` and `generate_archive` (whose claims carry the importer's mix of "
        "statuses: about three in four are public; the others are suggestions, which no export holds).",
        "",
        "| export | rows | size | time | rows/s | target | first byte | worker RSS before / peak / after | load |",
        "|---|---:|---:|---:|---:|---:|---:|---|---:|",
    ]
    for result in results:
        target = f"{TARGET_ROWS_PER_SECOND:,}" if result["path"].startswith("/claims/?format=csv") else "—"
        lines.append(
            f"| `{result['path']}` | {result['rows']:,} | {result['bytes'] / 1e6:,.0f} MB | {result['seconds']:.1f} s "
            f"| {result['rows_per_second']:,.0f} | {target} | {result['first_byte']:.1f} s "
            f"| {mib(result['rss_before'])} / {mib(result['rss_peak'])} / {mib(result['rss_after'])} | {result['load']:.1f} |"
        )
    lines += [
        "",
        "The worker's memory stays flat however many rows pass: PostgreSQL renders each row (COPY … TO STDOUT) and "
        "the worker forwards it in 64 KiB chunks, holding one chunk at a time. The time to the first byte is "
        "PostgreSQL sorting the matching rows into the list's order before it sends the first one.",
        SECTION_END,
    ]
    return "\n".join(lines)


def write_section(results, archive):
    text = DOC.read_text() if DOC.exists() else "# Benchmarks\n"
    new = section(results, archive)
    if SECTION_START in text:
        before, rest = text.split(SECTION_START, 1)
        after = rest.split(SECTION_END, 1)[1]
        text = before + new + after
    else:
        text = text.rstrip("\n") + "\n\n" + new + "\n"
    DOC.write_text(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--var-dir", type=Path, default=Path(os.environ.get("VAR_DIR", ROOT / "var" / "bench")))
    parser.add_argument(
        "--path",
        dest="paths",
        action="append",
        help="export address, {format} filled in; repeat for several (default: every public synthetic claim)",
    )
    parser.add_argument("--formats", nargs="+", default=["csv"], choices=["csv", "json", "jsonl", "geojson"])
    parser.add_argument("--write", action="store_true", help="write the results into docs/benchmarks.md")
    arguments = parser.parse_args()
    results = measure(arguments.var_dir, arguments.paths or ["/claims/?format={format}&synthetic=only"], arguments.formats)
    if arguments.write:
        write_section(results, archive_summary(arguments.var_dir))
        print(f"written to {DOC}")


if __name__ == "__main__":
    main()
