"""Calendar helpers shared by the date readers, and the readers of days counted from the article's own: weekdays,
"three days ago", "yesterday", "over the past day", nights ("уночі", "у ніч на 11 лютого", "overnight into
Wednesday": the night before that day), weekends, weeks, "within a week after May 10", "as of 16:00"."""

import calendar
import datetime
import re

from reports.importers.date_words import DAYS_AGO, MONTHS, NUMBER_WORDS, RELATIVE, WEEKDAYS, key

DAY, WEEK, MONTH, SEASON, YEAR, APPROXIMATE = "day", "week", "month", "season", "year", "approximate"
# What a reader gives: the first and the last day, and the precision.
Range = tuple[datetime.date, datetime.date, str]


def group_of(match: re.Match, name: str) -> str | None:
    """A named group's text, None when it matched nothing or the pattern has no such group."""
    return match.group(name) if name in match.re.groupindex else None


def year_of(match, month: int, day: int, published_on: datetime.date) -> int:
    if group_of(match, "y"):
        return int(match.group("y"))
    # No year: the most recent such day not after the article.
    return published_on.year if (month, day) <= (published_on.month, published_on.day) else published_on.year - 1


def month_number(word: str) -> int:
    return MONTHS[key(word).rstrip(".")]


def month_range(year: int, month: int) -> tuple[datetime.date, datetime.date]:
    first = datetime.date(year, month, 1)
    return first, first.replace(day=calendar.mdays[month] + (month == 2 and calendar.isleap(year)))


def _weekday(match, published_on, language):
    weekday = WEEKDAYS[key(match.group("weekday"))]
    date = published_on - datetime.timedelta(days=(published_on.weekday() - weekday) % 7)
    return (date, date, DAY)


def _ago(match, published_on, language):
    number = key(match.group("n"))
    count = int(number) if number.isdigit() else NUMBER_WORDS[number]
    days = DAYS_AGO[key(match.group("unit"))]
    if days == 1:
        date = published_on - datetime.timedelta(days=count)
        return (date, date, DAY)
    if days == 7:  # "two weeks ago": that day
        date = published_on - datetime.timedelta(weeks=count)
        return (date, date, DAY)
    year, month = divmod(published_on.year * 12 + published_on.month - 1 - count, 12)
    return (*month_range(year, month + 1), MONTH)


def _week(day: datetime.date) -> Range:
    monday = day - datetime.timedelta(days=day.weekday())
    return (monday, monday + datetime.timedelta(days=6), WEEK)


def _relative(match, published_on, language):
    meaning = RELATIVE[key(match.group("relative"))]
    one_day = datetime.timedelta(days=1)
    if meaning in ("today", "yesterday", "day_before_yesterday"):
        date = published_on - one_day * ("today", "yesterday", "day_before_yesterday").index(meaning)
        return (date, date, DAY)
    if meaning == "past_day":
        return (published_on - one_day, published_on, DAY)
    if meaning == "weekend":
        saturday = published_on - one_day * ((published_on.weekday() - 5) % 7)
        return (saturday, min(saturday + one_day, published_on), DAY)
    if meaning == "past_week":
        return (published_on - one_day * 7, published_on, WEEK)
    if meaning == "this_week":  # the week so far
        return (published_on - one_day * published_on.weekday(), published_on, APPROXIMATE)
    if meaning == "week_before_last":
        return _week(published_on - one_day * 14)
    if meaning == "week_start":  # its Monday and Tuesday
        monday = published_on - one_day * published_on.weekday()
        return (monday, min(monday + one_day, published_on), APPROXIMATE)
    if meaning == "last_week":
        return _week(published_on - one_day * 7)
    if meaning == "week_so_far":
        return (published_on - one_day * published_on.weekday(), published_on, APPROXIMATE)
    if meaning == "month_so_far":
        return (published_on.replace(day=1), published_on, APPROXIMATE)
    if meaning == "year_so_far":
        return (published_on.replace(month=1, day=1), published_on, APPROXIMATE)
    if meaning in ("this_month", "last_month"):
        year, month = divmod(published_on.year * 12 + published_on.month - 1 - (meaning == "last_month"), 12)
        return (*month_range(year, month + 1), MONTH)
    year = published_on.year - (meaning == "last_year")
    return (datetime.date(year, 1, 1), datetime.date(year, 12, 31), YEAR)


def _named_day(match, published_on, *, day: str = "", month: str = "") -> datetime.date | None:
    """The day of a pattern that names it either way round ("May 10" in m1, d1; "10 травня" in d2, m2), or in the
    groups named."""
    month = month_number(match.group(month) if month else match.group("m1") or match.group("m2"))
    day = int(match.group(day) if day else match.group("d1") or match.group("d2"))
    try:
        return datetime.date(year_of(match, month, day, published_on), month, day)
    except ValueError:
        return None


def _week_after(match, published_on, language):
    date = _named_day(match, published_on)
    return None if date is None else (date, date + datetime.timedelta(days=7), DAY)


def _night_to(match, published_on, language):
    if match.groupdict().get("weekday"):  # "the night of November 12" names no weekday
        day = _weekday(match, published_on, language)[0]
    else:
        day = _named_day(match, published_on)
        if day is None:
            return None
    return (day - datetime.timedelta(days=1), day, DAY)


def _night_of(match, published_on, language):
    """ "в ніч з 31 березня на 1 квітня", "the night of 13 to 14 May": the two days."""
    end = _named_day(match, published_on, day="d2", month="m2")
    if end is None:
        return None
    start = end - datetime.timedelta(days=1)
    return (start, end, DAY) if start.day == int(match.group("d1")) else None


def _as_of_hour(match, published_on, language):
    return (published_on, published_on, DAY)


READERS = {
    "as_of_hour": _as_of_hour,
    "night_to": _night_to,
    "night_of": _night_of,
    "week_after": _week_after,
    "weekday": _weekday,
    "ago": _ago,
    "relative": _relative,
}
