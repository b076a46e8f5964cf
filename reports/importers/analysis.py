"""What the importer finds in one article: its places and its suggested claims. Plain data in and out."""

import datetime
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from reports.importers.boilerplate import without_dateline
from reports.importers.claims import SuggestedClaim, suggest_claims
from reports.importers.phrases import PhraseMatcher
from reports.importers.regions import GazetteerEntry, RegionMatcher, RegionMention
from reports.importers.text import tokenize


@dataclass(frozen=True)
class Analysis:
    regions: tuple[int, ...]  # the most specific places named in the title, lead and body
    ambiguous: tuple[RegionMention, ...]  # names several places share, left for the editor
    claims: tuple[SuggestedClaim, ...]


@dataclass(frozen=True)
class SourceName:
    key: Hashable
    names: tuple[str, ...]  # full name, short name, aliases


def source_matcher(sources: Iterable[SourceName]) -> PhraseMatcher:
    matcher = PhraseMatcher()
    for source in sources:
        for name in source.names:
            if name and len(name.strip()) > 1:
                matcher.add(name, source.key)
    return matcher


def analyse(
    *,
    title: str,
    lead: str,
    body: str,
    published_on: datetime.date,
    language: str,
    publisher: Hashable | None,
    cited: Sequence[Hashable],
    regions: RegionMatcher,
    sources: PhraseMatcher,
) -> Analysis:
    # An agency's dateline ("KYIV, Jan 25 (Reuters) - ") names where the story was filed, not what it reports.
    lead, body = without_dateline(lead), without_dateline(body)
    # The body's words are read once, for the places and for the claims.
    words = tokenize(body)
    detection = regions.title_namesakes(regions.detect([title, lead, words], sources))
    claims = suggest_claims(
        body=body,
        words=words,
        published_on=published_on,
        language=language,
        sources=sources,
        publisher=publisher,
        cited=cited,
        regions=regions,
        mentions=detection.mentions[2],
        lead=lead,
        lead_mentions=detection.mentions[1],
    )
    return Analysis(detection.regions, detection.ambiguous, tuple(claims))


def gazetteer_entries(entries: Iterable[dict]) -> list[GazetteerEntry]:
    """Matcher entries from the gazetteer file's entries (parents first), numbered in file order.

    Used where no database is at hand (the evaluation); the archive builds them from its regions table.
    """
    numbered: dict[str, tuple[int, tuple[int, ...]]] = {}
    result = []
    for number, entry in enumerate(entries, start=1):
        parent = entry.get("parent")
        ancestors = (*numbered[parent][1], numbered[parent][0]) if parent else ()
        numbered[entry["slug"]] = (number, ancestors)
        names = (entry.get("name", ""), entry.get("name_uk", ""), *entry.get("aliases", []))
        result.append(
            GazetteerEntry(
                id=number,
                kind=entry["kind"],
                ancestors=ancestors,
                names=tuple(name for name in names if name),
                prominent=is_prominent(entry["kind"], entry.get("katottg_category", ""), bool(entry.get("aliases"))),
            )
        )
    return result


def is_prominent(kind: str, katottg_category: str, curated: bool) -> bool:
    """Whether readers mean this place when a name is shared: a unit above the hromada, a city, or a curated entry."""
    return curated or kind not in ("settlement", "hromada", "city_district") or katottg_category in ("M", "K")
