"""When a claim says the thing happened, as a date range with a precision, resolved against the article's date.

"On July 3, 2022" is a day; "March 31" in an article of 2025-04-02 is 2025-03-31, the most recent such day
not after the article; "since the end of November 2024" is 21–30 November 2024, approximate; "in the fall
of 2022" is September to November 2022, a season; "last week" is the Monday-to-Sunday week before the
article's. Named months are read from our own tables, which know every case form of the Ukrainian and
Russian month names ("у серпні", "в августе"); all-number dates (03.07.2022, 7/3/2022) go to `dateparser`,
which knows each language's day and month order.
"""

import datetime
import re
from collections.abc import Iterator
from functools import lru_cache

from reports.importers.date_readers import READERS as _READERS
from reports.importers.date_readers import SAME_PERIOD, Occurrence, is_since  # noqa: F401 (is_since: the claims')
from reports.importers.date_words import (
    DAYS_AGO,
    HALVES,
    MONTHS,
    NUMBER_WORDS,
    PARTS,
    RELATIVE,
    SEASONS,
    WEEKDAYS,
    month_pattern,
    words_pattern,
)
from reports.importers.day_phrases import (
    DAY,
)
from reports.importers.patterns import has_lookalikes
from reports.importers.text import LoweredWords, lowered_words

M = month_pattern()
Y = r"(?:19|20)\d{2}"
YEAR_WORD = r"(?:\s*(?:року|рік|році|р\.|года|году|год|г\.))?"
D = r"(?:[12]\d|3[01]|0?[1-9])"
ORD = r"(?:st|nd|rd|th)?"
PART = words_pattern(PARTS)
HALF = words_pattern(HALVES)
ENGLISH_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
SEASON_WORD = words_pattern(SEASONS)
WEEKDAY = words_pattern(WEEKDAYS)
REL = words_pattern(RELATIVE)
AGO_UNIT = words_pattern(DAYS_AGO)
NUMBER = r"(?:\d{1,2}|" + words_pattern(NUMBER_WORDS) + ")"
MONTH_PREPOSITIONS = "in|since|during|by|until|through|throughout|from|of|у|в|з|із|до|протягом|с|на"
YEAR_PREPOSITIONS = "in|since|during|throughout|through|until|from|of|у|в|з|із|до|протягом|с|во"
WEEKDAY_PREFIXES = r"on|last|this\s+past|у|в|во|минулої|минулого|минулий|минулу"
# A night named by the day it runs into: "у ніч на 11 лютого", "в ніч на вівторок", "overnight on Oct. 8", "overnight
# into Wednesday" is the night before that day, from the day before to it.
NIGHT_TO = (
    r"(?:(?:у|в|во)\s+(?:ніч|ночь)\s+(?:на|проти|против)|(?:протягом|впродовж|упродовж)\s+ночі\s+на|overnight\s+(?:on|into|to))"
)
# What may stand around a weekday in a range: an hour ("10 p.m. on Monday", "18:00 понеділка") or a part of the day
# ("вечора неділі", "Saturday evening").
_HOUR = r"(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?(?:\s*(?:a\.m\.|p\.m\.|am\b|pm\b))?"
AROUND_WEEKDAY = rf"(?:{_HOUR}\s+(?:on\s+)?|(?:вечора|ранку|ночі|вечором|ранком)\s+)?"
AFTER_WEEKDAY = r"(?:\s+(?:evening|morning|afternoon|night|ввечері|вранці|увечері))?"
SAME_DAY = (
    r"(?:later|earlier)\s+(?:that|the\s+same)\s+day|(?:on\s+)?(?:that\s+|the\s+)same\s+day|that\s+(?:evening|morning|afternoon)"
    r"|(?:пізніше|раніше|увечері|ввечері|вранці|зранку)\s+того\s+(?:ж\s+|самого\s+)?дня|того\s+(?:ж|самого)\s+(?:дня|вечора|ранку)"
    r"|цього\s+ж\s+дня|в\s+той\s+же\s+день|тем\s+же\s+днем|в\s+тот\s+же\s+день"
    # A part of the day, said alone, is of the day named before ("Наступного дня … у першій половині дня …").
    r"|(?:у|в)\s+(?:першій|другій)\s+половині\s+дня"
)
NEXT_DAY = (
    r"(?:by\s+)?the\s+(?:next|following)\s+(?:day|morning|evening)|a\s+day\s+later|наступного\s+(?:дня|ранку|вечора)"
    r"|на\s+наступний\s+день|днем\s+пізніше|на\s+следующий\s+день|следующего\s+дня"
)
SEASON_PREFIXES = r"in\s+the|the|this|last|past|цього|минулого|минулої|торішньої|торішнього|этим|этой|прошлым|прошлой"
DIGIT = "0"
DIGITS = {DIGIT}
MONTH_WORDS = set(MONTHS)
PART_STARTS = {"the"} | {phrase.split()[0] for phrase in PARTS}
HALF_STARTS = {"the", "in", "у", "в"} | {phrase.split()[0] for phrase in HALVES}


def words(alternation: str) -> set[str]:
    """The first words of an alternation of phrases."""
    return {phrase.replace("\\s+", " ").split()[0] for phrase in alternation.split("|")}


# Each expression: a pattern, the name of its reader, and the words it can begin with. Expressions are tried only
# where such a word stands (one dict lookup per word), anchored there, so a long text costs little.
EXPRESSIONS = [
    (rf"(?P<m1>{M})\.?\s+(?P<d1>{D}){ORD}\s*(?:-|–|—|to|and|until|through)\s*(?:(?P<m2>{M})\.?\s+)?(?P<d2>{D}){ORD}\b"
     rf"(?:,?\s+(?P<y>{Y}))?", "day_range", MONTH_WORDS),
    (rf"(?P<d1>{D}){ORD}\s*(?:-|–|—|to|and|until|по|до|і|и)\s*(?P<d2>{D}){ORD}\s+(?:of\s+)?(?P<m1>{M})\.?"
     rf"(?:,?\s+(?P<y>{Y}){YEAR_WORD})?", "day_range", DIGITS),
    (rf"(?P<m1>{M})\.?\s+(?P<d1>{D}){ORD}\b(?:,?\s+(?P<y>{Y}))?", "day", MONTH_WORDS),
    (rf"(?P<d1>{D}){ORD}\s+(?:of\s+)?(?P<m1>{M})\.?(?:,?\s+(?P<y>{Y}){YEAR_WORD})?", "day", DIGITS),
    (rf"(?:the\s+)?(?P<part>{PART})(?:\s+of\s+|-|\s+)(?P<m1>{M})(?:\s+(?:of\s+)?(?P<y>{Y}){YEAR_WORD})?", "month_part",
     PART_STARTS),
    (rf"(?:the\s+|in\s+the\s+|у\s+|в\s+)?(?P<part>{HALF})(?:\s+of)?\s+(?P<m1>{M})(?:\s+(?:of\s+)?(?P<y>{Y}){YEAR_WORD})?",
     "month_part", HALF_STARTS),
    (rf"(?:the\s+)?(?P<part>{PART})(?:\s+of\s+|-|\s+)(?P<y>{Y}){YEAR_WORD}", "year_part", PART_STARTS),
    # "between January and June", "from March to May 2024", "з січня по червень": the months from the first to the last.
    (rf"(?:between|from|з|із|від|с)\s+(?P<m1>{M})\s+(?:and|to|through|until|till|по|до|і|й|и)\s+(?P<m2>{M})\b"
     rf"(?!\.?\s+\d{{1,2}}\b)(?:\s+(?:of\s+)?(?P<y>{Y}){YEAR_WORD})?", "month_range", {"between", "from", "з", "із", "від", "с"}),
    (rf"(?:{MONTH_PREPOSITIONS})\s+(?P<m1>{M})(?!\.?\s+\d{{1,2}}\b)(?:\s+(?:of\s+)?(?P<y>{Y}){YEAR_WORD})?", "month",
     words(MONTH_PREPOSITIONS)),
    (rf"(?P<m1>{M}),?\s+(?P<y>{Y}){YEAR_WORD}", "month", MONTH_WORDS),
    # "December was the deadliest month": an English month name, capitalised, standing alone.
    (rf"(?-i:(?P<m1>{ENGLISH_MONTHS}))\b(?!\s+\d)", "month", MONTH_WORDS),
    (rf"(?:(?P<pre>{SEASON_PREFIXES})\s+)?(?P<season>{SEASON_WORD})(?:\s+of)?(?:\s+(?P<y>{Y})(?:\s*[-/–]\s*(?P<y2>{Y}))?"
     rf"{YEAR_WORD})?", "season", words(SEASON_PREFIXES) | set(SEASONS)),
    (rf"(?:{YEAR_PREPOSITIONS})\s+(?P<y>{Y})\b(?!\s*[-–]?\s*\d){YEAR_WORD}", "year", words(YEAR_PREPOSITIONS)),
    (rf"(?:{WEEKDAY_PREFIXES})\s+(?P<weekday>{WEEKDAY})\b", "weekday", words(WEEKDAY_PREFIXES)),
    # "Станом на понеділок ми нарахували …", "as of Monday", "станом на ранок вівторка", "as of Tuesday morning": that day.
    (rf"(?:станом\s+на|as\s+of|по\s+состоянию\s+на)\s+(?:(?:ранок|вечір|ранку|вечора)\s+)?(?P<weekday>{WEEKDAY})\b",
     "weekday", {"станом", "as", "по"}),
    # "between 10 p.m. on Monday and 7 a.m. on Tuesday", "Between Saturday evening and Sunday morning", "з 18:00
    # понеділка до 06:00 вівторка": the days from the first to the last; "since 6 p.m. on Monday", "від вечора неділі":
    # from that day to the article's.
    (rf"(?:between|from|з|із|від|між)\s+{AROUND_WEEKDAY}(?P<weekday>{WEEKDAY})\b{AFTER_WEEKDAY}\s+"
     rf"(?:and|to|until|till|through|до|по|і|та|й)\s+{AROUND_WEEKDAY}(?P<weekday2>{WEEKDAY})\b", "weekday_range",
     {"between", "from", "з", "із", "від", "між"}),
    (rf"(?:since|з|із|від)\s+{AROUND_WEEKDAY}(?P<weekday>{WEEKDAY})\b", "weekday_range", {"since", "з", "із", "від"}),
    # "the same day", "Того ж дня", "later that day", "the next morning", "Наступного дня", "two days later": a day
    # counted from the day the text named last (see find_occurrences).
    (rf"(?:{SAME_DAY})\b", "same_day", {"later", "earlier", "on", "that", "the", "пізніше", "раніше", "увечері", "ввечері",
                                        "вранці", "зранку", "того", "цього", "в", "у", "тем"}),
    (rf"(?:{NEXT_DAY})\b", "next_day", {"by", "the", "a", "наступного", "на", "днем", "следующего"}),
    (rf"(?P<n>{NUMBER})\s+(?:days|дні|днів)\s+(?:later|потому|по\s+тому)\b", "days_later", DIGITS | set(NUMBER_WORDS)),
    # "Over the same period", "за той самий період": the period named just before.
    (r"(?:over|during|in|for)\s+the\s+same\s+period\b|за\s+(?:той|цей)\s+(?:самий|же|ж)\s+період\b|за\s+аналогічний\s+період\b",
     "same_period", {"over", "during", "in", "for", "за"}),
    # "увечері в Сумах пролунали вибухи": the evening of the article's day, unless a day follows ("Увечері 1 липня").
    (rf"(?:увечері|ввечері)\b(?!\s+(?:\d|напередодні|того|(?:у\s+|в\s+)?{WEEKDAY}\b))", "as_of_hour", {"увечері", "ввечері"}),
    # "on the 15th": that day of the article's month, or of the month before when it is still to come.
    (rf"on\s+the\s+(?P<d1>{D})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?{M})", "day_of_month", {"on"}),
    (rf"{NIGHT_TO}\s+(?:(?P<m1>{M})\.?\s+(?P<d1>{D}){ORD}\b|(?P<d2>{D})\s+(?P<m2>{M})|(?P<weekday>{WEEKDAY})\b)",
     "night_to", {"у", "в", "во", "overnight", "протягом", "впродовж", "упродовж"}),
    # "в ніч з 10 на 11 лютого", "the night of 13 to 14 May": the two days (the preposition before "night" is left out).
    (rf"(?:ніч\s+з|ночь\s+с|night\s+of)\s+(?P<d1>{D})\s+(?:(?P<m1>{M})\s+)?(?:на|to|into)\s+(?P<d2>{D})\s+(?P<m2>{M})",
     "night_of", {"ніч", "ночь", "night"}),
    # "On the night of November 12": Ukrainian outlets' English for "у ніч на 12 листопада", the night into that day.
    (rf"night\s+of\s+(?:(?P<m1>{M})\.?\s+(?P<d1>{D}){ORD}\b|(?P<d2>{D})\s+(?P<m2>{M})\b)(?!\s*(?:-|–|to|into|and)\s*\d)",
     "night_to", {"night"}),
    # "Zelensky said Wednesday", "attacked Kyiv early Monday": an English weekday, capitalised, standing alone.
    (r"(?-i:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b", "weekday", set(WEEKDAYS)),
    (rf"(?P<n>{NUMBER})\s+(?P<unit>{AGO_UNIT})\s+(?:ago|тому|назад)\b", "ago", DIGITS | set(NUMBER_WORDS)),
    (rf"(?P<relative>{REL})\b", "relative", {phrase.split()[0] for phrase in RELATIVE}),
    # "within a week after May 10", "протягом тижня після 10 травня": the week that followed the day.
    # Read from the word for the week, whatever the preposition before it ("within", "in the", "упродовж").
    (rf"(?:week|тижня|тиждень|недели|неделю)\s+(?:after|following|since|після|от|после|с)\s+"
     rf"(?:(?P<m1>{M})\.?\s+(?P<d1>{D}){ORD}|(?P<d2>{D}){ORD}\s+(?P<m2>{M}))\b", "week_after",
     {"week", "тижня", "тиждень", "недели", "неделю"}),
    # "станом на 22:00", "as of 10:00", "as of 10 a.m.", "as of noon": a count from the start of the article's day to
    # that hour.
    (r"(?:станом\s+на|as\s+of|по\s+состоянию\s+на)\s+(?:(?:[01]?\d|2[0-3])[:.][0-5]\d\b|(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s*"
     r"(?:a\.m\.|p\.m\.|am\b|pm\b)|noon\b|midnight\b)", "as_of_hour", {"станом", "as", "по"}),
    # "Близько 13:30 окупанти обстріляли Краматорськ", "at 2:15 a.m.": an hour of the article's day.
    # (Not when a day follows: "at 2:15 a.m. on Monday" is Monday's.)
    (rf"(?:близько|приблизно|о|об|около|в|at|around|about|after|before|після|by|до)\s+(?:[01]?\d|2[0-3])[:.][0-5]\d\b"
     rf"(?!\s*(?:км|km|%))"
     rf"(?!(?:\s*(?:a\.m\.|p\.m\.))?[^.;]{{0,20}}?\b(?:on|у|в|во)\s+(?:{WEEKDAY}|\d))",
     "as_of_hour", {"близько", "приблизно", "о", "об", "около", "в", "at", "around", "about", "after", "before", "після",
                    "by", "до"}),
    # "By 8 a.m., Ukrainian troops had repelled 44 of the attacks": an hour of the article's day, said in English.
    (r"(?:by|at|after|before|around|about)\s+(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
     rf"(?![^.;]{{0,20}}?\b(?:on|у|в|во)\s+(?:{WEEKDAY}|\d))", "as_of_hour", {"by", "at", "after", "before", "around", "about"}),
    # "А 02.03, як повідомили в ОВА, …", "15.09 під час масованої атаки …": a day and month in figures, no year (not a
    # time: "о 10.05", nor a decimal).
    (r"(?<![\d.,:о])(?P<d1>0[1-9]|[12]\d|3[01])\.(?P<m1>0[1-9]|1[0-2])(?![\d.,]\d)", "day_month", DIGITS),
    (r"(?P<numeric>(?:[12]\d|3[01]|0?[1-9])[./](?:1[0-2]|0?[1-9])[./](?:19|20)\d{2}|(?:19|20)\d{2}-[01]\d-[0-3]\d)\b",
     "numeric", DIGITS),
]  # fmt: skip
_COMPILED = [(re.compile(pattern, re.IGNORECASE), reader) for pattern, reader, _starts in EXPRESSIONS]
_BY_FIRST_WORD: dict[str, list[int]] = {}
for _index, (_pattern, _reader, _starts) in enumerate(EXPRESSIONS):
    for _word in _starts:
        _BY_FIRST_WORD.setdefault(_word, []).append(_index)
# Words that start a date expression only when a date word follows them.
_WEAK = (
    (
        words(MONTH_PREPOSITIONS)
        | words(YEAR_PREPOSITIONS)
        | words(WEEKDAY_PREFIXES)
        | words(SEASON_PREFIXES)
        | {"the", "that", "after", "before", "того", "цього", "a"}
    )
    - set(RELATIVE)
    - set(SEASONS)
)
_STRONG = (
    MONTH_WORDS
    | DIGITS
    | set(SEASONS)
    | set(WEEKDAYS)
    | {word for phrase in [*PARTS, *HALVES] for word in phrase.split()}
    | {word for phrase in RELATIVE for word in phrase.split()[1:]}
    | {"evening", "morning", "afternoon", "ж", "самого", "day", "week", "month", "days", "weeks", "months", "year"}
    | {
        "the",
        "past",
        "ніч",
        "ночь",
        "fall",
        "autumn",
        "вечора",
        "ранку",
        "ночі",
        "same",
        "next",
        "following",
        "першій",
        "другій",
        "той",
        "тот",
        "наступний",
        "следующий",
    }
)


def _strong(key: str) -> bool:
    """Whether a word after a weak one may go on a date: a date word, or a number, also one run into its unit ("9am")."""
    return _as_listed(key) in _STRONG or key[:1].isdigit()


def _as_listed(key: str) -> str:
    """A word as the expressions list the words they begin with: as itself, or DIGIT for any number."""
    return DIGIT if key.isdigit() else key


# Whether a word begins an expression is worked out once for each word: news copy uses the same words over and over.
@lru_cache(maxsize=100_000)
def _first_word(key: str) -> str | None:
    """The word as listed, when an expression begins with it."""
    first = _as_listed(key)
    return first if first in _BY_FIRST_WORD else None


def find_occurrence(text: str, published_on: datetime.date, language: str = "en") -> Occurrence | None:
    """The first date expression in `text` that resolves, as a range with its precision."""
    for occurrence in find_occurrences(text, published_on, language):
        return occurrence
    return None


def find_occurrences(
    text: str, published_on: datetime.date, language: str = "en", *, words: LoweredWords | None = None
) -> list[Occurrence]:
    """Every date expression in `text`, in order, as ranges resolved against the article's date.

    `words`, the text's lowered_words() when the caller has them already, saves reading them again.
    """
    # An expression that overlaps a longer one is dropped, so each is read (resolved to dates) only when its turn
    # comes below, about half of them never. Unless reading may fail, as it can only on a date near either end of
    # the calendar or on a word matched through a look-alike letter ("ſeptember"), or in dateparser: those are read
    # in text order, as they are found, so that the same failure is raised.
    read_now = not 100 <= published_on.year <= 9900 or has_lookalikes(text)
    candidates = []
    for match, rank, reader in _expressions(text, lowered_words(text) if words is None else words):
        occurrence = _READERS[reader](match, published_on, language) if read_now or reader == "numeric" else _UNREAD
        # A full stop after a month ("Jan.", or the sentence's own) is not part of the date's place.
        end = match.end() - 1 if text[match.end() - 1] == "." else match.end()
        candidates.append((match.start(), end, rank, match, occurrence))
    # Overlapping readings: the longest wins ("of March 31" is a day, not March), then the more precise.
    candidates.sort(key=lambda item: (item[0] - item[1], item[2]))
    taken: list[tuple] = []  # start, end, the Occurrence (or days after the day named before it), the reader
    for start, end, rank, match, occurrence in candidates:
        for other_start, other_end, *_ in taken:
            if start < other_end and end > other_start:
                break
        else:
            if occurrence is _UNREAD:
                occurrence = _READERS[EXPRESSIONS[rank][1]](match, published_on, language)
            reader = EXPRESSIONS[rank][1]
            if isinstance(occurrence, int):  # days after the day named before it, settled below
                taken.append((start, end, occurrence, reader))
            elif occurrence is not None:
                if reader == "as_of_hour" and any(0 <= start - item[1] <= 2 for item in taken):
                    continue  # the hour of a day just named ("у понеділок о 18:00"): that day's
                taken.append((start, end, Occurrence(*occurrence, (start, end)), reader))
    found, last_day = [], None
    for start, end, occurrence, reader in sorted(taken, key=lambda item: item[0]):
        if occurrence == SAME_PERIOD:  # "over the same period": the period named just before (not a day it was said on)
            periods = [one for one in found if one.end > one.start] or found
            if periods:
                found.append(periods[-1]._replace(span=(start, end)))
            continue
        if isinstance(occurrence, int):
            if last_day is None:
                continue  # "the same day" with no day named before it
            day = last_day + datetime.timedelta(days=occurrence)
            if day > published_on:
                continue
            occurrence = Occurrence(day, day, DAY, (start, end))
        if occurrence.precision == DAY and reader != "as_of_hour":
            # The day a later "the same day" counts from: a night's is the day it runs into ("У ніч на 29 липня …
            # Того ж дня"); a count "as of" an hour is of now, not of the story told.
            night = (occurrence.end - occurrence.start).days == 1 and reader != "weekday_range"
            last_day = occurrence.end if night else occurrence.start
        found.append(occurrence)
    return found


_UNREAD = object()  # a reader gives the first and the last day and the precision; made an Occurrence when kept


def _expressions(text: str, words: LoweredWords) -> Iterator[tuple[re.Match, int, str]]:
    """Each match of an expression in the text, with the expression's rank and reader, in text order."""
    keys = words.keys
    for index, first in [(index, first) for index, first in enumerate(map(_first_word, keys)) if first]:
        if first in _WEAK and (index + 1 == len(keys) or _strong(keys[index + 1]) is False):
            continue  # "in the city", "on Monday's": a preposition starts a date only before a date word
        position = words.starts[index]
        for rank in _BY_FIRST_WORD[first]:
            pattern, reader = _COMPILED[rank]
            match = pattern.match(text, position)
            if match:
                yield match, rank, reader
