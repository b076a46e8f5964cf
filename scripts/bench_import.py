"""Import throughput: a few thousand generated articles in the sample layout, with region and claim detection on.

Works in a database of its own (created, migrated and dropped again), loads the shipped gazetteer and sources,
and, with --katottg, the full codifier of Ukraine (about 30,000 regions) so the matcher is measured at the scale
it must bear. Prints the matcher's build time, detection alone, and the whole import (parse, detect, write,
one transaction per article), in articles per second.

    DEBUG=1 .venv/bin/python scripts/bench_import.py [--articles 3000] [--katottg]
"""

import argparse
import datetime
import os
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
from reports.services import importing  # noqa: E402
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--katottg", action="store_true", help="Load the full codifier (30,000 regions) first.")
    parser.add_argument("--workers", type=int, default=default_workers(), help="Analysing processes (as import_articles).")
    options = parser.parse_args()
    connection.settings_dict["TEST"]["NAME"] = "bench_import"  # never the tests' database
    original = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        run(options)
    finally:
        connection.creation.destroy_test_db(original, verbosity=0)


def run(options) -> None:
    gazetteer_load()
    sources_load()
    if options.katottg:
        katottg_load()
    places = list(Region.objects.exclude(kind="country").values_list("name", flat=True)[:400])
    rng = random.Random(20250402)
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number in range(options.articles):
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
        cpu = _cpu_seconds()
        started = time.perf_counter()
        summary = importing.articles_import(records=_read(paths), context=context, workers=options.workers)
        elapsed = time.perf_counter() - started
        cpu = [after - before for before, after in zip(cpu, _cpu_seconds(), strict=True)]
        claims = Claim.objects.count()
    regions = Region.objects.count()
    print(f"regions in the gazetteer:   {regions:,}")
    print(f"matcher and sources built:  {built:.2f} s")
    print(f"detection alone:            {len(records) / detection:,.0f} articles/s")
    print(f"import (read, detect, write, a transaction each): {summary.created:,} articles in {elapsed:.1f} s, "
          f"{summary.created / elapsed:,.0f} articles/s ({summary})")  # fmt: skip
    created = max(summary.created, 1)
    print(f"  {claims / created:.1f} suggested claims per article; CPU per article: "
          f"import process {1000 * cpu[0] / created:.2f} ms, analysing workers {1000 * cpu[1] / created:.2f} ms, "
          f"PostgreSQL {1000 * cpu[2] / created:.2f} ms; {options.workers} workers, {os.cpu_count()} cores")  # fmt: skip


def _cpu_seconds() -> tuple[float, float, float]:
    """CPU time so far of this process, of its finished children (the workers), and of its PostgreSQL backend."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (backend,) = cursor.fetchone()
    fields = Path(f"/proc/{backend}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime, (int(fields[11]) + int(fields[12])) / ticks


def _read(paths):
    for path in paths:
        with path.open("rb") as stream:
            yield from read_records(str(path), stream)


if __name__ == "__main__":
    main()
