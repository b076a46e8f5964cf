"""Days said across sentences and the day phrases of the thirteenth to fifteenth rounds (articles u141–u180,
e141–e180, by writers who had not read the importer): "Того ж дня", "the next morning", a part of the day after a day
named, ranges of hours across days, "as of Tuesday morning", "last Friday", the week before last, the start of the
week, "two weeks ago", "on the 15th", a day and month in figures, an hour run into its unit, "over the same period",
"since the start of" a recent month."""

import datetime

import pytest

from reports.importers.dates import find_occurrences
from tests.importers.test_real_reporting import archive, claims_of, matcher  # noqa: F401 (fixtures)
from tests.importers.tree import claimant_name

TUESDAY = datetime.date(2025, 6, 17)  # Monday is the 16th


def days(text, published_on=TUESDAY, language="uk"):
    """Each date the text names, as (first, last, precision) in ISO."""
    return [
        (found.start.isoformat(), found.end.isoformat(), found.precision)
        for found in find_occurrences(text, published_on, language)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The day named before, then the same day, the next, a part of it.
        ("У понеділок росіяни вдарили по Харкову. Того ж дня під обстріл потрапив Куп’янськ.",
         [("2025-06-16", "2025-06-16", "day")] * 2),
        ("У понеділок росіяни вдарили по Харкову. Наступного дня ворог у першій половині дня атакував Суми.",
         [("2025-06-16", "2025-06-16", "day"), ("2025-06-17", "2025-06-17", "day"), ("2025-06-17", "2025-06-17", "day")]),
        ("The strike hit Kharkiv on Sunday. Later that day, a drone hit Kupiansk. The next morning, rescuers found two.",
         [("2025-06-15", "2025-06-15", "day"), ("2025-06-15", "2025-06-15", "day"), ("2025-06-16", "2025-06-16", "day")]),
        ("Минулої п’ятниці ТЕЦ зупинилася. Увечері того ж дня світло повернули.",
         [("2025-06-13", "2025-06-13", "day")] * 2),
        # The hour of a day just named is that day's, and no day of its own.
        ("У понеділок о 18:00 ворог атакував Запоріжжя. Пізніше того дня дрон влучив у будинок.",
         [("2025-06-16", "2025-06-16", "day")] * 2),
    ],
)  # fmt: skip
def test_a_day_counted_from_the_day_named_before(text, expected):
    assert days(text) == expected


def test_the_same_day_with_no_day_named_before_dates_nothing():
    assert days("The same day, a drone hit Kupiansk.", language="en") == []
    assert days("Того ж дня під обстріл потрапив Куп’янськ.") == []


def test_a_day_after_counted_past_the_article_dates_nothing():
    assert days("A strike hit Kharkiv on Tuesday. A day later, a woman died.", language="en") == [
        ("2025-06-17", "2025-06-17", "day")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia launched 352 drones between 10 p.m. on Monday and 7 a.m. on Tuesday.", ("2025-06-16", "2025-06-17", "day")),
        ("Between Saturday evening and Sunday morning, Russia attacked Ukraine.", ("2025-06-14", "2025-06-15", "day")),
        ("Росіяни атакували Харків з 18:00 понеділка до 06:00 вівторка.", ("2025-06-16", "2025-06-17", "day")),
        ("Від вечора неділі Росія тричі атакувала енергетику.", ("2025-06-15", "2025-06-17", "day")),
        ("Since 6 p.m. on Monday, Russia has launched 138 drones.", ("2025-06-16", "2025-06-17", "day")),
        ("Станом на ранок вівторка відомо про двох загиблих.", ("2025-06-17", "2025-06-17", "day")),
        ("As of Monday morning, 14 people were in hospital.", ("2025-06-16", "2025-06-16", "day")),
        ("Минулої п’ятниці внаслідок удару пошкоджено газопровід.", ("2025-06-13", "2025-06-13", "day")),
        ("The week before last, Ukrenergo introduced outages.", ("2025-06-02", "2025-06-08", "week")),
        ("Позаминулого тижня росіяни вперше застосували дрони на оптоволокні.", ("2025-06-02", "2025-06-08", "week")),
        ("На початку тижня підрозділи відбили штурм.", ("2025-06-16", "2025-06-17", "approximate")),
        ("Earlier this week, drones damaged a ferry crossing.", ("2025-06-16", "2025-06-17", "approximate")),
        ("Russian forces have hit the sites 20 times so far this year.", ("2025-01-01", "2025-06-17", "approximate")),
        ("Два тижні тому обласна влада оголосила евакуацію.", ("2025-06-03", "2025-06-03", "day")),
        ("Two weeks ago, a missile struck the plant.", ("2025-06-03", "2025-06-03", "day")),
        ("The first strike, on the 15th, destroyed the grain.", ("2025-06-15", "2025-06-15", "day")),
        ("The first strike, on the 25th, destroyed the grain.", ("2025-05-25", "2025-05-25", "day")),
        ("Увечері в Сумах пролунали три вибухи.", ("2025-06-17", "2025-06-17", "day")),
        ("Увечері 1 червня КАБ влучив у господарство.", ("2025-06-01", "2025-06-01", "day")),
        ("Увечері напередодні дрон влучив у будівлю.", ("2025-06-16", "2025-06-16", "day")),
        ("Внаслідок нічної атаки постраждали дев’ятеро людей.", ("2025-06-16", "2025-06-17", "day")),
    ],
)  # fmt: skip
def test_the_round_s_day_phrases(text, expected):
    language = "en" if text.isascii() else "uk"
    assert days(text, language=language)[:1] == [expected]


def test_a_count_as_of_an_hour_is_no_day_to_count_from():
    text = "У неділю дрон влучив у будинок. Станом на 8:00 відомо про двох поранених. Наступного дня дрони атакували Павлоград."
    assert days(text, datetime.date(2025, 6, 17)) == [
        ("2025-06-15", "2025-06-15", "day"),
        ("2025-06-17", "2025-06-17", "day"),
        ("2025-06-16", "2025-06-16", "day"),
    ]


def test_the_same_day_after_a_night_is_the_day_the_night_runs_into():
    assert days("У ніч на 16 червня росіяни атакували Одесу. У першій половині дня обстріляли Херсон.")[1] == (
        "2025-06-16",
        "2025-06-16",
        "day",
    )


def test_an_hour_after_which_something_happened_is_of_the_article_s_day():
    assert days("Explosions rang out over Kyiv shortly after 5:50 a.m. local time.", language="en") == [
        ("2025-06-17", "2025-06-17", "day")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("А 02.03, як повідомили в ОВА, під ударом опинилася карета швидкої.", [("2025-03-02", "2025-03-02", "day")]),
        ("15.09 під час масованої атаки на Запоріжжя загинули четверо людей.", [("2024-09-15", "2024-09-15", "day")]),
        ("Близько 10.05 пролунали вибухи.", [("2025-06-17", "2025-06-17", "day")]),  # an hour, not 10 May
        ("Було евакуйовано 3.5 тисячі людей.", []),
        ("By 8 a.m., Ukrainian troops had repelled 44 of the attacks.", [("2025-06-17", "2025-06-17", "day")]),
        ("They had evacuated 37 people from the town this month.", [("2025-06-01", "2025-06-17", "approximate")]),
    ],
)  # fmt: skip
def test_a_day_and_month_in_figures_an_english_hour_and_the_month_so_far(text, expected):
    assert days(text, language="en" if text.isascii() else "uk") == expected


def test_a_day_before_the_caller_dates_the_call(archive):  # noqa: F811
    body = "Дрон влучив у будинок, повідомив Іван Федоров. У вівторок Федоров закликав мешканців звертатися до ЦНАПів."
    calls = [claim for claim in claims_of(archive, body, published_on=TUESDAY) if "закликав" in claim.quote]
    assert [(claimant_name(claim), claim.occurred.start.isoformat()) for claim in calls] == [("Іван Федоров", "2025-06-17")]


@pytest.mark.parametrize(
    ("text", "published_on", "expected"),
    [
        ("Since the start of November, Russia has struck port infrastructure 11 times.", datetime.date(2024, 12, 3),
         [("2024-11-01", "2024-12-03", "approximate")]),
        ("The State Emergency Service said that by 9am its crews had pulled seven people out.", TUESDAY,
         [("2025-06-17", "2025-06-17", "day")]),
        ("Поліція Херсонщини за вихідні задокументувала наслідки 46 обстрілів.", TUESDAY,
         [("2025-06-14", "2025-06-15", "day")]),
        ("За її словами, вогонь ліквідували до 07:30, постраждалих немає.", TUESDAY, [("2025-06-17", "2025-06-17", "day")]),
        ("Russia launched 40 drones over the past day, Fedorov said on Tuesday. Over the same period, Russian forces "
         "carried out 587 strikes.", TUESDAY,
         [("2025-06-16", "2025-06-17", "day"), ("2025-06-17", "2025-06-17", "day"), ("2025-06-16", "2025-06-17", "day")]),
    ],
)  # fmt: skip
def test_since_a_recent_month_s_start_an_hour_run_into_its_unit_the_weekend_and_the_same_period(text, published_on, expected):
    assert days(text, published_on, "en" if text.isascii() else "uk") == expected
