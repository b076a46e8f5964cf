"""The words of dates in English, Ukrainian and Russian, with every case form news copy uses."""

import re

from reports.importers.patterns import grouped

_MONTH_FORMS = [
    "january jan січень січня січні январь января январе",
    "february feb лютий лютого лютому февраль февраля феврале",
    "march mar березень березня березні март марта марте",
    "april apr квітень квітня квітні апрель апреля апреле",
    "may травень травня травні май мая мае",
    "june jun червень червня червні июнь июня июне",
    "july jul липень липня липні июль июля июле",
    "august aug серпень серпня серпні август августа августе",
    "september sep sept вересень вересня вересні сентябрь сентября сентябре",
    "october oct жовтень жовтня жовтні октябрь октября октябре",
    "november nov листопад листопада листопаді ноябрь ноября ноябре",
    "december dec грудень грудня грудні декабрь декабря декабре",
]
MONTHS = {word: number for number, forms in enumerate(_MONTH_FORMS, start=1) for word in forms.split()}

# Which third of a month or year: 0 the beginning, 1 the middle, 2 the end.
PARTS = {
    **dict.fromkeys(["beginning", "start", "early", "початку", "початок", "на початку", "з початку", "начала", "начале",
                     "в начале", "с начала", "начало"], 0),
    **dict.fromkeys(["middle", "mid", "середини", "середині", "середина", "в середині", "середины", "середине",
                     "в середине"], 1),
    **dict.fromkeys(["end", "late", "кінця", "кінці", "кінець", "наприкінці", "в кінці", "у кінці", "з кінця", "конца",
                     "конце", "в конце", "с конца", "конец"], 2),
}  # fmt: skip

# Halves of a month: 3 the first, 4 the second.
HALVES = {
    **dict.fromkeys(["first half", "перша половина", "першій половині", "першої половини", "первая половина",
                     "первой половине", "первой половины"], 3),
    **dict.fromkeys(["second half", "друга половина", "другій половині", "другої половини", "вторая половина",
                     "второй половине", "второй половины"], 4),
}  # fmt: skip

# The first month of each season; winter runs from December into the next year.
SEASONS = {
    **dict.fromkeys(["spring", "навесні", "весною", "весна", "весни", "весной", "весна", "весны"], 3),
    **dict.fromkeys(["summer", "влітку", "улітку", "літом", "літо", "літа", "летом", "лето", "лета"], 6),
    **dict.fromkeys(["fall", "autumn", "восени", "осінь", "осені", "осенью", "осень", "осени"], 9),
    **dict.fromkeys(["winter", "взимку", "узимку", "зимою", "зима", "зими", "зимой", "зимы"], 12),
}

WEEKDAYS = {
    **dict.fromkeys(["monday", "понеділок", "понедельник", "понеділка"], 0),
    **dict.fromkeys(["tuesday", "вівторок", "вторник", "вівторка"], 1),
    **dict.fromkeys(["wednesday", "середу", "среду", "середи"], 2),
    **dict.fromkeys(["thursday", "четвер", "четверг", "четверга"], 3),
    **dict.fromkeys(["friday", "п'ятницю", "п’ятницю", "пʼятницю", "пятницу", "п'ятниці", "п’ятниці", "пʼятниці"], 4),
    **dict.fromkeys(["saturday", "суботу", "субботу", "суботи"], 5),
    **dict.fromkeys(["sunday", "неділю", "воскресенье", "неділі"], 6),
}

RELATIVE = {
    **dict.fromkeys(["today", "сьогодні", "сегодня", "since the start of the day", "since the beginning of the day",
                     "з початку доби", "від початку доби", "з початку цієї доби", "від початку цієї доби",
                     "с начала суток", "с начала этих суток", "протягом дня", "упродовж дня", "впродовж дня", "з початку дня",
                     "від початку дня", "с начала дня",
                     "during the day", "this morning", "earlier today", "сьогодні вранці", "сьогодні зранку",
                     "сегодня утром", "в течение дня",
                     # A part of the article's day, said alone.
                     "earlier in the day", "by midday", "at midday", "this afternoon", "this evening", "сьогодні ввечері"],
                    "today"),
    **dict.fromkeys(["yesterday", "вчора", "учора", "вчера", "the day before", "напередодні", "накануне", "увечері напередодні",
                     "ввечері напередодні", "вранці напередодні", "напередодні ввечері", "напередодні увечері"], "yesterday"),
    **dict.fromkeys(["the day before yesterday", "позавчора", "позавчера"], "day_before_yesterday"),
    **dict.fromkeys(["overnight", "last night", "over the past day", "in the past day", "over the past 24 hours",
                     "in the past 24 hours", "in the last 24 hours", "over the last 24 hours", "вночі", "минулої ночі",
                     "за минулу добу", "за добу", "протягом доби", "протягом минулої доби", "упродовж минулої доби",
                     "over the previous day", "over the previous 24 hours", "ночью", "прошлой ночью", "за прошедшие сутки",
                     "за минувшие сутки", "за сутки",
                     # A night is the one before the article's day ("Уночі окупанти атакували Харків").
                     "уночі", "цієї ночі", "сьогодні вночі", "сьогодні уночі", "за ніч", "за минулу ніч",
                     "during the night", "through the night", "этой ночью", "сегодня ночью", "за ночь",
                     "минулої доби", "впродовж доби", "упродовж доби", "впродовж минулої доби", "за останню добу",
                     "протягом останньої доби", "over the last day", "за последние сутки", "в течение суток",
                     "нічної атаки", "нічного удару", "нічного обстрілу"], "past_day"),
    # The Saturday and Sunday before the article (or of its own weekend).
    **dict.fromkeys(["over the weekend", "during the weekend", "at the weekend", "on the weekend", "this weekend",
                     "last weekend", "this past weekend", "на вихідних", "у вихідні", "в вихідні", "минулих вихідних",
                     "за вихідні", "за минулі вихідні",
                     "на минулих вихідних", "на выходных", "в выходные", "в эти выходные"], "weekend"),
    **dict.fromkeys(["over the past week", "in the past week", "over the last week", "за минулий тиждень",
                     "протягом тижня", "за прошедшую неделю", "за минувшую неделю"], "past_week"),
    **dict.fromkeys(["this week", "earlier this week", "цього тижня", "на цьому тижні", "на этой неделе"], "this_week"),
    # The week before last week, and the first days of the article's week.
    **dict.fromkeys(["the week before last", "позаминулого тижня", "на позаминулому тижні"], "week_before_last"),
    **dict.fromkeys(["на початку тижня", "на початку цього тижня", "early this week", "early in the week",
                     "в начале недели"], "week_start"),
    **dict.fromkeys(["last week", "минулого тижня", "на минулому тижні", "на прошлой неделе"], "last_week"),
    # The article's month so far, as "this week" is its week so far.
    **dict.fromkeys(["this month", "earlier this month", "цього місяця", "на початку цього місяця", "в этом месяце"],
                    "month_so_far"),
    # The article's month so far, as "з початку квітня" in an April article is.
    **dict.fromkeys(["since the start of the month", "since the beginning of the month", "since the start of this month",
                     "since the beginning of this month", "з початку місяця", "від початку місяця",
                     "з початку цього місяця", "від початку цього місяця", "с начала месяца", "с начала этого месяца"],
                    "month_so_far"),
    # The article's year so far ("Since the start of the year, Russian strikes have damaged 19 facilities").
    **dict.fromkeys(["so far this year", "since the start of the year", "since the beginning of the year",
                     "since the start of this year",
                     "since the beginning of this year", "з початку року", "від початку року", "з початку цього року",
                     "від початку цього року", "с начала года", "с начала этого года"], "year_so_far"),
    # The morning of the article's day, said alone ("Вранці росіяни вдарили по Сумах", "з ранку відбили чотири атаки").
    **dict.fromkeys(["вранці", "зранку", "з ранку", "від ранку", "утром", "с утра"], "today"),
    **dict.fromkeys(["since the start of the week", "since the beginning of the week", "з початку тижня",
                     "від початку тижня", "з початку цього тижня", "с начала недели"], "week_so_far"),
    **dict.fromkeys(["last month", "минулого місяця", "в прошлом месяце"], "last_month"),
    **dict.fromkeys(["this year", "цього року", "в этом году"], "this_year"),
    **dict.fromkeys(["last year", "минулого року", "торік", "в прошлом году"], "last_year"),
}  # fmt: skip

# "Three days ago": how many days one unit is (a month counts as 30 only to tell it apart).
DAYS_AGO = {
    **dict.fromkeys(["day", "days", "дні", "днів", "день", "дня", "дней"], 1),
    **dict.fromkeys(["week", "weeks", "тиждень", "тижні", "тижнів", "неделю", "недели", "недель"], 7),
    **dict.fromkeys(["month", "months", "місяць", "місяці", "місяців", "месяц", "месяца", "месяцев"], 30),
}

NUMBER_WORDS = {
    **dict.fromkeys(["a", "one", "один", "одну", "одна"], 1),
    **dict.fromkeys(["two", "два", "дві", "две"], 2),
    **dict.fromkeys(["three", "три"], 3),
    **dict.fromkeys(["four", "чотири", "четыре"], 4),
    **dict.fromkeys(["five", "п'ять", "пять"], 5),
    **dict.fromkeys(["six", "шість", "шесть"], 6),
    **dict.fromkeys(["seven", "сім", "семь"], 7),
    **dict.fromkeys(["ten", "десять"], 10),
}


def words_pattern(words) -> str:
    """An alternation of the words, longest first, spaces matching any run of spaces; for re.IGNORECASE patterns."""
    return grouped(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))


def month_pattern() -> str:
    # Whole words only: "mar" is March, not the middle of "Omar" or the start of "market".
    return r"(?<![^\W\d_])" + words_pattern(MONTHS) + r"(?![^\W\d_])"


_SPACES = re.compile(r"\s+")


def key(text: str) -> str:
    """The table key of matched words: lower case, single spaces, one apostrophe."""
    lowered = text.lower()
    if not lowered.isalpha():  # a word of letters alone has no spaces to make single
        lowered = _SPACES.sub(" ", lowered)
    return lowered.replace("’", "'").replace("ʼ", "'")
