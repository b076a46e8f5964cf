"""The number a claim states, with its unit: 266 square kilometres, one percent, tenfold, 17 assaults."""

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from reports.importers.date_words import words_pattern
from reports.importers.patterns import branches, grouped
from reports.importers.text import NUMBER_WORD, LoweredWords, lowered_words


class Quantity(NamedTuple):  # a tuple: thousands cross between processes per second
    value: Decimal
    unit: str
    span: tuple[int, int] = (0, 0)


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    "a hundred": 100, "a dozen": 12, "один": 1, "одна": 1, "одну": 1, "одного": 1, "два": 2, "дві": 2, "две": 2,
    "три": 3, "чотири": 4, "четыре": 4, "п'ять": 5, "пять": 5, "шість": 6, "шесть": 6, "сім": 7, "семь": 7,
    "вісім": 8, "восемь": 8, "дев'ять": 9, "девять": 9, "десять": 10, "двадцять": 20, "двадцать": 20, "сто": 100,
}  # fmt: skip
_FOLDS = {
    "twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "tenfold": 10, "hundredfold": 100, "вдвічі": 2,
    "втричі": 3, "вчетверо": 4, "вп'ятеро": 5, "вдесятеро": 10, "вдвое": 2, "втрое": 3, "впятеро": 5, "двократн": 2,
    "трикратн": 3, "трехкратн": 3, "п'ятикратн": 5, "пятикратн": 5, "десятикратн": 10,
}  # fmt: skip
_SCALES = {
    "thousand": 1000, "тис": 1000, "тисяч": 1000, "тисячі": 1000, "тыс": 1000, "тысяч": 1000, "тысячи": 1000,
    "million": 10**6, "млн": 10**6, "мільйон": 10**6, "мільйонів": 10**6, "мільйони": 10**6, "миллион": 10**6,
    "миллионов": 10**6, "миллиона": 10**6, "billion": 10**9, "млрд": 10**9,
}  # fmt: skip

_FOLD_STEMS = [stem for stem in _FOLDS if stem.endswith("кратн")]

# Units: measures first, then things counted. The canonical unit is what the archive stores.
_MEASURES = [
    ("km²", r"square\s+kilomet(?:er|re)s?|sq\.?\s*km|km²|km2|квадратн\w+\s+кілометр\w*|кв\.?\s*км|км²|квадратн\w+\s+километр\w*"),
    ("ha", r"hectares?|гектар\w*|га(?![^\W\d_])"),
    ("km", r"kilomet(?:er|re)s?|km(?![^\W\d_])|кілометр\w*|километр\w*|км(?![^\W\d_])"),
    ("%", r"per\s*cent|percent|%|відсот\w*|процент\w*"),
    ("times", r"times(?![^\W\d_])|разів|раз[аи]?(?![^\W\d_])"),
]
_COUNTED = [
    ("combat engagements", r"combat\s+engagements?|clashes|battles|боєзіткнен\w*|бойов\w+\s+зіткнен\w*|боестолкновени\w*|"
                           r"боев\w+\s+столкновени\w*"),
    ("assaults", r"assaults?|attacks?|offensive\s+actions|атак\w*|штурм\w*|наступальн\w+\s+ді\w+|наступательн\w+\s+действи\w*"),
    ("drones", r"drones?|UAVs?|Shaheds?|дрон\w*|БпЛА|БПЛА|безпілотник\w*|беспилотник\w*|шахед\w*"),
    ("missiles", r"missiles?|ракет\w*"),
    ("shells", r"shells|artillery\s+rounds|снаряд\w*"),
    ("tanks", r"tanks?|танк\w*"),
    ("armoured vehicles", r"armou?red\s+(?:combat\s+)?vehicles|бойов\w+\s+броньован\w+\s+машин\w*|ББМ|"
                          r"бронемашин\w*|бронетехник\w*"),
    ("artillery systems", r"artillery\s+systems|артилерійськ\w+\s+систем\w*|артиллерийск\w+\s+систем\w*"),
    ("children", r"children|дітей|діти|детей|дети"),
    ("people", r"people|persons|civilians|residents|людей|осіб|особи|цивільн\w+|мешканц\w+|человек|мирных\s+жителей"),
    ("soldiers", r"soldiers|servicemen|troops|personnel|fighters|військов\w+|солдат\w*|окупант\w*|военн\w+|бойцов"),
    ("settlements", r"settlements|villages|towns|населен\w+\s+пункт\w*|сіл|сел"),
    ("strikes", r"strikes|airstrikes|ударів|удари|ударов|удара"),
    ("prisoners", r"prisoners(?:\s+of\s+war)?|POWs|полонених|военнопленн\w+"),
]  # fmt: skip

# The number is read atomically, (?>…): what may follow it starts, after any spaces, with a letter or "%", never with
# the digit, point or comma that a shorter reading of it would leave next, so trying shorter readings was wasted time.
_NUMBER = (
    r"(?>(?P<number>\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?![\d])|\d+(?:[.,]\d+)?|" + words_pattern(_NUMBER_WORDS) + r"(?![^\W\d_])))"
)
_SCALE = r"(?:\s*(?P<scale>" + words_pattern(_SCALES) + r")\.?(?![^\W\d_]))?"
# Up to two words between a number and what it counts ("17 Russian assaults", "25 attack drones"), not "one of the".
_STOPWORDS = "of|the|a|an|and|or|to|in|on|at|by|for|with|from|that|which|who|were|was|had|have|has|but|з|із|та|і|у|в|на|и|с|из"
_BETWEEN = rf"(?P<between>(?:\s+(?!{grouped(branches(_STOPWORDS))}\b)[^\W\d_][\w'-]*){{0,2}}?)\s*"
_UNITS = [
    (unit, re.compile(rf"{_NUMBER}{_SCALE}{'' if rank < len(_MEASURES) else _BETWEEN}\s*{grouped(branches(words))}", re.I))
    for rank, (unit, words) in enumerate(_MEASURES + _COUNTED)
]
# Most numbers count nothing ("in 2024,", "on March 3"); one pattern that any unit's match also matches (every unit's
# words at once, no stop words) rules them out in one step instead of one per unit.
_ANY_UNIT = re.compile(
    rf"{_NUMBER}{_SCALE}(?:\s*{grouped(branches('|'.join(words for _unit, words in _MEASURES)))}"
    rf"|(?:\s+[^\W\d_][\w'-]*){{0,2}}?\s*{grouped(branches('|'.join(words for _unit, words in _COUNTED)))})",
    re.IGNORECASE,
)
_NUMBER_STARTS = {word.split()[0] for word in _NUMBER_WORDS}


def find_quantity(text: str, language: str = "en") -> Quantity | None:
    """The quantity a sentence states: a measure (km², km, ha) before a count, a count before a share or a factor."""
    return best_quantity(find_quantities(text, language))


def best_quantity(found: list[Quantity]) -> Quantity | None:
    return min(found, key=lambda quantity: (_RANK[quantity.unit], quantity.span[0])) if found else None


def find_quantities(text: str, language: str = "en", *, words: LoweredWords | None = None) -> list[Quantity]:
    """Every quantity in `text`, in order. `words`, the text's lowered_words() when the caller has them, saves
    reading them again."""
    found, read_up_to = [], 0
    words = lowered_words(text) if words is None else words
    keys = words.keys
    for index in [index for index, may in enumerate(map(_may_start, keys)) if may]:
        start, lower = words.starts[index], keys[index]
        if start < read_up_to:
            continue  # "1 250": the 250 was read with the 1
        if lower[0].isdigit() or lower in _NUMBER_STARTS:
            if start and (text[start - 1].isalnum() or text[start - 1] in ".,"):
                continue  # the tail of a decimal number, or of a word
            if not _ANY_UNIT.match(text, start):
                continue
            for unit, pattern in _UNITS:
                match = pattern.match(text, start)
                if not match:
                    continue
                value = _value(match.group("number"), match.group("scale"), language)
                if value is None or (_looks_like_year(match) and "between" in pattern.groupindex and match.group("between")):
                    continue  # "in 2023 Russian troops" counts no troops
                found.append(Quantity(value, unit, match.span()))
                read_up_to = match.end()
                break
        elif _may_be_factor(lower):
            factor = _fold(lower)
            if factor:
                found.append(Quantity(Decimal(factor), "times", NUMBER_WORD.match(text, start).span()))
    return found


# Only a word that is a number, or names a factor, can start a quantity; worked out once for each word, as news copy
# uses the same words over and over.
@lru_cache(maxsize=100_000)
def _may_start(key: str) -> bool:
    return key[0].isdigit() or key in _NUMBER_STARTS or _may_be_factor(key)


def _may_be_factor(key: str) -> bool:
    return key in _FOLDS or key.endswith("fold") or "кратн" in key


def _fold(word: str) -> int | None:
    """The factor a word such as "tenfold", "вдесятеро" or "десятикратний" names."""
    if word in _FOLDS:
        return _FOLDS[word]
    for stem in _FOLD_STEMS:
        if word.startswith(stem):
            return _FOLDS[stem]
    return None


# A measure says most, then a count of things (the first one named), then a share or a factor: "the last 1% …
# about 266 km²" is 266 km².
_RANK = {"km²": 0, "ha": 0, "km": 1, **{unit: 2 for unit, _pattern in _COUNTED}, "%": 3, "times": 4}


_NUMBER_SPACES = re.compile(r"[\u00a0\u202f ]")
_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+")


def _value(number: str, scale: str | None, language: str) -> Decimal | None:
    word = number.lower().replace("’", "'")
    if word in _NUMBER_WORDS:
        value = Decimal(_NUMBER_WORDS[word])
    else:
        digits = _NUMBER_SPACES.sub("", number)
        # A comma before three digits groups thousands (1,200); otherwise it is a decimal comma (1,5 км).
        thousands = _THOUSANDS.fullmatch(digits)
        digits = digits.replace(",", "" if thousands else ".")
        try:
            value = Decimal(digits)
        except InvalidOperation:
            return None
    if scale:
        value *= _SCALES[scale.lower().rstrip(".")]
    return value if value < Decimal("1e12") else None


def _looks_like_year(match) -> bool:
    number = match.group("number")
    return number.isdigit() and 1900 <= int(number) <= 2100 and not match.group("scale")
