"""Words and sentences of an article, with their offsets in the text as archived.

Everything downstream (regions, claims, quotes) points back into the text by offset, so nothing here
rewrites the text: words are normalised for lookup only, and sentences are (start, end) pairs.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

# Apostrophes come in five shapes in Ukrainian text, and Russian writers drop the dots of ё at will.
_FOLD = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "´": "'", "ё": "е", "Ё": "Е"})
WORD = re.compile(r"[^\W_]+(?:['’ʼ‘`´][^\W_]+)*")

# Ukrainian and Russian inflect names: "Луганщина", "Луганщини", "Луганщиною" are one place. Cutting one case
# ending off each Cyrillic word lets a name written once match every case form; the gazetteer's own aliases
# cover what the cut cannot (vowel changes such as Харків/Харкова). Longest endings are tried first.
_ENDINGS = sorted(
    ["ами", "ями", "ого", "ому", "ими", "іми", "их", "ій", "ий", "ої", "ою", "ею", "ах", "ях", "ів", "ам", "ям", "ом", "ем",
     "им", "ым", "ой", "ей", "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ие",
     "а", "я", "у", "ю", "і", "и", "ы", "е", "є", "ї", "о", "ь", "й"],
    key=len,
    reverse=True,
)  # fmt: skip
_MIN_STEM = 3
_CYRILLIC_FIRST = frozenset("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяыэъ")


@lru_cache(maxsize=300_000)
def normalize(word: str) -> str:
    """The lookup form of a word: case-folded, apostrophes unified, a case ending cut off Cyrillic words."""
    word = word.translate(_FOLD).casefold()
    if word.endswith("'s"):
        return word[:-2]  # English possessive: "Russia's" names Russia
    if word[:1] in _CYRILLIC_FIRST:
        for ending in _ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
                return word[: -len(ending)]
    return word


class Tokens:
    """The words of a text, their lookup forms and offsets.

    The rest a matcher may ask of a word (where it ends, whether it is capitalised, what stands between it and the
    previous word) is worked out when asked: matchers ask it of the few words that begin a name. The words in lower
    case are worked out once, when first asked, for the readers of dates, numbers and topics to share.
    """

    __slots__ = ("text", "words", "starts", "norms", "_gaps", "_lowered")

    def __init__(self, text: str, words: list[str], starts: list[int], gaps: list[str]):
        self.text, self.words, self.starts, self._gaps = text, words, starts, gaps
        self.norms = list(map(normalize, words))
        self._lowered: list[str] | None = None

    def __len__(self):
        return len(self.norms)

    def end(self, index: int) -> int:
        return self.starts[index] + len(self.words[index])

    def capital(self, index: int) -> bool:
        return self.words[index][0].isupper()

    def joined(self, index: int) -> bool:
        """Whether the word continues the previous one: only spaces or a hyphen between them, so a name may run on."""
        gap = self._gaps[index]
        return index > 0 and (gap == " " or _JOINING_GAP.fullmatch(gap) is not None)

    def comma(self, index: int) -> bool:
        """Whether only a comma (and spaces) stands between the word and the previous one."""
        gap = self._gaps[index]
        return index > 0 and gap != " " and gap.strip() == ","

    def with_norms(self, norms: list[str]) -> "Tokens":
        """The same words with other lookup forms (the region matcher's, which read some words by their lemma)."""
        copy = Tokens.__new__(Tokens)
        copy.text, copy.words, copy.starts, copy._gaps = self.text, self.words, self.starts, self._gaps
        copy.norms, copy._lowered = norms, self._lowered
        return copy

    def lowered(self) -> list[str]:
        if self._lowered is None:
            self._lowered = [word.lower() for word in self.words]
        return self._lowered


_JOINING_GAP = re.compile(r"[ \t\u00a0\u202f-]{1,3}")
_WORDS_AND_GAPS = re.compile(f"({WORD.pattern})")


def tokenize(text: str) -> Tokens:
    # One pass gives the words and what stands before each (gap, word, gap, word, …, gap); the offsets are the
    # running sum of their lengths.
    parts = _WORDS_AND_GAPS.split(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    return Tokens(text, parts[1::2], offsets[1:-1:2], parts[0:-1:2])


# The words dates and numbers are read in: letters and digits, with ' ’ ʼ inside a word ("п'ять"). They are WORD's
# words, except where ‘ ` or ´ stands inside one; topics are read in plain runs of letters and digits, which are
# WORD's words where no apostrophe but ʼ (itself a letter) stands inside one.
NUMBER_WORD = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")
_NOT_IN_NUMBER_WORDS = "‘`´"
_NOT_IN_RUNS = "'’‘`´"


def _has_any(text: str, characters: str) -> bool:
    return any(character in text for character in characters)  # str's own search: far faster than a pattern's


@dataclass(frozen=True, slots=True)
class LoweredWords:
    """The words of a text (NUMBER_WORD) as the readers of dates and numbers look them up, lowered and with one
    apostrophe, and where each begins. Made once per article and shared: most of a reader's time went into
    lowering every word itself."""

    starts: list[int]
    keys: list[str]

    def __len__(self):
        return len(self.keys)


def lowered_words(text: str, tokens: Tokens | None = None) -> LoweredWords:
    """The text's NUMBER_WORD words; from its tokens, when given and the same words, without reading it again."""
    if tokens is not None and not _has_any(text, _NOT_IN_NUMBER_WORDS):
        starts, keys = tokens.starts, tokens.lowered()
    else:
        starts = [match.start() for match in NUMBER_WORD.finditer(text)]
        keys = [word.lower() for word in NUMBER_WORD.findall(text)]
    if "’" in text or "ʼ" in text:
        keys = [key.replace("’", "'").replace("ʼ", "'") for key in keys]
    return LoweredWords(starts, keys)


def lowered_runs(text: str, tokens: Tokens | None) -> tuple[list[str], list[int]] | None:
    """The text's runs of letters and digits, lowered, and their offsets, from its tokens when they are the same;
    None when they are not."""
    if tokens is None or _has_any(text, _NOT_IN_RUNS):
        return None
    return tokens.lowered(), tokens.starts


# A sentence ends at . ! ? or … followed by space and a capital, a digit or an opening quote; not after the
# abbreviations news copy uses mid-sentence.
# ([.!?…][.!?…]* is [.!?…]+ in a form whose first character the engine can skip ahead to, instead of trying the
# whole pattern at every character.)
_BOUNDARY = re.compile(r"[.!?…][.!?…]*[\"»”’')\]]*\s+(?=[\"«“„(\[]?[A-ZА-ЯІЇЄҐ0-9])")
_ABBREVIATIONS = frozenset([
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "sgt", "st", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "u.s", "u.k", "e.g", "i.e", "u.n", "gov", "sen", "rep",
    "capt", "adm", "brig", "cpl", "pvt", "prof", "rev", "ave", "blvd",
    "р", "ст", "м", "км", "тис", "млн", "млрд", "ім", "т.д", "див", "с", "г", "тыс", "обл", "вул", "просп", "пров",
    "бульв", "пл", "буд", "ген", "полк", "підполк", "ул", "пер",
])  # fmt: skip


_LINE = re.compile(r"[^\n]+")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence of text[start:end], surrounding spaces left out; lines always end one."""
    end = len(text) if end is None else end
    found = []
    # Lines before the one `start` is in give nothing: begin there, not at the top of the text.
    for line in _LINE.finditer(text[:end], text.rfind("\n", 0, max(start, 0)) + 1):
        if line.end() > start:
            found.extend(line_sentences(text, max(line.start(), start), line.end()))
    return found


def line_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """sentences() of text[start:end], a line or the part of one from `start`."""
    found = []
    position = start
    for boundary in _BOUNDARY.finditer(text, start, end):
        word = text[max(start, boundary.start() - 6) : boundary.start()].split()[-1:]
        stem = word[0].lower().lstrip("(\"'«“").rstrip(".") if word else ""
        if stem in _ABBREVIATIONS or (len(stem) == 1 and stem.isalpha()):
            continue
        if _inside_quotation(text, position, boundary.start()):
            continue  # «Ворог атакував. Пошкоджено три будинки», — повідомив …: direct speech is one phrase
        found.append(_trimmed(text, position, boundary.end()))
        position = boundary.end()
    found.append(_trimmed(text, position, end))
    return [(s, e) for s, e in found if e > s]


def _inside_quotation(text: str, start: int, at: int) -> bool:
    """Whether a quotation opened between start and at is still open at `at`."""
    return (
        text.count("«", start, at) > text.count("»", start, at)
        or text.count("“", start, at) > text.count("”", start, at)
        or text.count('"', start, at) % 2 == 1
    )


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_CYRILLIC_LETTER = re.compile("[а-яіїєґё]+")
_LATIN_LETTER = re.compile("[a-z]+")


def is_cyrillic_word(word: str) -> bool:
    return word[:1].lower() in _CYRILLIC_FIRST


def is_cyrillic_text(text: str) -> bool:
    """Whether the first 4,000 characters hold more Cyrillic letters than Latin ones."""
    sample = text[:4000].lower()
    # Letters counted by what removing them takes off the sample: done in C, where a loop in Python costs 1 ms.
    cyrillic = len(sample) - len(_CYRILLIC_LETTER.sub("", sample))
    latin = len(sample) - len(_LATIN_LETTER.sub("", sample))
    return cyrillic > latin


def guess_language(text: str) -> str:
    """en, uk or ru, from the letters the text uses: і ї є ґ are Ukrainian only, ы э ъ ё Russian only."""
    if not is_cyrillic_text(text):
        return "en"
    sample = text[:20000].lower()
    ukrainian = sum(sample.count(letter) for letter in "іїєґ")
    russian = sum(sample.count(letter) for letter in "ыэъё")
    return "uk" if ukrainian >= russian else "ru"
