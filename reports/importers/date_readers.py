"""The readers of the date expressions that dates.py finds: each takes the match, the article's date and the language,
and gives the first and the last day with the precision ("the start of November" in a December article, a season, a
year, a day in figures), or a count of days after the day named before ("the same day", "наступного дня"), which
find_occurrences settles against the text."""

import datetime
import re
from functools import lru_cache
from typing import NamedTuple

from reports.importers.date_words import HALVES, NUMBER_WORDS, PARTS, SEASONS, WEEKDAYS, key
from reports.importers.day_phrases import (
    APPROXIMATE,
    DAY,
    MONTH,
    SEASON,
    YEAR,
    group_of,
    month_number,
    month_range,
    year_of,
)
from reports.importers.day_phrases import READERS as DAY_PHRASE_READERS


class Occurrence(NamedTuple):  # a tuple: thousands cross between processes per second
    start: datetime.date
    end: datetime.date
    precision: str
    span: tuple[int, int] = (0, 0)  # where in the text given the expression stands


def _weekday_range(match, published_on, language):
    last = published_on
    if group_of(match, "weekday2"):
        last = published_on - datetime.timedelta(days=(published_on.weekday() - WEEKDAYS[key(match.group("weekday2"))]) % 7)
    first = last - datetime.timedelta(days=(last.weekday() - WEEKDAYS[key(match.group("weekday"))]) % 7)
    return (first, last, DAY)


SAME_PERIOD = -1  # what the "same period" reader gives, settled in find_occurrences


def _days_after(days: int):
    def reader(match, published_on, language):
        return days if days >= 0 else int(match.group("n")) if match.group("n").isdigit() else NUMBER_WORDS[key(match.group("n"))]

    return reader


def _day_month(match, published_on, language):
    month, day = int(match.group("m1")), int(match.group("d1"))
    before = match.string[max(0, match.start() - 6) : match.start()].lower()
    if re.search(r"(?:\bо|\bоб|\bat|близько|около|\bдо|\bз|\bвід)\s*$", before):
        return None  # an hour ("о 10.05", "з 18.00")
    try:
        date = datetime.date(year_of(match, month, day, published_on), month, day)
    except ValueError:
        return None
    return (date, date, DAY)


def _day_of_month(match, published_on, language):
    day = int(match.group("d1"))
    year, month = published_on.year, published_on.month
    if day > published_on.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        return None
    return (date, date, DAY)


def _day(match, published_on, language):
    month, day = month_number(match.group("m1")), int(match.group("d1"))
    try:
        date = datetime.date(year_of(match, month, day, published_on), month, day)
    except ValueError:
        return None
    return (date, date, DAY)


def _day_range(match, published_on, language):
    first_month = month_number(match.group("m1"))
    last_month = month_number(match.group("m2")) if group_of(match, "m2") else first_month
    first_day, last_day = int(match.group("d1")), int(match.group("d2"))
    year = year_of(match, last_month, last_day, published_on)
    try:
        start = datetime.date(year if first_month <= last_month else year - 1, first_month, first_day)
        end = datetime.date(year, last_month, last_day)
    except ValueError:
        return None
    return (start, end, DAY) if start <= end else None


def _month_reader(match, published_on, language):
    month = month_number(match.group("m1"))
    year = year_of(match, month, 1, published_on)
    return (*month_range(year, month), MONTH)


def _month_range(match, published_on, language):
    first_month, last_month = month_number(match.group("m1")), month_number(match.group("m2"))
    year = year_of(match, last_month, 1, published_on)
    start = month_range(year if first_month <= last_month else year - 1, first_month)[0]
    return (start, month_range(year, last_month)[1], MONTH)


def _month_part(match, published_on, language):
    month = month_number(match.group("m1"))
    year = year_of(match, month, 1, published_on)
    first, last = month_range(year, month)
    part = key(match.group("part"))
    third = PARTS.get(part, HALVES.get(part))
    # Thirds of the month: the beginning is days 1–10, the middle 11–20, the end 21 to the last day; halves
    # are days 1–15 and 16 to the last.
    start = first.replace(day=(1, 11, 21, 1, 16)[third])
    end = last if third in (2, 4) else first.replace(day=(10, 20, None, 15)[third])
    since = part.startswith(("з ", "с ")) or _SINCE.search(match.string, max(0, match.start() - 7), match.start())
    if start <= published_on <= last and since:
        return (start, published_on, APPROXIMATE)  # "since the start of February" in February: the month so far
    if since and third == 0 and 0 < (published_on - start).days <= 62:
        # "Since the start of November" in a December article: from then to the article's day.
        return (start, published_on, APPROXIMATE)
    return (start, end, APPROXIMATE)


# "since", "з", "від" just before a date: the start of a month that runs on to the article's day ("з початку
# лютого"), or of a state that has lasted since then ("бої тривають з літа 2024 року").
_SINCE = re.compile(r"(?<!\w)(?:since|з|із|від|с)\s+$", re.IGNORECASE)  # not the end of a word ("ЗАЕС у березні")


def is_since(text: str, occurrence: Occurrence) -> bool:
    """Whether a date found in the text is the start of what lasts after it: "since summer 2024", "з літа 2024 року"."""
    start = occurrence.span[0]
    return (
        text.startswith(("з ", "із ", "с ", "від ", "since "), start) or _SINCE.search(text, max(0, start - 7), start) is not None
    )


def _year_part(match, published_on, language):
    year = int(match.group("y"))
    third = PARTS[key(match.group("part"))]
    if (
        third == 0
        and year == published_on.year
        and (
            key(match.group()).startswith(("з ", "із ", "від ", "с ", "since "))
            or _SINCE.search(match.string, max(0, match.start() - 7), match.start())
        )
    ):
        return (datetime.date(year, 1, 1), published_on, APPROXIMATE)  # "з початку 2026 року": the year so far
    # Early is January to April, mid May to August, late September to December.
    start = datetime.date(year, 1 + 4 * third, 1)
    end = month_range(year, 4 + 4 * third)[1]
    return (start, end, APPROXIMATE)


_OVER_THE = re.compile(r"\b(?:over|during|throughout)\s+$", re.IGNORECASE)  # "over the summer"


def _season(match, published_on, language):
    word = key(match.group("season"))
    first_month = SEASONS[word]
    words = key(match.group())
    if match.group("y"):
        year = int(match.group("y"))
    elif word.isascii() and (
        not (words.startswith(("in the ", "this ", "last ", "past ")) or _OVER_THE.search(match.string, 0, match.start()))
        or words.endswith(" of")
    ):
        return None  # "the fall of Avdiivka", "a summer offensive": not a date
    else:
        # The most recent such season that had begun by the article's date.
        year = published_on.year if (first_month, 1) <= (published_on.month, published_on.day) else published_on.year - 1
        if any(hint in words for hint in ("last", "past", "минул", "прошл", "торішн")) and published_on.month >= first_month:
            year -= 1
    start = datetime.date(year, first_month, 1)
    end_year, end_month = (year + 1, 2) if first_month == 12 else (year, first_month + 2)
    return (start, month_range(end_year, end_month)[1], SEASON)


def _year_reader(match, published_on, language):
    year = int(match.group("y"))
    return (datetime.date(year, 1, 1), datetime.date(year, 12, 31), YEAR)


def _numeric(match, published_on, language):
    date = _parse_numeric(match.group("numeric"), language)
    return (date, date, DAY) if date else None


@lru_cache(maxsize=4096)
def _parse_numeric(text: str, language: str) -> datetime.date | None:
    import dateparser  # loaded on first use: it takes a moment, and most texts spell their dates out

    parsed = dateparser.parse(
        text,
        languages=[language if language in ("en", "uk", "ru") else "en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date() if parsed else None


READERS = {
    **DAY_PHRASE_READERS,
    "day": _day,
    "day_range": _day_range,
    "month_range": _month_range,
    "month": _month_reader,
    "month_part": _month_part,
    "year_part": _year_part,
    "season": _season,
    "year": _year_reader,
    "numeric": _numeric,
    "weekday_range": _weekday_range,
    "same_day": _days_after(0),
    "next_day": _days_after(1),
    "days_later": _days_after(-2),
    "same_period": lambda match, published_on, language: SAME_PERIOD,
    "day_of_month": _day_of_month,
    "day_month": _day_month,
}
