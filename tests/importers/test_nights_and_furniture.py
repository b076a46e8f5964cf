"""Day phrases agency copy uses for nights, weekends, weekdays and the week after a day, and the page furniture that
ends a line (a caption's credit, a byline in brackets, prompts to follow or subscribe): in Ukrainian and in English."""

import datetime

import pytest

from reports.importers.boilerplate import is_boilerplate
from reports.importers.dates import find_occurrences
from tests.importers.test_real_reporting import archive, claims_of, matcher, places  # noqa: F401 (fixtures)

WEDNESDAY = datetime.date(2025, 3, 26)


def occurred(text, published_on=WEDNESDAY):
    (found,) = find_occurrences(text, published_on, "uk" if text[0] > "z" else "en")
    return found.start.isoformat(), found.end.isoformat(), found.precision


@pytest.mark.parametrize(
    "text",
    [
        "Уночі окупанти атакували Харків",
        "Вночі ворог атакував Одесу дронами",
        "Цієї ночі росіяни вдарили по Дніпру",
        "A Russian drone struck Kharkiv overnight",
        "У ніч на 26 березня ворог атакував Київ",
        "В ніч на середу ворог запустив 80 дронів",
        "Russia launched 80 drones overnight into Wednesday",
        "Russia launched 80 drones overnight on March 26",
    ],
)
def test_a_night_is_the_one_before_the_day_it_runs_into(text):
    assert occurred(text) == ("2025-03-25", "2025-03-26", "day")


def test_a_night_named_by_both_its_days():
    assert occurred("В ніч з 23 на 24 березня ворог атакував Суми") == ("2025-03-23", "2025-03-24", "day")
    assert occurred("В ніч з 28 лютого на 1 березня ворог атакував Суми") == ("2025-02-28", "2025-03-01", "day")
    assert occurred("On the night of 23 to 24 March, drones attacked Sumy") == ("2025-03-23", "2025-03-24", "day")


@pytest.mark.parametrize("text", ["Over the weekend, Russian forces shelled Kherson", "На вихідних ворог обстріляв Херсон"])
def test_the_weekend_is_the_saturday_and_sunday_before_the_article(text):
    assert occurred(text) == ("2025-03-22", "2025-03-23", "day")


@pytest.mark.parametrize(
    "text", ["Russia attacked Kyiv early Monday", "In the early hours of Monday, drones attacked Odesa", "officials said Monday"]
)
def test_an_english_weekday_without_on_is_the_most_recent_such_day(text):
    assert occurred(text) == ("2025-03-24", "2025-03-24", "day")


@pytest.mark.parametrize(
    "text",
    ["In the week after March 10, Russia lost 9,000 troops", "Упродовж тижня після 10 березня ворог втратив 9000 військових"],
)
def test_the_week_after_a_day_is_that_day_to_a_week_later(text):
    assert occurred(text) == ("2025-03-10", "2025-03-17", "day")


@pytest.mark.parametrize("text", ["З початку дня ворог атакував 20 разів", "Протягом дня окупанти скинули 12 авіабомб"])
def test_the_start_of_the_day_and_the_day_are_the_articles_day(text):
    assert occurred(text) == ("2025-03-26", "2025-03-26", "day")


@pytest.mark.parametrize(
    "line",
    [
        "Рятувальники ліквідовують наслідки удару в Куп’янську, 11 лютого 2025 року. Фото: ДСНС",
        "Наслідки обстрілу Нікополя. Ілюстративне фото: ДСНС",
        "Rescue workers at the site of a strike in Kyiv on Oct. 8, 2025. (Photo: State Emergency Service)",
    ],
)
def test_a_line_that_ends_with_a_photo_credit_is_a_caption(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "(Reporting by Tom Balmforth in Kyiv; Editing by Mark Heinrich)",
        "By Olena Zhuk and Martin Fornusek",
        "Writing by Ann Lee",
        "Sign up here for our daily briefing on the war in Ukraine.",
        "Follow Ukrinform on Telegram and X for the latest news.",
        "Підписуйтесь на наш Telegram-канал, щоб першими дізнаватися новини.",
        "Більше новин читайте в нашому Telegram-каналі.",
        "Якщо ви помітили помилку, виділіть її та натисніть Ctrl+Enter.",
    ],
)
def test_bylines_and_prompts_to_subscribe_or_follow_are_furniture(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "By Monday, Russian forces had advanced near Pokrovsk, ISW said.",
        "Синєгубов оприлюднив фото: на них видно зруйновані будинки.",
        "Following the strike, officials said 20 people were wounded.",
    ],
)
def test_report_lines_that_mention_a_photo_or_begin_with_by_are_not_furniture(line):
    assert not is_boilerplate(line)


def test_a_caption_after_an_attributed_sentence_is_not_continued_as_its_claim(archive):  # noqa: F811
    body = (
        "Від початку цієї доби окупанти понад 30 разів обстріляли Куп’янськ, повідомив Олег Синєгубов.\n"
        "Рятувальники ліквідовують наслідки удару в Куп’янську, 26 березня 2025 року. Фото: ДСНС\n"
        "(Reporting by Tom Balmforth in Kyiv; Editing by Mark Heinrich)"
    )
    (claim,) = claims_of(archive, body)
    assert claim.quote == "Від початку цієї доби окупанти понад 30 разів обстріляли Куп’янськ"


def test_places_in_a_caption_or_a_byline_are_not_the_articles(matcher):  # noqa: F811
    text = "Бої тривають біля Покровська.\nУдар по Куп’янську. Фото: ДСНС\n(Reporting by Tom Balmforth in Kyiv)"
    assert places(matcher, text) == ["Pokrovsk"]


def test_an_abbreviated_title_does_not_end_the_sentence_before_the_speaker(archive):  # noqa: F811
    (claim,) = claims_of(archive, "Drones attacked Kharkiv early Wednesday, Kharkiv Gov. Oleh Syniehubov said.", language="en")
    assert claim.claimant.name == "Oleh Syniehubov"
    assert claim.quote == "Drones attacked Kharkiv early Wednesday"
    assert (claim.occurred.start, claim.occurred.end) == (WEDNESDAY, WEDNESDAY)


def test_a_street_abbreviation_does_not_cut_the_quote(archive):  # noqa: F811
    body = "Ворог атакував Куп’янськ, повідомив Олег Синєгубов.\nЗа його словами, пошкоджено адмінбудівлю на вул. Соборній."
    assert [claim.quote for claim in claims_of(archive, body)][-1] == "пошкоджено адмінбудівлю на вул. Соборній"


@pytest.mark.parametrize(
    "line",
    [
        "Джерело: Укрінформ",
        "Source: Ukrainska Pravda",
        "Tags: Zaporizhzhia, glide bombs",
        "Теги: Херсонщина, обстріли",
        "При цитуванні і використанні будь-яких матеріалів в Інтернеті гіперпосилання обов’язкові.",
        "https://t.me/ukrinform_news",
        "Advertisement",
    ],
)
def test_source_tag_reuse_notice_link_and_advertisement_lines_are_furniture(line):
    assert is_boilerplate(line)


def test_direct_speech_of_two_sentences_is_one_quote_of_the_speaker(archive):  # noqa: F811
    body = "«Уночі ворог атакував Харків дронами. Пошкоджено три будинки», — написав Олег Синєгубов у Telegram."
    (claim,) = claims_of(archive, body)
    assert claim.quote == "Уночі ворог атакував Харків дронами. Пошкоджено три будинки"
    assert claim.claimant.name == "Олег Синєгубов"
    assert (claim.occurred.start, claim.occurred.end) == (datetime.date(2025, 3, 25), datetime.date(2025, 3, 26))
    body = '"Russia struck Kharkiv this morning. Two people were injured," Governor Oleh Syniehubov said.'
    (claim,) = claims_of(archive, body, language="en")
    assert claim.quote == "Russia struck Kharkiv this morning. Two people were injured"
