"""How well the importer finds regions, claims and dates, measured on the hand-labelled articles of reports/data/eval/.

Runs the importer's detection exactly as an import does, against the gazetteer and the sources the archive ships
(read from their files, so no database is needed), and prints precision and recall for regions and claims, and
the accuracy of the occurred dates of the claims it found. `--verbose` lists every miss and every extra.

    DEBUG=1 .venv/bin/python scripts/eval_importer.py [--verbose]
"""

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reports.importers.analysis import SourceName, analyse, gazetteer_entries, source_matcher  # noqa: E402
from reports.importers.formats import ArticleRecord, RecordError, read_records  # noqa: E402
from reports.importers.regions import RegionMatcher  # noqa: E402
from reports.importers.text import guess_language  # noqa: E402

DATA = ROOT / "reports" / "data"
EVAL = DATA / "eval"
TARGETS = {"region precision": 0.95, "region recall": 0.9, "occurred-date accuracy": 0.9}


def _fold(name: str) -> str:
    return " ".join(name.replace("’", "'").casefold().split())


class Archive:
    """The shipped gazetteer and sources, as the import service would see them in a fresh archive."""

    def __init__(self):
        gazetteer = json.loads((DATA / "gazetteer.json").read_text(encoding="utf-8"))
        self.slug_of = {number: entry["slug"] for number, entry in enumerate(gazetteer, start=1)}
        self.regions = RegionMatcher(gazetteer_entries(gazetteer))
        sources = json.loads((DATA / "sources.json").read_text(encoding="utf-8"))
        names = [SourceName(s["slug"], (s["name"], s.get("short_name", ""), *s.get("aliases", []))) for s in sources]
        self.sources = source_matcher(names)
        self.known = {_fold(name): source.key for source in names for name in source.names if name}

    def source(self, name: str) -> str:
        """A known source's slug, or a new one, as the service creates it for a name it does not know."""
        key = self.known.get(_fold(name)) or self.known.get(_fold(name).removeprefix("the "))
        if key is None:
            key = self.known[_fold(name)] = f"new:{name}"
            self.sources.add(name, key)
        return key


def detect(archive: Archive, record: ArticleRecord):
    return analyse(
        title=record.title,
        lead=record.lead,
        body=record.body,
        published_on=record.published_on,
        language=record.language or guess_language(record.body),
        publisher=archive.source(record.publisher),
        cited=[archive.source(name) for name in record.cited],
        regions=archive.regions,
        sources=archive.sources,
    )


def _occurred(claim):
    if claim.occurred is None:
        return None
    return [claim.occurred.start.isoformat(), claim.occurred.end.isoformat(), claim.occurred.precision]


def _matches(expected: dict, found) -> bool:
    words = expected["quote"]
    return (words in found.quote or (len(found.quote) >= 20 and found.quote in words)) and found.claimant == expected["claimant"]


class Tally:
    def __init__(self):
        self.counts = dict.fromkeys(["regions found", "regions right", "regions expected", "claims found", "claims right",
                                     "claims expected", "dates right"], 0)  # fmt: skip
        self.notes: list[str] = []

    def article(self, name: str, archive: Archive, record: ArticleRecord, expected: dict) -> None:
        analysis = detect(archive, record)
        found_regions = {archive.slug_of[region] for region in analysis.regions}
        wanted_regions = set(expected["regions"])
        self.counts["regions found"] += len(found_regions)
        self.counts["regions expected"] += len(wanted_regions)
        self.counts["regions right"] += len(found_regions & wanted_regions)
        for slug in sorted(found_regions - wanted_regions):
            self.notes.append(f"{name}: extra region {slug}")
        for slug in sorted(wanted_regions - found_regions):
            self.notes.append(f"{name}: missed region {slug}")
        claims = list(analysis.claims)
        self.counts["claims found"] += len(claims)
        self.counts["claims expected"] += len(expected["claims"])
        used = set()
        for wanted in expected["claims"]:
            match = next((i for i, claim in enumerate(claims) if i not in used and _matches(wanted, claim)), None)
            if match is None:
                self.notes.append(f"{name}: missed claim ({wanted['claimant']}) {wanted['quote']!r}")
                continue
            used.add(match)
            self.counts["claims right"] += 1
            if _occurred(claims[match]) == wanted["occurred"]:
                self.counts["dates right"] += 1
            else:
                found = _occurred(claims[match])
                self.notes.append(f"{name}: date {found} for {wanted['quote']!r}, expected {wanted['occurred']}")
        for index, claim in enumerate(claims):
            if index not in used:
                self.notes.append(f"{name}: extra claim ({claim.claimant}) {claim.quote[:90]!r}")

    def figures(self) -> dict[str, float]:
        c = self.counts

        def ratio(part, whole):
            return c[part] / c[whole] if c[whole] else 1.0

        return {
            "region precision": ratio("regions right", "regions found"),
            "region recall": ratio("regions right", "regions expected"),
            "claim precision": ratio("claims right", "claims found"),
            "claim recall": ratio("claims right", "claims expected"),
            "occurred-date accuracy": ratio("dates right", "claims right"),
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="List every miss and every extra.")
    options = parser.parse_args()
    expected = json.loads((EVAL / "expected.json").read_text(encoding="utf-8"))["articles"]
    archive, tally = Archive(), Tally()
    for name, labels in sorted(expected.items()):
        with open(EVAL / name, "rb") as stream:
            (record,) = read_records(name, stream)
        if isinstance(record, RecordError):
            print(f"cannot read {record}", file=sys.stderr)
            return 2
        tally.article(name, archive, record, labels)
    if options.verbose:
        print("\n".join(tally.notes), end="\n\n")
    c = tally.counts
    print(f"{len(expected)} articles, {c['regions expected']} labelled regions, {c['claims expected']} labelled claims")
    below = []
    for label, value in tally.figures().items():
        target = TARGETS.get(label)
        print(f"{label:<24} {value:.3f}" + (f"   (target ≥ {target})" if target else ""))
        if target and value < target:
            below.append(label)
    if below:
        print(f"below target: {', '.join(below)}")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
