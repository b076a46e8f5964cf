"""Finding the places an article names, from the gazetteer's names and aliases in English, Ukrainian and Russian.

The matcher is built once from plain gazetteer entries (no database here) and then scans any number of
articles. What it records is the most specific place named: "northeast of Lyman" gives Lyman, whose
oblast and country follow from the hierarchy. A name shared by several places is settled by the article
itself (the Novoselivka that lies in the oblast the article also names) or, failing that, left out and
reported as ambiguous, never guessed.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reports.importers import morphology
from reports.importers.boilerplate import boilerplate_spans
from reports.importers.phrases import PhraseMatcher
from reports.importers.place_choice import KNOWN_FIRST, PlaceChoice
from reports.importers.place_evidence import PlaceEvidence
from reports.importers.place_words import (
    CONNECTORS,
    DIRECTION_WORDS,
    GENERIC,
    STEM_NAMED_KINDS,
    a_surname,
)  # fmt: skip
from reports.importers.text import Tokens, is_cyrillic_word, normalize, tokenize

_ANY_CYRILLIC = re.compile("[А-ЯІЇЄҐа-яіїєґ]")


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


class RegionMatcher(PlaceEvidence, PlaceChoice):
    def __init__(self, entries: Iterable[GazetteerEntry]):
        self._entries: dict[int, GazetteerEntry] = {}
        self._by_oblast = {}  # the units of a kind in each oblast, gathered when first asked for
        self._kinds: dict[int, str] = {}
        self._lines: dict[int, tuple[int, ...]] = {}  # ancestors from the country down, then the place itself
        self._names = PhraseMatcher()
        self._stems = PhraseMatcher()
        for entry in entries:
            self._entries[entry.id] = entry
            self._kinds[entry.id] = entry.kind
            self._lines[entry.id] = (*entry.ancestors, entry.id)
            for name in entry.names:
                self._names.add(name, entry.id)
                if entry.kind in STEM_NAMED_KINDS:
                    words = tokenize(name)
                    if len(words) > 1 and words.norms[-1] in GENERIC:
                        self._stems.add(name[: words.starts[-1]].rstrip(), entry.id)

    def __len__(self):
        return len(self._entries)

    def names_a_place(self, words: str) -> bool:
        """Whether the words are, whole, one of the gazetteer's names (in any case form it lists)."""
        tokens = tokenize(words)
        match = self._names.match_at(tokens, 0) if tokens.words else None
        return match is not None and match.last == len(tokens.words)

    def scan(self, text: str | Tokens) -> list[RegionMention]:
        """Every place name in the text (or its tokens) with the places it may stand for, before any choice."""
        tokens = text if isinstance(text, Tokens) else tokenize(text)
        return [RegionMention(start, end, keys, name=tokens.text[start:end]) for start, end, keys, _ in self._names_in(tokens)]

    def _names_in(
        self, tokens: Tokens, sources: PhraseMatcher | None = None, surnames: list[str] | None = None
    ) -> list[tuple[int, int, tuple, bool]]:
        """(start, end, candidates, weak) of each place name, as scan() finds them; plain tuples, as most are settled
        and made mentions only then. Weak: obscure places named without evidence, taken only in a context. A name
        inside a known source's name (`sources`: "Українська правда", "Volodymyr Zelensky") is no place, nor is a
        person's surname met again without a preposition (`surnames`, gathered across the article's texts:
        "командир батальйону Сергій Лиман", then "За словами Лимана")."""
        mentions: list[tuple[int, int, tuple, bool]] = []
        stems, names = self._stems.first_words(), self._names.first_words()
        tokens = self._with_lemmas(tokens, names)
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
                if match and sources is not None and _in_source_name(sources, tokens, match.first):
                    unread = match.last
                    continue
                if match and surnames is not None and a_surname(tokens, match.first, match.last, surnames):
                    unread = match.last
                    continue
                if match:
                    keys = match.keys
                    if match.last - match.first == 1 and is_cyrillic_word(tokens.words[match.first]):
                        keys = self._agreeing(keys, tokens, match.first)
                    keys, weak = self._plausible(keys, tokens, match.first, match.last) if keys else ((), False)
                    if keys:
                        mentions.append((tokens.starts[match.first], tokens.end(match.last - 1), keys, weak))
                    unread = match.last
        return mentions

    def _with_lemmas(self, tokens: Tokens, names) -> Tokens:
        """The tokens, with the lookup form of a capitalised Ukrainian word that begins no name replaced by that of its
        dictionary form when that one does (Костянтинівці, Променя, Рогу), or when it goes on a name begun by the word
        before it (Токмачці of "Малій Токмачці")."""
        if not _ANY_CYRILLIC.search(tokens.text):
            return tokens  # most text in the archive is English: nothing to look up
        replaced = None
        later = self._names.later_words()
        for index, norm in enumerate(tokens.norms):
            if norm in names or not tokens.capital(index) or not is_cyrillic_word(tokens.words[index]):
                continue
            lemma = morphology.noun_lemma(tokens.words[index])
            if lemma is None:
                continue
            lemma = normalize(lemma)
            if lemma in names or (
                norm not in later and lemma in later and index and tokens.joined(index) and tokens.norms[index - 1] in names
            ):
                if replaced is None:
                    replaced = list(tokens.norms)
                replaced[index] = lemma
        return tokens if replaced is None else tokens.with_norms(replaced)

    def names(self, region: int) -> tuple[str, ...]:
        return self._entries[region].names

    def oblast(self, key: int) -> int | None:
        """The first-level unit the region lies in (itself if it is one), None for a country."""
        return next((up for up in self._lines[key] if self._kinds[up] in ("oblast", "autonomous_republic", "krai")), None)

    def _listed_at(self, tokens: Tokens, index: int) -> tuple[list[tuple[int, int, tuple]], int]:
        """Names in a list closed by one generic word ("Luhansk, Donetsk and Kherson regions", "the Huliaipole and Orikhiv
        directions"); a name the gazetteer lacks inside the list is passed over ("the Belgorod, Oryol and Voronezh
        regions")."""
        listed = []
        position, count = index, len(tokens)
        while position < count:
            match = self._stems.match_at(tokens, position)
            if match:
                listed.append((tokens.starts[match.first], tokens.end(match.last - 1), match.keys, False))
                position = match.last
            elif position > index and tokens.capital(position) and position + 1 < count:
                position += 1  # one capitalised word the gazetteer lacks, then the list goes on or closes
            else:
                return [], index
            if position >= count:
                return [], index
            if tokens.norms[position] in GENERIC:
                # "regions" closes a list of oblasts, "directions" one of fronts named after the same places.
                front = tokens.norms[position] in DIRECTION_WORDS
                listed = [
                    (start, end, kept, weak)
                    for start, end, keys, weak in listed
                    for kept in [tuple(key for key in keys if (self._kinds[key] == "area") == front)]
                    if kept
                ]
                return (listed, position + 1) if len(listed) > 1 else ([], index)
            if not tokens.comma(position) and tokens.norms[position] not in CONNECTORS:
                return [], index
            if tokens.norms[position] in CONNECTORS:  # "and", also after a comma
                position += 1
        return [], index

    def detect(self, texts: Sequence[str | Tokens], sources: PhraseMatcher | None = None) -> RegionDetection:
        """The places named across an article's texts (title, lead, body, or their tokens), settled together; none
        inside the name of a known source (`sources`)."""
        read = [text if isinstance(text, Tokens) else tokenize(text) for text in texts]
        surnames: list[str] = []
        scanned = [self._names_in(tokens, sources, surnames) for tokens in read]
        for index, tokens in enumerate(read):  # a caption's or a link's places are not the article's
            furniture = boilerplate_spans(tokens.text) if "\n" in tokens.text else []
            if furniture:
                scanned[index] = [found for found in scanned[index] if not any(s <= found[0] < e for s, e in furniture)]
        certain = {keys[0] for found in scanned for _start, _end, keys, weak in found if len(keys) == 1 and not weak}
        # A unit above the villages (an oblast, Харківщина) named without evidence is as good as certain, though a
        # village shares its name; a city is settled first, so that another mention of it still weighs the villages.
        certain |= {
            keys[0]
            for found in scanned
            for _s, _e, keys, weak in found
            if weak == KNOWN_FIRST and not self._known(keys[1]) and self._kinds[keys[0]] not in ("settlement", "special_city")
        }
        shared = self._shared(certain)
        # A shared name settled by the article or by prominence (the city of Pokrovsk, not a village Pokrovske) is
        # then as good as certain for the names around it (Udachne near Pokrovsk).
        outcomes: dict[tuple, tuple[int | None, str]] = {}  # a name met again is settled alike
        for found in scanned:
            for _start, _end, keys, weak in found:
                if len(keys) > 1 and weak is not True and (keys, weak) not in outcomes:
                    outcomes[keys, weak] = self._settle(keys, shared, weak, certain)
        more = {region for region, _how in outcomes.values() if region is not None} - certain
        if more:  # settled again with the wider context (most articles need no second pass)
            shared = self._shared(certain | more)
            outcomes = {}
        settled_texts, ambiguous, order = [], [], []
        for tokens, found in zip(read, scanned, strict=True):
            settled, unsettled = [], []
            for start, end, keys, weak in found:
                outcome = outcomes.get((keys, weak))
                if outcome is None:
                    outcome = outcomes[keys, weak] = self._settle(keys, shared, weak, certain)
                region, how = outcome
                if region is None:
                    unsettled.append((start, end, keys, weak))
                    continue
                settled.append(RegionMention(start, end, keys, region, how, tokens.text[start:end]))
                if region not in order:
                    order.append(region)
            for start, end, keys, weak in unsettled:
                region = self._settle_in_line(tokens.text, start, keys, weak, settled)
                if region is not None:
                    settled.append(RegionMention(start, end, keys, region, "context", tokens.text[start:end]))
                    order.append(region)
                elif weak is not True:  # a weak name left unsettled is most likely no place: not worth an editor's look
                    ambiguous.append(RegionMention(start, end, keys, name=tokens.text[start:end]))
            settled_texts.append(tuple(sorted(settled, key=lambda mention: mention.start)) if unsettled else tuple(settled))
        return RegionDetection(self.most_specific(order), tuple(settled_texts), tuple(ambiguous))

    def title_namesakes(self, detection: RegionDetection) -> RegionDetection:
        """The detection with a city named only in the title (the first text) left out where the other texts name the
        oblast named after it: a headline shortens "the Belgorod region" to "Belgorod" ("Belgorod strike")."""
        title, *others = detection.mentions
        if not title or not others:
            return detection
        named = {mention.region for mentions in others for mention in mentions}
        dropped = set()
        for mention in title:
            oblast = self.oblast(mention.region) if self._kinds[mention.region] == "settlement" else None
            if oblast is not None and oblast in named and mention.region not in named and self._namesake(mention.region, oblast):
                dropped.add(mention.region)
        if not dropped:
            return detection
        kept = (mention.region for mentions in detection.mentions for mention in mentions if mention.region not in dropped)
        return RegionDetection(self.most_specific(kept), detection.mentions, detection.ambiguous)

    def in_span(self, mentions: Iterable[RegionMention], start: int, end: int) -> tuple[int, ...]:
        """The most specific settled places named between two offsets."""
        return self.most_specific(m.region for m in mentions if m.start >= start and m.end <= end and m.region)


def _in_source_name(sources: PhraseMatcher, tokens: Tokens, index: int) -> bool:
    """Whether the word at `index` lies inside the name of a known source starting at most three words before."""
    starting, norms = sources.first_words(), tokens.norms
    for first in range(max(0, index - 3), index + 1):
        if norms[first] in starting:
            match = sources.match_at(tokens, first)
            if match and match.last > index:
                return True
    return False
