import datetime

import pytest

from reports.importers.dates import find_occurrence

APRIL_2_2025 = datetime.date(2025, 4, 2)  # a Wednesday


def occurred(text, published_on=APRIL_2_2025, language="en"):
    found = find_occurrence(text, published_on, language)
    return (found.start.isoformat(), found.end.isoformat(), found.precision) if found else None


def test_a_full_date_is_that_day():
    assert occurred("first captured the entire region on July 3, 2022") == ("2022-07-03", "2022-07-03", "day")


def test_a_date_without_a_year_is_the_most_recent_such_day_not_after_the_article():
    assert occurred("the statement of March 31 regarding") == ("2025-03-31", "2025-03-31", "day")


def test_a_date_later_in_the_year_than_the_article_falls_in_the_year_before():
    assert occurred("on May 9 the parade") == ("2024-05-09", "2024-05-09", "day")


def test_since_the_end_of_a_month_is_its_last_third_approximately():
    assert occurred("since the end of November 2024") == ("2024-11-21", "2024-11-30", "approximate")


def test_the_beginning_of_a_month_without_a_year_is_its_first_ten_days():
    assert occurred("in the beginning of February") == ("2025-02-01", "2025-02-10", "approximate")


def test_since_the_beginning_of_a_recent_month_runs_to_the_article():
    assert occurred("since the beginning of February") == ("2025-02-01", "2025-04-02", "approximate")
    assert occurred("since the beginning of February 2024") == ("2024-02-01", "2024-02-10", "approximate")


def test_the_fall_of_a_year_is_september_to_november():
    assert occurred("during the counteroffensive in the fall of 2022") == ("2022-09-01", "2022-11-30", "season")


def test_the_fall_of_a_town_is_not_a_date():
    assert occurred("after the fall of Avdiivka") is None


def test_winter_runs_into_the_next_year():
    assert occurred("in the winter of 2022-2023") == ("2022-12-01", "2023-02-28", "season")


def test_last_week_is_the_monday_to_sunday_before_the_article_week():
    assert occurred("last week") == ("2025-03-24", "2025-03-30", "week")


def test_yesterday_is_the_day_before_the_article():
    assert occurred("yesterday") == ("2025-04-01", "2025-04-01", "day")


def test_a_weekday_is_the_most_recent_one_not_after_the_article():
    assert occurred("struck the city on Sunday") == ("2025-03-30", "2025-03-30", "day")


def test_a_year_is_the_whole_year():
    assert occurred("in 2023") == ("2023-01-01", "2023-12-31", "year")


def test_a_month_and_year_is_the_whole_month():
    assert occurred("in August 2024") == ("2024-08-01", "2024-08-31", "month")


def test_a_range_of_days_is_one_occurrence():
    assert occurred("withdrew between March 11 and 13") == ("2025-03-11", "2025-03-13", "day")


def test_mid_month_is_its_middle_third():
    assert occurred("captured in mid-February") == ("2025-02-11", "2025-02-20", "approximate")


def test_the_first_half_of_a_month_is_days_one_to_fifteen():
    assert occurred("in the first half of May", datetime.date(2024, 5, 27)) == ("2024-05-01", "2024-05-15", "approximate")


def test_the_past_24_hours_run_from_the_day_before_to_the_article():
    assert occurred("over the past 24 hours") == ("2025-04-01", "2025-04-02", "day")


def test_an_impossible_day_is_not_a_date():
    assert occurred("on February 30, 2024") is None


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("3 липня 2022 року", "uk", ("2022-07-03", "2022-07-03", "day")),
        ("з кінця листопада 2024 року", "uk", ("2024-11-21", "2024-11-30", "approximate")),
        ("восени 2022 року", "uk", ("2022-09-01", "2022-11-30", "season")),
        ("у серпні 2024 року", "uk", ("2024-08-01", "2024-08-31", "month")),
        ("минулого тижня", "uk", ("2025-03-24", "2025-03-30", "week")),
        ("у неділю", "uk", ("2025-03-30", "2025-03-30", "day")),
        ("3 июля 2022 года", "ru", ("2022-07-03", "2022-07-03", "day")),
        ("осенью 2022 года", "ru", ("2022-09-01", "2022-11-30", "season")),
        ("в воскресенье", "ru", ("2025-03-30", "2025-03-30", "day")),
        ("вчера", "ru", ("2025-04-01", "2025-04-01", "day")),
    ],
)
def test_ukrainian_and_russian_dates_in_every_case_form(text, language, expected):
    assert occurred(text, language=language) == expected


def test_an_all_number_date_is_read_in_the_language_day_first_order():
    assert occurred("03.07.2022", language="uk") == ("2022-07-03", "2022-07-03", "day")


@pytest.mark.parametrize(
    ("since", "at", "language"),
    [
        ("з початку квітня росіяни захопили", "на початку квітня росіяни захопили", "uk"),
        ("since the beginning of April, Russian forces have taken", "at the beginning of April, Russian forces took", "en"),
    ],
)
def test_since_the_start_of_the_articles_own_month_runs_to_the_articles_day(since, at, language):
    published_on = datetime.date(2025, 4, 24)
    assert occurred(since, published_on, language) == ("2025-04-01", "2025-04-24", "approximate")
    assert occurred(at, published_on, language) == ("2025-04-01", "2025-04-10", "approximate")
