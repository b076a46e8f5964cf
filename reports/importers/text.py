"""Words and sentences of an article, with their offsets in the text as archived.

Everything downstream (regions, claims, quotes) points back into the text by offset, so nothing here
rewrites the text: words are normalised for lookup only, and sentences are (start, end) pairs.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

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


@dataclass(frozen=True, slots=True)
class Tokens:
    """The words of a text as parallel lists: offsets, lookup forms, capitalisation, and whether each word
    continues the previous one (only spaces or a hyphen between them, so a name may run across)."""

    starts: list[int]
    ends: list[int]
    norms: list[str]
    capital: list[bool]
    joined: list[bool]
    comma: list[bool]  # only a comma (and spaces) between this word and the previous one
    text: str = ""

    def __len__(self):
        return len(self.norms)


_JOINING_GAP = re.compile(r"[ \t\u00a0\u202f-]{1,3}")


def tokenize(text: str) -> Tokens:
    starts, ends, norms, capital, joined, comma = [], [], [], [], [], []
    previous_end = None
    for match in WORD.finditer(text):
        start, end = match.span()
        word = match.group()
        starts.append(start)
        ends.append(end)
        norms.append(normalize(word))
        capital.append(word[0].isupper())
        if previous_end is None:
            joined.append(False)
            comma.append(False)
        elif start - previous_end == 1 and text[previous_end] == " ":
            joined.append(True)  # the common case, decided without a regular expression
            comma.append(False)
        else:
            gap = text[previous_end:start]
            joined.append(_JOINING_GAP.fullmatch(gap) is not None)
            comma.append(gap.strip() == ",")
        previous_end = end
    return Tokens(starts, ends, norms, capital, joined, comma, text)


# A sentence ends at . ! ? or … followed by space and a capital, a digit or an opening quote; not after the
# abbreviations news copy uses mid-sentence.
_BOUNDARY = re.compile(r"[.!?…]+[\"»”’')\]]*\s+(?=[\"«“„(\[]?[A-ZА-ЯІЇЄҐ0-9])")
_ABBREVIATIONS = frozenset([
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "sgt", "st", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "u.s", "u.k", "e.g", "i.e",
    "р", "ст", "м", "км", "тис", "млн", "млрд", "ім", "т.д", "див", "с", "г", "тыс", "обл",
])  # fmt: skip


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence of text[start:end], surrounding spaces left out; lines always end one."""
    end = len(text) if end is None else end
    found = []
    for line in re.finditer(r"[^\n]+", text[:end]):
        if line.end() <= start:
            continue
        line_start, line_end = max(line.start(), start), line.end()
        position = line_start
        for boundary in _BOUNDARY.finditer(text, line_start, line_end):
            word = text[max(line_start, boundary.start() - 6) : boundary.start()].split()[-1:]
            stem = word[0].lower().lstrip("(\"'«“").rstrip(".") if word else ""
            if stem in _ABBREVIATIONS or (len(stem) == 1 and stem.isalpha()):
                continue
            found.append(_trimmed(text, position, boundary.end()))
            position = boundary.end()
        found.append(_trimmed(text, position, line_end))
    return [(s, e) for s, e in found if e > s]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_cyrillic_text(text: str) -> bool:
    sample = text[:4000]
    cyrillic = sum(1 for character in sample if "а" <= character.lower() <= "я" or character.lower() in "іїєґё")
    latin = sum(1 for character in sample if "a" <= character.lower() <= "z")
    return cyrillic > latin


def guess_language(text: str) -> str:
    """en, uk or ru, from the letters the text uses: і ї є ґ are Ukrainian only, ы э ъ ё Russian only."""
    if not is_cyrillic_text(text):
        return "en"
    sample = text[:20000].lower()
    ukrainian = sum(sample.count(letter) for letter in "іїєґ")
    russian = sum(sample.count(letter) for letter in "ыэъё")
    return "uk" if ukrainian >= russian else "ru"
