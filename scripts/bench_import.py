"""Import throughput: a few thousand generated articles in the sample layout, with region and claim detection on.

Works in a database of its own (created, migrated and dropped again) on the configured server. Imports the
articles three times, each time new ones: with the shipped gazetteer (111 regions); after loading the full
codifier of Ukraine (about 31,700 regions), the scale the matcher must bear; and with that codifier again,
one transaction per article (--batch-size 1), for comparison. Prints for each the matcher's build time,
detection alone on one core, the whole import (read, detect, write) in articles per second, and where the
CPU went. With --write the results replace the "Import" section of docs/benchmarks.md.

    DEBUG=1 .venv/bin/python scripts/bench_import.py [--articles 3000] [--workers N] [--write]
"""

import argparse
import datetime
import os
import platform
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from reports.importers.formats import read_records  # noqa: E402
from reports.models import Claim, Region  # noqa: E402
from reports.services import import_runs, importing  # noqa: E402
from reports.services.analysers import default_workers  # noqa: E402
from reports.services.gazetteer import gazetteer_load  # noqa: E402
from reports.services.katottg import katottg_load  # noqa: E402
from reports.services.sources import sources_load  # noqa: E402

CLAIMANTS = ["ISW", "General Staff", "Russian Ministry of Defence", "UK Ministry of Defence", "IAEA", "Kremlin"]
PUBLISHERS = ["UNN", "Ukrinform", "Suspilne", "Kyiv Independent", "Reuters"]
SENTENCES = [
    "Russian forces advanced near {place} {when}, the {who} said.",
    "According to the {who}, Ukrainian defenders repelled {count} assaults near {place} {when}.",
    "The {who} reported that Russian troops struck {place} with {count} drones {when}.",
    "Analysts point out that the occupiers have tried to capture {place} since the end of {month} {year}.",
    "They recall that Ukrainian forces liberated {place} in the fall of {year}, pushing the enemy back {count} kilometers.",
    "Fighting continues on the {place} front, where the enemy attacked {count} times {when}.",
    "Civilians in {place} were evacuated, and the authorities repaired the power grid.",
]
WHEN = ["yesterday", "on Sunday", "last week", "overnight", "on {month} {day}", "in {month} {year}", "over the past day"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November"]


def article(rng: random.Random, number: int, places: list[str]) -> str:
    day = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randrange(700))
    claimant = rng.choice(CLAIMANTS)

    def fill(template: str) -> str:
        return template.format(
            place=rng.choice(places),
            who=claimant,
            count=rng.randrange(2, 160),
            month=rng.choice(MONTHS),
            year=rng.choice([2022, 2023, 2024]),
            day=rng.randrange(1, 28),
            when=rng.choice(WHEN).format(month=rng.choice(MONTHS), year=rng.choice([2023, 2024]), day=rng.randrange(1, 28)),
        )

    body = ["Details", *(fill(rng.choice(SENTENCES)) for _ in range(rng.randrange(6, 12)))]
    body[4:4] = [fill(rng.choice(SENTENCES)) + " " + fill(rng.choice(SENTENCES))]
    body += ["Let us remind you", fill(SENTENCES[-1])]
    title = f"Report {number}: fighting near {rng.choice(places)} - {claimant}"
    return "\n".join([f" date {day.isoformat()} {title}", f"Kyiv • {rng.choice(PUBLISHERS)}", fill(SENTENCES[0]), *body]) + "\n"


SECTION_START, SECTION_END = "<!-- import:start -->", "<!-- import:end -->"
DOC = ROOT / "docs" / "benchmarks.md"
TARGET = 500  # articles per second on 2 cores (the importer's issue)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000, help="Articles per run (default %(default)s).")
    parser.add_argument("--workers", type=int, default=default_workers(), help="Analysing processes (as import_articles).")
    parser.add_argument("--write", action="store_true", help="Replace the Import section of docs/benchmarks.md.")
    options = parser.parse_args()
    connection.settings_dict["TEST"]["NAME"] = "bench_import"  # never the tests' database
    original = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        gazetteer_load()
        sources_load()
        results = [run("shipped gazetteer", options, first=0)]
        katottg_load()
        results.append(run("gazetteer and codifier", options, first=options.articles))
        results.append(run("gazetteer and codifier", options, first=2 * options.articles, batch_size=1))
    finally:
        connection.creation.destroy_test_db(original, verbosity=0)
    if options.write:
        write_section(results, options)


def run(label: str, options, *, first: int, batch_size: int = import_runs.BATCH_ARTICLES) -> dict:
    """Import `options.articles` new articles, numbered from `first`; the figures of the run."""
    places = list(Region.objects.exclude(kind="country").order_by("pk").values_list("name", flat=True)[:400])
    rng = random.Random(20250402 + first)
    claims_before = Claim.objects.count()
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number in range(first, first + options.articles):
            path = Path(folder) / f"{number:05d}.txt"
            path.write_text(article(rng, number, places), encoding="utf-8")
            paths.append(path)
        started = time.perf_counter()
        context = importing.import_context_build(draft=True)
        built = time.perf_counter() - started
        records = [record for path in paths for record in read_records(str(path), path.open("rb"))]
        started = time.perf_counter()
        for record in records:
            importing.analyse(
                title=record.title, lead=record.lead, body=record.body, published_on=record.published_on, language="en",
                publisher=None, cited=[], regions=context.regions, sources=context.sources,
            )  # fmt: skip
        detection = time.perf_counter() - started
        load = os.getloadavg()[0]
        cpu = _cpu_seconds()
        started = time.perf_counter()
        summary = import_runs.articles_import(
            records=_read(paths), context=context, workers=options.workers, batch_size=batch_size
        )
        elapsed = time.perf_counter() - started
        _writers_gone()
        cpu = [after - before for before, after in zip(cpu, _cpu_seconds(), strict=True)]
    created = max(summary.created, 1)
    result = {
        "label": label,
        "regions": Region.objects.count(),
        "batch_size": batch_size,
        "built": built,
        "detection": len(records) / detection,
        "created": summary.created,
        "summary": str(summary),
        "seconds": elapsed,
        "rate": summary.created / elapsed,
        "claims": (Claim.objects.count() - claims_before) / created,
        "cpu": [1000 * value / created for value in cpu],
        "load": load,
    }
    print(
        f"{label}, {result['regions']:,} regions, {batch_size} per transaction: matcher {built:.2f} s; "
        f"detection alone {result['detection']:,.0f}/s; import {summary.created:,} in {elapsed:.1f} s = "
        f"{result['rate']:,.0f} articles/s ({summary}); {result['claims']:.1f} claims per article; CPU per article: "
        f"import process {result['cpu'][0]:.2f} ms, workers {result['cpu'][1]:.2f} ms, PostgreSQL {result['cpu'][2]:.2f} ms"
    )
    return result


def _cpu_seconds() -> tuple[float, float, float]:
    """CPU time so far of this process (with its writer threads), of its finished children (the workers), and of
    the PostgreSQL server: every process of it, and the backends that have exited (the writers' connections)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (backend,) = cursor.fetchone()
    server = int(_stat(backend)[1])
    ticks = sum(int(field) for field in _stat(server)[11:15])  # its own time and its exited children's
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = _stat(int(entry.name))
            except OSError:  # gone meanwhile
                continue
            if int(fields[1]) == server:
                ticks += int(fields[11]) + int(fields[12])
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime, ticks / os.sysconf("SC_CLK_TCK")


def _writers_gone() -> None:
    """Wait until the writers' connections have ended, so that their backends' CPU time is counted."""
    for _ in range(100):
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")
            (connections,) = cursor.fetchone()
        if connections <= 1:
            break
        time.sleep(0.05)
    time.sleep(0.2)  # and the server has collected their exit


def _stat(pid: int) -> list[str]:
    """The fields of /proc/PID/stat after the command name: state, parent, … (utime is [11], stime [12])."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def _read(paths):
    for path in paths:
        with path.open("rb") as stream:
            yield from read_records(str(path), stream)


def section(results: list[dict], options) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        (server,) = cursor.fetchone()
    lines = [
        SECTION_START,
        "## Import",
        "",
        f"Measured {datetime.date.today().isoformat()} with `scripts/bench_import.py` on {os.cpu_count()} cores "
        f"({_cpu_name()}), Linux {platform.release()}; PostgreSQL {server.split()[0]}, default settings; "
        f"{options.workers} analysing worker processes, {import_runs.WRITERS} batches written at once. Each run imports "
        f"{options.articles:,} new generated articles "
        "in the sample layout (a title, a dateline, a lead and 8 to 13 body sentences naming places, claimants and "
        "dates) as drafts, from one file each, into a database of the script's own. Detection alone is one core "
        "finding places and claims, without writing. CPU per article is the importing process (with its reading and "
        "writing threads), its workers, and the PostgreSQL server (all its processes, from /proc). The load average "
        "at the start of each run is in the last column.",
        "",
        "| gazetteer | articles per transaction | matcher build | detection alone | import | target "
        "| claims per article | CPU per article: import / workers / PostgreSQL | load |",
        "|---|---:|---:|---:|---:|---:|---:|---|---:|",
    ]
    for result in results:
        rate = result["rate"]
        verdict = "met" if rate >= TARGET else f"missed by {TARGET - rate:,.0f}"
        cpu = " / ".join(f"{value:.2f}" for value in result["cpu"])
        lines.append(
            f"| {result['label']} ({result['regions']:,} regions) | {result['batch_size']} | {result['built']:.2f} s "
            f"| {result['detection']:,.0f}/s | **{rate:,.0f}/s** | {TARGET}/s ({verdict}) | {result['claims']:.1f} "
            f"| {cpu} ms | {result['load']:.1f} |"
        )
    lines += [SECTION_END]
    return "\n".join(lines)


def _cpu_name() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.machine()


def write_section(results: list[dict], options) -> None:
    text = DOC.read_text()
    new = section(results, options)
    if SECTION_START in text:
        before, rest = text.split(SECTION_START, 1)
        text = before + new + rest.split(SECTION_END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + new + "\n"
    DOC.write_text(text)


if __name__ == "__main__":
    main()
