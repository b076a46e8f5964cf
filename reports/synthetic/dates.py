"""Dates of synthetic articles and claims, and how each language writes them."""

import datetime
import random
from calendar import monthrange

from reports.synthetic.vocabulary import LANGUAGE_INDEX
from reports.synthetic.weights import PRECISION_DISTRIBUTION

FIRST_DAY, LAST_DAY = datetime.date(2022, 2, 24), datetime.date(2026, 10, 31)
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
           "December"],
    "uk": ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада",
           "грудня"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
           "декабря"],
}  # fmt: skip
MONTHS_IN = {
    "uk": ["січні", "лютому", "березні", "квітні", "травні", "червні", "липні", "серпні", "вересні", "жовтні", "листопаді",
           "грудні"],
    "ru": ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре", "ноябре", "декабре"],
}  # fmt: skip
SEASONS = {  # winter, spring, summer, autumn
    "en": ("in the winter of", "in the spring of", "in the summer of", "in the autumn of"),
    "uk": ("взимку", "навесні", "влітку", "восени"),
    "ru": ("зимой", "весной", "летом", "осенью"),
}
# Parts of a month for approximate dates ("since late November"): first day, last day, phrase per language.
MONTH_PARTS = [
    (1, 10, "in early {month}", "на початку {month}", "в начале {month}"),
    (11, 20, "in mid-{month}", "у середині {month}", "в середине {month}"),
    (21, 31, "since late {month}", "з кінця {month}", "с конца {month}"),
]


def date_text(day: datetime.date, language: str) -> str:
    if language == "en":
        return f"{MONTHS['en'][day.month - 1]} {day.day}, {day.year}"
    return f"{day.day} {MONTHS[language][day.month - 1]} {day.year} {'року' if language == 'uk' else 'года'}"


def month_text(day: datetime.date, language: str) -> str:
    if language == "en":
        return f"{MONTHS['en'][day.month - 1]} {day.year}"
    return f"{MONTHS[language][day.month - 1]} {day.year} {'року' if language == 'uk' else 'года'}"


def occurred_period(rng: random.Random, asserted: datetime.date, language: str):
    """A period the claim speaks of, on or before the day it was asserted: (start, end, precision, phrase)."""
    roll = rng.random()
    lag = rng.randint(0, 2) if roll < 0.5 else rng.randint(3, 30) if roll < 0.85 else rng.randint(31, 900)
    anchor = max(asserted - datetime.timedelta(days=lag), datetime.date(2022, 1, 1))
    precision = PRECISION_DISTRIBUTION.draw(rng)
    year, month = anchor.year, anchor.month
    last_of_month = monthrange(year, month)[1]
    if precision == "day":
        start = end = anchor
        phrase = (f"on {date_text(anchor, 'en')}", date_text(anchor, "uk"), date_text(anchor, "ru"))
    elif precision == "week":
        start = anchor - datetime.timedelta(days=anchor.weekday())
        end = start + datetime.timedelta(days=6)
        phrase = (f"in the week of {date_text(start, 'en')}", f"протягом тижня від {date_text(start, 'uk')}",
                  f"на неделе с {date_text(start, 'ru')}")  # fmt: skip
    elif precision == "month":
        start, end = anchor.replace(day=1), anchor.replace(day=last_of_month)
        phrase = (f"in {month_text(anchor, 'en')}", f"у {MONTHS_IN['uk'][month - 1]} {year} року",
                  f"в {MONTHS_IN['ru'][month - 1]} {year} года")  # fmt: skip
    elif precision == "season":
        season = month % 12 // 3  # December, January and February are winter, spanning two years
        first_year = year - 1 if month < 3 else year
        start = datetime.date(first_year, (season * 3 or 12), 1)
        end_month = season * 3 + 2 if season else 2
        end_year = first_year + 1 if season == 0 else first_year
        end = datetime.date(end_year, end_month, monthrange(end_year, end_month)[1])
        years = f"{first_year}–{first_year + 1}" if season == 0 else str(first_year)
        plural = season == 0
        phrase = (f"{SEASONS['en'][season]} {years}", f"{SEASONS['uk'][season]} {years} {'років' if plural else 'року'}",
                  f"{SEASONS['ru'][season]} {years} {'годов' if plural else 'года'}")  # fmt: skip
    elif precision == "year":
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        phrase = (f"in {year}", f"у {year} році", f"в {year} году")
    else:
        first, last, *templates = MONTH_PARTS[min((anchor.day - 1) // 10, 2)]
        start, end = anchor.replace(day=first), anchor.replace(day=min(last, last_of_month))
        month_names = (month_text(anchor, "en"), month_text(anchor, "uk"), month_text(anchor, "ru"))
        phrase = tuple(template.format(month=name) for template, name in zip(templates, month_names, strict=True))
    return start, end, precision, phrase[LANGUAGE_INDEX[language] - 1]
