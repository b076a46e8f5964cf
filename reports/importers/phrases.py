"""One compiled lookup of many names at once: region names and aliases, source names.

Names are stored as tuples of normalised words in a dict, with the longest name starting at each word
noted, so finding every name in an article is one pass over its words with a handful of dict lookups at
each word, whatever the number of names (tens of thousands for the full codifier of Ukraine).
"""

from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass

from reports.importers.text import Tokens, tokenize


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    first: int  # index of the first word
    last: int  # index past the last word
    keys: tuple  # what the name stands for: one key, or several when the name is shared


class PhraseMatcher:
    def __init__(self, phrases: Iterable[tuple[str, Hashable]] = ()):
        # words → {key: whether the name is capitalised}; a capitalised name only matches capitalised text,
        # so that "перемога" the word or "may" the verb are not taken for a village or a month.
        self._phrases: dict[tuple[str, ...], dict[Hashable, bool]] = {}
        self._longest: dict[str, int] = {}
        for phrase, key in phrases:
            self.add(phrase, key)

    def add(self, phrase: str, key: Hashable) -> None:
        words = tuple(tokenize(phrase).norms)
        if not words:
            return
        capitalised = phrase.lstrip()[:1].isupper()
        entry = self._phrases.setdefault(words, {})
        entry[key] = entry.get(key, True) and capitalised
        if len(words) > self._longest.get(words[0], 0):
            self._longest[words[0]] = len(words)

    def __len__(self):
        return len(self._phrases)

    def starts_phrase(self, norm: str) -> bool:
        return norm in self._longest

    def match_at(self, tokens: Tokens, index: int, stop: int | None = None) -> PhraseMatch | None:
        """The longest name starting at word `index` (and ending before word `stop`), if any."""
        norms = tokens.norms
        longest = self._longest.get(norms[index])
        if longest is None:
            return None
        stop = len(norms) if stop is None else stop
        span = 1
        # How far the words run on as one name (no punctuation between them).
        while span < longest and index + span < stop and tokens.joined[index + span]:
            span += 1
        for length in range(span, 0, -1):
            entry = self._phrases.get(tuple(norms[index : index + length]))
            if entry:
                keys = tuple(key for key, capitalised in entry.items() if tokens.capital[index] or not capitalised)
                if keys:
                    return PhraseMatch(index, index + length, keys)
        return None

    def find(self, tokens: Tokens, first: int = 0, stop: int | None = None) -> Iterator[PhraseMatch]:
        """Every name in the words [first, stop), leftmost-longest, not overlapping."""
        stop = len(tokens) if stop is None else stop
        index = first
        longest = self._longest
        norms = tokens.norms
        while index < stop:
            if norms[index] in longest:
                match = self.match_at(tokens, index, stop)
                if match:
                    yield match
                    index = match.last
                    continue
            index += 1
