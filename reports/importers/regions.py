"""Finding the places an article names, from the gazetteer's names and aliases in English, Ukrainian and Russian.

The matcher is built once from plain gazetteer entries (no database here) and then scans any number of
articles. What it records is the most specific place named: "northeast of Lyman" gives Lyman, whose
oblast and country follow from the hierarchy. A name shared by several places is settled by the article
itself (the Novoselivka that lies in the oblast the article also names) or, failing that, left out and
reported as ambiguous, never guessed.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reports.importers.phrases import PhraseMatcher
from reports.importers.text import Tokens, normalize, tokenize

COUNTRY = "country"


def _norms(words: list[str]) -> frozenset[str]:
    return frozenset(normalize(word) for word in words)


# A country's name is mostly an actor ("Russia is delaying talks"); it names a place after these words.
LOCATIVE = _norms([
    "in", "into", "inside", "across", "throughout", "within", "over", "from", "to",
    "в", "у", "на", "по", "до", "з", "із", "зі", "над", "через", "во", "из",
])  # fmt: skip
# "Kyiv protested", "Kyiv denied": the government, not the city.
ACTOR_VERBS = _norms([
    "said", "says", "stated", "insists", "insisted", "protested", "demands", "demanded", "accused", "accuses", "wants",
    "hopes", "expects", "believes", "warned", "warns", "announced", "rejected", "rejects", "responded", "denied",
    "denies", "blamed", "blames", "заявив", "заявила", "заявляє", "вимагає", "наполягає", "звинуватив", "звинувачує",
    "заявил", "заявляет", "требует", "настаивает", "обвинил", "обвиняет",
])  # fmt: skip
# "Donetsk and Luhansk regions": one generic word after a list of names makes each name that unit.
GENERIC = _norms([
    "region", "regions", "oblast", "oblasts", "raion", "raions", "district", "districts", "область", "району",
    "район", "край", "краю",
])  # fmt: skip
CONNECTORS = _norms(["and", "or", "&", "та", "і", "й", "и", "або", "или"])
# "Kerch Strait", "Zaporizhzhia Nuclear Power Plant", "Dnipro River": a feature named after a place, not the place.
FEATURES = _norms([
    "strait", "river", "bay", "reservoir", "nuclear", "npp", "hpp", "dam", "canal", "lake", "sea", "spit", "island",
    "salient", "pocket", "bulge",
    "протока", "річка", "річки", "водосховище", "аес", "гес", "затока", "пролив", "река", "водохранилище",
])  # fmt: skip
FIRST_LEVEL = frozenset({"oblast", "autonomous_republic", "krai", "raion"})


@dataclass(frozen=True)
class GazetteerEntry:
    id: int
    kind: str
    ancestors: tuple[int, ...]  # from the country down, itself excluded
    names: tuple[str, ...]  # English and Ukrainian names and every alias
    prominent: bool = False  # a city or a unit the gazetteer curates, which readers mean by a shared name


@dataclass(frozen=True)
class RegionMention:
    start: int
    end: int
    candidates: tuple[int, ...]
    region: int | None = None  # set once the mention is settled
    settled_by: str = ""  # "", "context" or "prominence" when several places share the name
    name: str = ""  # the words as the text writes them


@dataclass(frozen=True)
class RegionDetection:
    regions: tuple[int, ...]  # the most specific places named, in order of first mention
    mentions: tuple[tuple[RegionMention, ...], ...]  # settled mentions, per text given
    ambiguous: tuple[RegionMention, ...] = field(default=())  # names left out: several places, nothing to choose by


class RegionMatcher:
    def __init__(self, entries: Iterable[GazetteerEntry]):
        self._entries: dict[int, GazetteerEntry] = {}
        self._names = PhraseMatcher()
        self._stems = PhraseMatcher()
        for entry in entries:
            self._entries[entry.id] = entry
            for name in entry.names:
                self._names.add(name, entry.id)
                if entry.kind in FIRST_LEVEL:
                    words = tokenize(name)
                    if len(words) > 1 and words.norms[-1] in GENERIC:
                        self._stems.add(name[: words.starts[-1]].rstrip(), entry.id)

    def __len__(self):
        return len(self._entries)

    def scan(self, text: str | Tokens) -> list[RegionMention]:
        """Every place name in the text (or its tokens) with the places it may stand for, before any choice."""
        tokens = text if isinstance(text, Tokens) else tokenize(text)
        text = tokens.text
        mentions: list[RegionMention] = []
        stems, names = self._stems.first_words(), self._names.first_words()
        # Most words begin no name: only those that do are looked at, in order, each once the words before it are read.
        unread = 0
        for index in [index for index, norm in enumerate(tokens.norms) if norm in names or norm in stems]:
            if index < unread:
                continue
            norm = tokens.norms[index]
            if norm in stems:
                listed, after = self._listed_at(tokens, index)
                if listed:
                    mentions.extend(listed)
                    unread = after
                    continue
            if norm in names:
                match = self._names.match_at(tokens, index)
                if match:
                    keys = self._plausible(match.keys, tokens, match.first, match.last)
                    if keys:
                        start, end = tokens.starts[match.first], tokens.end(match.last - 1)
                        mentions.append(RegionMention(start, end, keys, name=text[start:end]))
                    unread = match.last
        return mentions

    def _plausible(self, keys: tuple, tokens: Tokens, first: int, last: int) -> tuple:
        previous = tokens.norms[first - 1] if first else ""
        following = tokens.norms[last] if last < len(tokens) else ""
        kept = []
        for key in keys:
            kind = self._entries[key].kind
            if kind == COUNTRY and previous not in LOCATIVE:
                continue
            if kind == "special_city" and following in ACTOR_VERBS and previous not in LOCATIVE:
                continue
            if following in FEATURES and kind in ("settlement", "special_city"):
                continue
            kept.append(key)
        return tuple(kept)

    def _listed_at(self, tokens: Tokens, index: int) -> tuple[list[RegionMention], int]:
        """Names in a list closed by one generic word ("Luhansk, Donetsk and Kherson regions")."""
        listed = []
        position, count = index, len(tokens)
        while position < count:
            match = self._stems.match_at(tokens, position)
            if not match:
                return [], index
            start, end = tokens.starts[match.first], tokens.end(match.last - 1)
            listed.append(RegionMention(start, end, match.keys, name=tokens.text[start:end]))
            position = match.last
            if position >= count:
                return [], index
            if tokens.norms[position] in GENERIC:
                return (listed, position + 1) if len(listed) > 1 else ([], index)
            if not tokens.comma(position) and tokens.norms[position] not in CONNECTORS:
                return [], index
            if tokens.norms[position] in CONNECTORS:  # "and", also after a comma
                position += 1
        return [], index

    def detect(self, texts: Sequence[str | Tokens]) -> RegionDetection:
        """The places named across an article's texts (title, lead, body, or their tokens), settled together."""
        scanned = [self.scan(text) for text in texts]
        certain = {m.candidates[0] for mentions in scanned for m in mentions if len(m.candidates) == 1}
        # Each leading part of the line (ancestors, then itself) of each place named for certain: how much ancestry a
        # candidate shares with those places is then how many leading parts of its own line are among them.
        lines = [self._line(region) for region in certain]
        shared = {line[:depth] for line in lines for depth in range(1, len(line) + 1)}
        settled_texts, ambiguous, order = [], [], []
        for mentions in scanned:
            settled = []
            for mention in mentions:
                region, how = self._settle(mention.candidates, shared)
                if region is None:
                    ambiguous.append(mention)
                    continue
                settled.append(RegionMention(mention.start, mention.end, mention.candidates, region, how, mention.name))
                if region not in order:
                    order.append(region)
            settled_texts.append(tuple(settled))
        return RegionDetection(self.most_specific(order), tuple(settled_texts), tuple(ambiguous))

    def _settle(self, candidates: tuple, shared: set) -> tuple[int | None, str]:
        if len(candidates) == 1:
            return candidates[0], ""
        # Context: the candidate sharing the deepest ancestry with a place the article names for certain.
        depth = {candidate: self._shared_depth(candidate, shared) for candidate in candidates}
        best = max(depth.values())
        chosen = [candidate for candidate, value in depth.items() if value == best]
        if best > 1 and len(chosen) == 1:  # deeper than the country alone
            return chosen[0], "context"
        prominent = [candidate for candidate in candidates if self._entries[candidate].prominent]
        if len(prominent) == 1:
            return prominent[0], "prominence"
        return None, ""

    def _line(self, region: int) -> tuple[int, ...]:
        return (*self._entries[region].ancestors, region)

    def _shared_depth(self, candidate: int, shared: set) -> int:
        """How many leading places the candidate's line has in common with the line of some place named for certain."""
        line = self._line(candidate)
        depth = 0
        while depth < len(line) and line[: depth + 1] in shared:
            depth += 1
        return depth

    def most_specific(self, regions: Iterable[int]) -> tuple[int, ...]:
        """The regions given, less those that contain another of them (implied by the hierarchy)."""
        regions = list(dict.fromkeys(regions))
        implied = {ancestor for region in regions for ancestor in self._entries[region].ancestors}
        return tuple(region for region in regions if region not in implied)

    def in_span(self, mentions: Iterable[RegionMention], start: int, end: int) -> tuple[int, ...]:
        """The most specific settled places named between two offsets."""
        return self.most_specific(m.region for m in mentions if m.start >= start and m.end <= end and m.region)
