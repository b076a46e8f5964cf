"""How well the importer finds regions, claims and dates, measured on the hand-labelled articles of reports/data/eval/.

Three sets, printed separately: `dev` (tuned on) and `test` (only measured, aggregate figures only), articles half
Ukrainian written and labelled before the importer was run on them (docs/importer.md tells how each was made), and
`tuned` (the older set the importer was developed against, kept for reference). Detection runs exactly as an import
does, against the gazetteer and the sources the archive ships and, unless --no-codifier, the full codifier of Ukraine
(31,700 units) placed under the gazetteer as `load_katottg` places it; no database is needed.

Figures: oblast and settlement precision and recall (each region, expected or found, counted at the oblast it lies
in, and separately each place below oblast level); claims found (labelled claims a suggestion quotes: its quote holds
the label's words, lies inside them, or overlaps them where they stand in the text);
claimant right and date right (of the claims found); non-claims (suggestions that match no labelled claim).

    DEBUG=1 .venv/bin/python scripts/eval_importer.py [--verbose] [--set dev|test|tuned] [--no-codifier]
"""

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

from reports.importers.analysis import SourceName, analyse, gazetteer_entries, is_prominent, source_matcher  # noqa: E402
from reports.importers.formats import ArticleRecord, RecordError, read_records  # noqa: E402
from reports.importers.regions import GazetteerEntry, RegionMatcher  # noqa: E402
from reports.importers.text import guess_language, normalize, tokenize  # noqa: E402

DATA = ROOT / "reports" / "data"
EVAL = DATA / "eval"
SETS = ("dev", "test", "tuned")
# The targets, checked on the test half only.
TARGETS = {"oblast precision": 0.95, "oblast recall": 0.95, "settlement precision": 0.9, "settlement recall": 0.9,
           "claims found": 0.8, "claimant right": 0.9, "date right": 0.95}  # fmt: skip
OBLAST_KINDS = ("oblast", "autonomous_republic", "krai", "special_city")


def _fold(name: str) -> str:
    return " ".join(name.replace("’", "'").casefold().split())


def _codifier_units(gazetteer: list[dict], number_of: dict[str, int]):
    """(number, parent number, kind, (Ukrainian name, English name), category) of each codifier unit below the first
    level, placed as load_katottg places them: a unit the gazetteer has (by its code) keeps the gazetteer's number."""
    import django

    django.setup()
    from reports.services.katottg import ISO_CODE_BY_OBLAST, KIND_BY_CATEGORY, _codifier_units
    from reports.services.transliteration import transliterate

    by_iso = {entry["code"]: entry["slug"] for entry in gazetteer if entry.get("code")}
    by_katottg = {entry["katottg"]: entry["slug"] for entry in gazetteer if entry.get("katottg")}
    placed: dict[str, int] = {}
    number = len(gazetteer)
    for unit in _codifier_units():
        if unit.parent_code is None:
            slug = by_iso.get(ISO_CODE_BY_OBLAST.get(unit.code[:4], ""))
            if slug:
                placed[unit.code] = number_of[slug]
            continue
        parent = placed.get(unit.parent_code)
        if parent is None:
            continue
        slug = by_katottg.get(unit.code)
        if slug:
            placed[unit.code] = number_of[slug]
            yield number_of[slug], parent, None, None, unit.category
            continue
        number += 1
        placed[unit.code] = number
        yield number, parent, str(KIND_BY_CATEGORY[unit.category]), (unit.name_uk, transliterate(unit.name_uk)), unit.category


class Archive:
    """The shipped gazetteer and sources (and the codifier), as the import service sees them in a fresh archive."""

    def __init__(self, codifier: bool = True):
        gazetteer = json.loads((DATA / "gazetteer.json").read_text(encoding="utf-8"))
        number_of = {entry["slug"]: number for number, entry in enumerate(gazetteer, start=1)}
        base = {entry.id: entry for entry in gazetteer_entries(gazetteer)}
        self.label = {number: entry["slug"] for number, entry in enumerate(gazetteer, start=1)}
        self.kind = {number: entry.kind for number, entry in base.items()}
        self.parent = {number: (entry.ancestors[-1] if entry.ancestors else None) for number, entry in base.items()}
        names = {number: entry.names for number, entry in base.items()}
        prominent = {number: entry.prominent for number, entry in base.items()}
        if codifier:
            for number, parent, kind, unit_names, category in _codifier_units(gazetteer, number_of):
                self.parent[number] = parent
                if kind is not None:
                    self.kind[number], names[number] = kind, unit_names
                    prominent[number] = is_prominent(kind, category, False)
        for number in names:
            if number not in self.label:
                self.label[number] = f"{names[number][0]}|{self.label[self.oblast(number)]}"
        self.regions = RegionMatcher(
            GazetteerEntry(number, self.kind[number], self.ancestors(number), names[number], prominent[number])
            for number in names
        )
        sources = json.loads((DATA / "sources.json").read_text(encoding="utf-8"))
        known = [SourceName(s["slug"], (s["name"], s.get("short_name", ""), *s.get("aliases", []))) for s in sources]
        self.sources = source_matcher(known)
        self.known = {_fold(name): source.key for source in known for name in source.names if name}

    def ancestors(self, number: int) -> tuple[int, ...]:
        line, up = [], self.parent.get(number)
        while up is not None:
            line.insert(0, up)
            up = self.parent.get(up)
        return tuple(line)

    def oblast(self, number: int) -> int | None:
        """The first-level unit a region lies in (itself if it is one); None for a country."""
        for up in (*self.ancestors(number), number):
            if self.kind[up] in OBLAST_KINDS:
                return up
        return None

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


# An office's abbreviation and its words name the same office ("Херсонська ОВА", "Херсонська обласна військова
# адміністрація").
_OFFICE_WORDS = {"ова": "обласна військова адміністрація", "мва": "міська військова адміністрація",
                 "ода": "обласна державна адміністрація"}  # fmt: skip


def _name_key(name: str) -> tuple[str, ...]:
    words = [_OFFICE_WORDS.get(word.casefold(), word) for word in tokenize(name).words]
    return tuple(normalize(word) for word in tokenize(" ".join(words)).words)


def _claimant(claim) -> str:
    """A found claim's claimant as the labels write it: a source's slug, or new:<name> for a suggested new one."""
    if hasattr(claim.claimant, "name"):
        return f"new:{claim.claimant.name}"
    return str(claim.claimant)


def _same_claimant(wanted: str, found: str, known: dict[str, str]) -> bool:
    if wanted.startswith("other:"):  # the tuned set's label for a speaker the archive has no source for
        return found.startswith("new:")
    if wanted.startswith("new:") and found.startswith("new:"):
        # A suggested name is read from the text in whatever case it stands in ("за словами Івана Федорова").
        return _name_key(wanted[4:]) == _name_key(found[4:])
    if wanted.startswith("new:"):
        # A speaker labelled as new that the archive has since come to know, by one of the source's names
        # ("new:Служба безпеки України" is the shipped source sbu).
        return known.get(_fold(wanted[4:])) == found
    return wanted == found


def _quotes(wanted: dict, found, record: ArticleRecord) -> bool:
    """Whether a suggestion quotes a labelled claim: its quote holds the label's words, or lies inside them, or the two
    overlap where they stand in the text (a label may run over the words naming the speaker, or be mostly those words:
    "the ministry said troops of its Southern group had …", "Олег Григоров написав у Telegram, що в ніч на 9 лютого")."""
    words = wanted["quote"]
    if words in found.quote or (len(found.quote) >= 20 and found.quote in words):
        return True
    text = record.lead if found.in_lead else record.body
    at = text.find(words)
    return at >= 0 and min(at + len(words), found.end) > max(at, found.start)


class Tally:
    def __init__(self, archive: Archive):
        self.archive = archive
        self.counts: dict[str, int] = {}
        self.notes: list[str] = []

    def add(self, **counts: int) -> None:
        for name, value in counts.items():
            self.counts[name] = self.counts.get(name, 0) + value

    def _levels(self, labels: set[str]) -> tuple[set[str], set[str]]:
        """The oblasts the regions lie in, and the places below oblast level among them."""
        by_label = self._by_label()
        oblasts, places = set(), set()
        for label in labels:
            number = by_label.get(label)
            if number is None:  # a label the gazetteer does not hold: counted as written
                oblasts.add(label.partition("|")[2] or label)
                places.add(label)
                continue
            oblast = self.archive.oblast(number)
            if oblast is not None:
                oblasts.add(self.archive.label[oblast])
                if oblast != number:
                    places.add(label)
        return oblasts, places

    def _by_label(self) -> dict[str, int]:
        if not hasattr(self, "_labels"):
            self._labels = {label: number for number, label in self.archive.label.items()}
        return self._labels

    def article(self, name: str, record: ArticleRecord, expected: dict) -> None:
        analysis = detect(self.archive, record)
        found = {self.archive.label[region] for region in analysis.regions}
        for level, got, wanted in zip(
            ("oblast", "settlement"), self._levels(found), self._levels(set(expected["regions"])), strict=True
        ):
            self.add(**{f"{level} found": len(got), f"{level} right": len(got & wanted), f"{level} expected": len(wanted)})
            self.notes += [f"{name}: extra {level} {label}" for label in sorted(got - wanted)]
            self.notes += [f"{name}: missed {level} {label}" for label in sorted(wanted - got)]
        claims = list(analysis.claims)
        self.add(**{"claims expected": len(expected["claims"]), "suggestions": len(claims)})
        used = set()
        for wanted in expected["claims"]:
            match = next((i for i, claim in enumerate(claims) if i not in used and _quotes(wanted, claim, record)), None)
            if match is None:
                self.notes.append(f"{name}: missed claim ({wanted['claimant']}) {wanted['quote']!r}")
                continue
            used.add(match)
            claim = claims[match]
            self.add(**{"claims found": 1})
            if _same_claimant(wanted["claimant"], _claimant(claim), self.archive.known):
                self.add(**{"claimant right": 1})
            else:
                self.notes.append(f"{name}: claimant {_claimant(claim)} for {wanted['quote']!r}, expected {wanted['claimant']}")
            if _occurred(claim) == wanted["occurred"]:
                self.add(**{"date right": 1})
            else:
                self.notes.append(f"{name}: date {_occurred(claim)} for {wanted['quote']!r}, expected {wanted['occurred']}")
        for index, claim in enumerate(claims):
            if index not in used:
                self.add(**{"non-claims": 1})
                self.notes.append(f"{name}: extra claim ({_claimant(claim)}) {claim.quote[:100]!r}")

    def figures(self) -> dict[str, tuple[float, str]]:
        c = self.counts

        def ratio(part, whole):
            return (c.get(part, 0) / c[whole] if c.get(whole) else 1.0), f"{c.get(part, 0)} of {c.get(whole, 0)}"

        return {
            "oblast precision": ratio("oblast right", "oblast found"),
            "oblast recall": ratio("oblast right", "oblast expected"),
            "settlement precision": ratio("settlement right", "settlement found"),
            "settlement recall": ratio("settlement right", "settlement expected"),
            "claims found": ratio("claims found", "claims expected"),
            "claimant right": ratio("claimant right", "claims found"),
            "date right": ratio("date right", "claims found"),
            "non-claims": (c.get("non-claims", 0), f"of {c.get('suggestions', 0)} suggestions"),
        }


def evaluate(archive: Archive, name: str) -> Tally | None:
    folder = EVAL / name
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["articles"]
    tally = Tally(archive)
    for article, labels in sorted(expected.items()):
        with open(folder / article, "rb") as stream:
            (record,) = read_records(article, stream)
        if isinstance(record, RecordError):
            print(f"cannot read {record}", file=sys.stderr)
            return None
        tally.article(article, record, labels)
    tally.articles = len(expected)
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="List every miss and every extra.")
    parser.add_argument("--set", choices=SETS, action="append", help="Only this set (repeatable); default: all three.")
    parser.add_argument("--no-codifier", action="store_true", help="Match against the shipped gazetteer alone.")
    options = parser.parse_args()
    below = []
    for name in options.set or SETS:
        # Each set on an archive of its own, as a fresh archive meets it: the publishers one set's articles add as
        # new sources must not be known when the next set is read.
        tally = evaluate(Archive(codifier=not options.no_codifier), name)
        if tally is None:
            return 2
        if not tally.articles:
            print(f"== {name}: no articles")
            below += ["no articles"] if name == "test" else []
            continue
        print(f"== {name}: {tally.articles} articles, {tally.counts['claims expected']} labelled claims")
        if options.verbose:
            print("\n".join(tally.notes))
        for label, (value, detail) in tally.figures().items():
            target = TARGETS.get(label) if name == "test" else None
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            print(f"  {label:<21} {shown:>6}  ({detail})" + (f"   target ≥ {target}" if target else ""))
            if target and value < target:
                below.append(label)
        if name == "test" and tally.counts.get("non-claims"):
            below.append("non-claims")
    if below:
        print(f"test half below target: {', '.join(below)}")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
