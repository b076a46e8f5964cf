"""One compiled lookup of many names at once: region names and aliases, source names.

Names are stored as tuples of normalised words in a dict, with the longest name starting at each word
noted, so finding every name in an article is one pass over its words with a handful of dict lookups at
each word, whatever the number of names (tens of thousands for the full codifier of Ukraine).
"""

from collections.abc import Hashable, Iterable, Iterator, Set
from dataclasses import dataclass

from reports.importers.text import Tokens, tokenize


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    first: int  # index of the first word
    last: int  # index past the last word
    keys: tuple  # what the name stands for: one key, or several when the name is shared


ANY, CAPITAL, ABBREVIATION = 0, 1, 2


def _fits(rule: int, tokens: Tokens, first: int, last: int) -> bool:
    if rule == ANY:
        return True
    if rule == CAPITAL:
        return tokens.capital(first)
    return tokens.text[tokens.starts[first] : tokens.end(last - 1)].isupper()


def _fitting(entry: dict[Hashable, int], tokens: Tokens, first: int, last: int) -> tuple:
    """The keys of a name whose case rule the words fit. A name shared by a hundred villages has a hundred keys
    but at most three rules: each rule is tried once."""
    verdicts: dict[int, bool] = {}
    fitting = []
    for key, rule in entry.items():
        verdict = verdicts.get(rule)
        if verdict is None:
            verdict = verdicts[rule] = _fits(rule, tokens, first, last)
        if verdict:
            fitting.append(key)
    return tuple(fitting)


class PhraseMatcher:
    def __init__(self, phrases: Iterable[tuple[str, Hashable]] = ()):
        # words → {key: case rule}. A capitalised name only matches capitalised text, so that "перемога" the
        # word is not taken for the village; an abbreviation (ISW, UP) only matches in capitals, so "up" is no UP.
        self._phrases: dict[tuple[str, ...], dict[Hashable, int]] = {}
        self._longest: dict[str, int] = {}
        self._later: set[str] = set()  # the words names have after their first ("Токмачка" of "Мала Токмачка")
        for phrase, key in phrases:
            self.add(phrase, key)

    def add(self, phrase: str, key: Hashable) -> None:
        words = tuple(tokenize(phrase).norms)
        if not words:
            return
        phrase = phrase.strip()
        rule = ABBREVIATION if phrase.isupper() and len(phrase) <= 4 else CAPITAL if phrase[:1].isupper() else ANY
        entry = self._phrases.setdefault(words, {})
        entry[key] = min(entry.get(key, rule), rule)
        if len(words) > self._longest.get(words[0], 0):
            self._longest[words[0]] = len(words)
        self._later.update(words[1:])

    def discard(self, phrase: str, key: Hashable) -> None:
        """Forget one name of a key (a source whose creation was rolled back)."""
        entry = self._phrases.get(tuple(tokenize(phrase).norms))
        if entry:
            entry.pop(key, None)

    def __len__(self):
        return len(self._phrases)

    def starts_phrase(self, norm: str) -> bool:
        return norm in self._longest

    def first_words(self) -> Set[str]:
        """The words names begin with (a live view): a word not among them begins no name."""
        return self._longest.keys()

    def later_words(self) -> Set[str]:
        """The words names have after their first (a live view)."""
        return self._later

    def match_at(self, tokens: Tokens, index: int, stop: int | None = None) -> PhraseMatch | None:
        """The longest name starting at word `index` (and ending before word `stop`), if any."""
        norms = tokens.norms
        longest = self._longest.get(norms[index])
        if longest is None:
            return None
        stop = len(norms) if stop is None else stop
        span = 1
        # How far the words run on as one name (no punctuation between them).
        while span < longest and index + span < stop and tokens.joined(index + span):
            span += 1
        for length in range(span, 0, -1):
            entry = self._phrases.get(tuple(norms[index : index + length]))
            if entry:
                keys = _fitting(entry, tokens, index, index + length)
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
