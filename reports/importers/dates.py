"""When a claim says the thing happened, as a date range with a precision, resolved against the article's date.

"On July 3, 2022" is a day; "March 31" in an article of 2025-04-02 is 2025-03-31, the most recent such day
not after the article; "since the end of November 2024" is 21–30 November 2024, approximate; "in the fall
of 2022" is September to November 2022, a season; "last week" is the Monday-to-Sunday week before the
article's. Named months are read from our own tables, which know every case form of the Ukrainian and
Russian month names ("у серпні", "в августе"); all-number dates (03.07.2022, 7/3/2022) go to `dateparser`,
which knows each language's day and month order.
"""

import calendar
import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from reports.importers.date_words import (
    DAYS_AGO,
    MONTHS,
    NUMBER_WORDS,
    PARTS,
    RELATIVE,
    SEASONS,
    WEEKDAYS,
    key,
    month_pattern,
    words_pattern,
)

DAY, WEEK, MONTH, SEASON, YEAR, APPROXIMATE = "day", "week", "month", "season", "year", "approximate"


@dataclass(frozen=True)
class Occurrence:
    start: datetime.date
    end: datetime.date
    precision: str
    span: tuple[int, int] = (0, 0)  # where in the text given the expression stands


M = month_pattern()
Y = r"(?:19|20)\d{2}"
YEAR_WORD = r"(?:\s*(?:року|рік|році|р\.|года|году|год|г\.))?"
D = r"(?:[12]\d|3[01]|0?[1-9])"
ORD = r"(?:st|nd|rd|th)?"
PART = words_pattern(PARTS)
SEASON_WORD = words_pattern(SEASONS)
WEEKDAY = words_pattern(WEEKDAYS)
REL = words_pattern(RELATIVE)
AGO_UNIT = words_pattern(DAYS_AGO)
NUMBER = r"(?:\d{1,2}|" + words_pattern(NUMBER_WORDS) + ")"

# Each expression: a pattern and the name of its reader. Every match in a text is collected; the leftmost
# wins, the longest among those starting at the same place.
EXPRESSIONS = [
    (rf"(?P<m1>{M})\.?\s+(?P<d1>{D}){ORD}\s*(?:-|–|—|to|and|until|through)\s*(?:(?P<m2>{M})\.?\s+)?(?P<d2>{D}){ORD}\b"
     rf"(?:,?\s+(?P<y>{Y}))?", "day_range"),
    (rf"\b(?P<d1>{D}){ORD}\s*(?:-|–|—|to|and|until|по|до|і|и)\s*(?P<d2>{D}){ORD}\s+(?:of\s+)?(?P<m1>{M})\.?"
     rf"(?:,?\s+(?P<y>{Y}){YEAR_WORD})?", "day_range"),
    (rf"(?P<m1>{M})\.?\s+(?P<d1>{D}){ORD}\b(?:,?\s+(?P<y>{Y}))?", "day"),
    (rf"\b(?P<d1>{D}){ORD}\s+(?:of\s+)?(?P<m1>{M})\.?(?:,?\s+(?P<y>{Y}){YEAR_WORD})?", "day"),
    (rf"\b(?:the\s+)?(?P<part>{PART})(?:\s+of\s+|-|\s+)(?P<m1>{M})(?:\s+(?:of\s+)?(?P<y>{Y}){YEAR_WORD})?", "month_part"),
    (rf"\b(?:the\s+)?(?P<part>{PART})(?:\s+of\s+|-|\s+)(?P<y>{Y}){YEAR_WORD}", "year_part"),
    (rf"\b(?:in|since|during|by|until|through|throughout|from|of|у|в|з|із|до|протягом|с|на)\s+(?P<m1>{M})(?!\.?\s+\d{1,2}\b)"
     rf"(?:\s+(?:of\s+)?(?P<y>{Y}){YEAR_WORD})?", "month"),
    (rf"(?P<m1>{M}),?\s+(?P<y>{Y}){YEAR_WORD}", "month"),
    (rf"\b(?:(?:in\s+)?the\s+|this\s+|last\s+|past\s+|цього\s+|минулого\s+|минулої\s+|торішньо\w*\s+|этим\s+|этой\s+|"
     rf"прошлым\s+|прошлой\s+)?(?P<season>{SEASON_WORD})(?:\s+of)?(?:\s+(?P<y>{Y})(?:\s*[-/–]\s*(?P<y2>{Y}))?{YEAR_WORD})?",
     "season"),
    (rf"\b(?:in|since|during|throughout|through|until|from|of|у|в|з|із|до|протягом|с|во)\s+(?P<y>{Y})\b(?!\s*[-–]?\s*(?:\d))"
     rf"{YEAR_WORD}", "year"),
    (rf"\b(?:on\s+|last\s+|this\s+past\s+|у\s+|в\s+|во\s+|в\s+ніч\s+на\s+|в\s+ночь\s+на\s+)(?P<weekday>{WEEKDAY})\b", "weekday"),
    (rf"\b(?P<n>{NUMBER})\s+(?P<unit>{AGO_UNIT})\s+(?:ago|тому|назад)\b", "ago"),
    (rf"\b(?P<relative>{REL})\b", "relative"),
    (r"\b(?P<numeric>(?:[12]\d|3[01]|0?[1-9])[./](?:1[0-2]|0?[1-9])[./](?:19|20)\d{2}|(?:19|20)\d{2}-[01]\d-[0-3]\d)\b", "numeric"),
]  # fmt: skip
_COMPILED = [(re.compile(pattern, re.IGNORECASE), reader) for pattern, reader in EXPRESSIONS]


def find_occurrence(text: str, published_on: datetime.date, language: str = "en") -> Occurrence | None:
    """The first date expression in `text` that resolves, as a range with its precision."""
    for occurrence in find_occurrences(text, published_on, language):
        return occurrence
    return None


def find_occurrences(text: str, published_on: datetime.date, language: str = "en") -> list[Occurrence]:
    """Every date expression in `text`, in order, as ranges resolved against the article's date."""
    candidates = []
    for rank, (pattern, reader) in enumerate(_COMPILED):
        for match in pattern.finditer(text):
            occurrence = _READERS[reader](match, published_on, language)
            if occurrence is not None:
                candidates.append((match.start(), match.end(), rank, occurrence))
    # Overlapping readings: the longest wins ("of March 31" is a day, not March), then the more precise.
    candidates.sort(key=lambda item: (item[0] - item[1], item[2]))
    taken: list[tuple[int, int, Occurrence]] = []
    for start, end, _rank, occurrence in candidates:
        if all(end <= other_start or start >= other_end for other_start, other_end, _ in taken):
            taken.append((start, end, Occurrence(occurrence.start, occurrence.end, occurrence.precision, (start, end))))
    return [occurrence for _start, _end, occurrence in sorted(taken, key=lambda item: item[0])]


def _year(match, month: int, day: int, published_on: datetime.date) -> int:
    if match.group("y"):
        return int(match.group("y"))
    # No year: the most recent such day not after the article.
    return published_on.year if (month, day) <= (published_on.month, published_on.day) else published_on.year - 1


def _month(word: str) -> int:
    return MONTHS[key(word).rstrip(".")]


def _day(match, published_on, language):
    month, day = _month(match.group("m1")), int(match.group("d1"))
    try:
        date = datetime.date(_year(match, month, day, published_on), month, day)
    except ValueError:
        return None
    return Occurrence(date, date, DAY)


def _day_range(match, published_on, language):
    first_month = _month(match.group("m1"))
    last_month = _month(match.group("m2")) if match.groupdict().get("m2") else first_month
    first_day, last_day = int(match.group("d1")), int(match.group("d2"))
    year = _year(match, last_month, last_day, published_on)
    try:
        start = datetime.date(year if first_month <= last_month else year - 1, first_month, first_day)
        end = datetime.date(year, last_month, last_day)
    except ValueError:
        return None
    return Occurrence(start, end, DAY) if start <= end else None


def _month_range(year: int, month: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])


def _month_reader(match, published_on, language):
    month = _month(match.group("m1"))
    year = _year(match, month, 1, published_on)
    return Occurrence(*_month_range(year, month), MONTH)


def _month_part(match, published_on, language):
    month = _month(match.group("m1"))
    year = _year(match, month, 1, published_on)
    first, last = _month_range(year, month)
    third = PARTS[key(match.group("part"))]
    # Thirds of the month: the beginning is days 1–10, the middle 11–20, the end 21 to the last day.
    start = first.replace(day=(1, 11, 21)[third])
    end = last if third == 2 else first.replace(day=(10, 20)[third])
    return Occurrence(start, end, APPROXIMATE)


def _year_part(match, published_on, language):
    year = int(match.group("y"))
    third = PARTS[key(match.group("part"))]
    # Early is January to April, mid May to August, late September to December.
    start = datetime.date(year, 1 + 4 * third, 1)
    end = _month_range(year, 4 + 4 * third)[1]
    return Occurrence(start, end, APPROXIMATE)


def _season(match, published_on, language):
    word = key(match.group("season"))
    first_month = SEASONS[word]
    words = key(match.group())
    if match.group("y"):
        year = int(match.group("y"))
    elif word.isascii() and (not words.startswith(("in the ", "this ", "last ", "past ")) or words.endswith(" of")):
        return None  # "the fall of Avdiivka", "a summer offensive": not a date
    else:
        # The most recent such season that had begun by the article's date.
        year = published_on.year if (first_month, 1) <= (published_on.month, published_on.day) else published_on.year - 1
        if any(hint in words for hint in ("last", "past", "минул", "прошл", "торішн")) and published_on.month >= first_month:
            year -= 1
    start = datetime.date(year, first_month, 1)
    end_year, end_month = (year + 1, 2) if first_month == 12 else (year, first_month + 2)
    return Occurrence(start, _month_range(end_year, end_month)[1], SEASON)


def _year_reader(match, published_on, language):
    year = int(match.group("y"))
    return Occurrence(datetime.date(year, 1, 1), datetime.date(year, 12, 31), YEAR)


def _weekday(match, published_on, language):
    weekday = WEEKDAYS[key(match.group("weekday"))]
    date = published_on - datetime.timedelta(days=(published_on.weekday() - weekday) % 7)
    return Occurrence(date, date, DAY)


def _ago(match, published_on, language):
    number = key(match.group("n"))
    count = int(number) if number.isdigit() else NUMBER_WORDS[number]
    days = DAYS_AGO[key(match.group("unit"))]
    if days == 1:
        date = published_on - datetime.timedelta(days=count)
        return Occurrence(date, date, DAY)
    if days == 7:
        return _week(published_on - datetime.timedelta(weeks=count))
    year, month = divmod(published_on.year * 12 + published_on.month - 1 - count, 12)
    return Occurrence(*_month_range(year, month + 1), MONTH)


def _week(day: datetime.date) -> Occurrence:
    monday = day - datetime.timedelta(days=day.weekday())
    return Occurrence(monday, monday + datetime.timedelta(days=6), WEEK)


def _relative(match, published_on, language):
    meaning = RELATIVE[key(match.group("relative"))]
    one_day = datetime.timedelta(days=1)
    if meaning in ("today", "yesterday", "day_before_yesterday"):
        date = published_on - one_day * ("today", "yesterday", "day_before_yesterday").index(meaning)
        return Occurrence(date, date, DAY)
    if meaning == "past_day":
        return Occurrence(published_on - one_day, published_on, DAY)
    if meaning == "past_week":
        return Occurrence(published_on - one_day * 7, published_on, WEEK)
    if meaning == "this_week":
        return Occurrence(published_on - one_day * published_on.weekday(), published_on, WEEK)
    if meaning == "last_week":
        return _week(published_on - one_day * 7)
    if meaning in ("this_month", "last_month"):
        year, month = divmod(published_on.year * 12 + published_on.month - 1 - (meaning == "last_month"), 12)
        return Occurrence(*_month_range(year, month + 1), MONTH)
    year = published_on.year - (meaning == "last_year")
    return Occurrence(datetime.date(year, 1, 1), datetime.date(year, 12, 31), YEAR)


def _numeric(match, published_on, language):
    date = _parse_numeric(match.group("numeric"), language)
    return Occurrence(date, date, DAY) if date else None


@lru_cache(maxsize=4096)
def _parse_numeric(text: str, language: str) -> datetime.date | None:
    import dateparser  # loaded on first use: it takes a moment, and most texts spell their dates out

    parsed = dateparser.parse(
        text,
        languages=[language if language in ("en", "uk", "ru") else "en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date() if parsed else None


_READERS = {
    "day": _day,
    "day_range": _day_range,
    "month": _month_reader,
    "month_part": _month_part,
    "year_part": _year_part,
    "season": _season,
    "year": _year_reader,
    "weekday": _weekday,
    "ago": _ago,
    "relative": _relative,
    "numeric": _numeric,
}
