"""Words that stand where claims stand and are not claims: headlines listed under "Читайте також:", the page's notes
(a video's label, an editor's note, a correction, "Інформація уточнюється", "This is a developing story", contributor
lines, an author's bio), questions, appeals, a state that only remains, attacks said to happen again and again; and
the speakers such pages name in ways the importer did not read: a source left unnamed (the publisher's), a name with
an age after it, a call sign, a company named by one word, "the think tank", the publisher's headings. Each in
Ukrainian and in English."""

import datetime

import pytest

from reports.importers.boilerplate import boilerplate_spans, is_boilerplate
from reports.importers.dates import find_occurrences
from reports.importers.events import habitual_attacks, reports_nothing
from reports.importers.speakers import NewClaimant
from tests.importers.test_real_reporting import archive, claims_of, matcher, places  # noqa: F401 (fixtures)


def quotes(claims):
    return [claim.quote for claim in claims]


# Headlines under a list's head


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "Уночі ворог атакував Харків дронами, повідомив начальник ОВА Олег Синєгубов.\nЧитайте також:\n"
            "Ворог вдарив КАБами по Куп’янську: є загиблий\nГенштаб: на Покровському напрямку 40 боєзіткнень",
            "uk",
        ),
        (
            "Russian drones attacked Kharkiv overnight, Governor Oleh Syniehubov said.\nRead also:\n"
            "Russian troops lose 1,030 soldiers near Kupiansk in a day\nZelensky discusses air defense with partners",
            "en",
        ),
    ],
)
def test_headlines_listed_under_a_line_that_heads_links_are_neither_claims_nor_places(archive, body, language):  # noqa: F811
    (claim,) = claims_of(archive, body, language=language)
    assert "Харків" in claim.quote or "Kharkiv" in claim.quote
    assert [body[start:end] for start, end in boilerplate_spans(body)] == body.split("\n")[1:]


def test_places_in_a_listed_headline_are_not_the_articles(archive):  # noqa: F811
    body = "Уночі ворог атакував Київ дронами, повідомили в КМВА.\nЧитайте також:\nВорог вдарив КАБами по Куп’янську"
    regions, _sources = archive
    assert places(regions, body) == ["Kyiv"]


def test_the_list_ends_at_a_line_that_reads_as_the_report():
    body = "Читайте також:\nВорог вдарив по Куп’янську\nУночі ворог атакував Київ, повідомили в КМВА."
    assert [body[start:end] for start, end in boilerplate_spans(body)] == ["Читайте також:", "Ворог вдарив по Куп’янську"]


# The page's notes


@pytest.mark.parametrize(
    "line",
    [
        "Відео: наслідки атаки на Харків",
        "Video: The aftermath of the strike in Kharkiv",
        "Інформація уточнюється.",
        "This is a developing story. Check back for updates.",
        "Editor's note: This story has been updated to include the ISW's assessment of the Kupiansk direction.",
        "Примітка редакції: Укрінформ публікує огляди звітів ISW щодня.",
        "Correction: An earlier version of this article misstated the name of the refinery.",
        "Виправлення: у попередній версії новини помилково вказано кількість збитих дронів.",
        "Оновлено о 10:40: додано інформацію від ДТЕК.",
        "Над матеріалом працювали: Олена Дорош, Ігор Литвин",
        "Associated Press writer Hanna Arhirova contributed to this report.",
        "Martin Fornusek is a reporter for the Kyiv Independent. He previously worked for Hromadske.",
        "Олена Дорош — журналістка Суспільного Дніпро, понад десять років висвітлює події на Нікопольщині.",
        "___",
    ],
)
def test_the_pages_notes_are_furniture(line):
    assert is_boilerplate(line)


def test_notes_are_told_from_report_lines_that_open_alike():
    assert is_boilerplate("Update: this story has been updated with the governor's figures.")
    assert not is_boilerplate("Updated figures show Russian forces lost 1,030 soldiers over the past day.")
    assert is_boilerplate("Ольга Коваль — кореспондентка Укрінформу в Запоріжжі.")
    assert not is_boilerplate("Олена Дорош розповіла, що ворог обстріляв Нікополь.")


def test_a_place_in_an_editors_note_or_a_bio_is_not_the_articles(archive):  # noqa: F811
    body = (
        "Russian drones attacked Kyiv overnight, the city administration said.\n"
        "Editor's note: This story has been updated with the assessment of the Kupiansk direction.\n"
        "Olena Zhuk is a reporter covering Kupiansk for the Kyiv Independent."
    )
    regions, _sources = archive
    assert places(regions, body) == ["Kyiv"]


# Questions, appeals, states that remain, attacks again and again


@pytest.mark.parametrize(
    "text",
    [
        "Чи вдасться ворогу прорвати оборону Покровська?",
        "Will Russian forces break through near Pokrovsk?",
        "Закликаємо мешканців не ігнорувати сигнали повітряної тривоги",
        "Бережіть себе та своїх близьких!",
        "Не ігноруйте сигнали тривоги",
        "Ми продовжуємо стежити за розвитком подій",
        "We urge all partners to speed up deliveries of air defense systems",
        "Please stay in shelters until the all-clear",
        "Ситуація на Покровському напрямку залишається складною",
        "The situation in Kupiansk remains tense",
    ],
)
def test_words_that_report_nothing(text):
    assert reports_nothing(text)


def test_words_that_report_something_though_they_open_or_end_alike():
    assert reports_nothing("Ситуація залишається складною")
    for text in [
        "Ситуація залишається складною: за добу 40 атак",
        "Ворог атакував Покровськ 40 разів",
        "Ми збили 20 дронів над Києвом",
        "We shot down 20 drones over Kyiv",
        "Russian troops remain in control of Pokrovsk",
    ]:
        assert not reports_nothing(text), text


@pytest.mark.parametrize(
    ("body", "language", "kept"),
    [
        (
            "Уночі ворог атакував Київ дронами, повідомив Олег Синєгубов.\nЧи вдасться захистити Київ?\n"
            "Закликаємо мешканців Києва залишатися в укриттях.\nСитуація в Києві залишається складною.",
            "uk",
            1,
        ),
        (
            "Russian drones attacked Kyiv overnight, Governor Oleh Syniehubov said.\nWill Kyiv hold?\n"
            "Please stay in shelters in Kyiv.\nThe situation in Kyiv remains tense.",
            "en",
            1,
        ),
    ],
)
def test_questions_appeals_and_states_that_remain_do_not_continue_a_report(archive, body, language, kept):  # noqa: F811
    assert len(claims_of(archive, body, language=language)) == kept


def test_an_appeal_in_direct_speech_is_no_claim_though_its_speaker_is_named(archive):  # noqa: F811
    body = '"We urge all partners to speed up deliveries of air defense systems to Kyiv," Foreign Minister Andrii Sybiha wrote.'
    assert claims_of(archive, body, language="en") == []
    body = "«Закликаємо партнерів пришвидшити постачання ППО до Києва», — написав міністр Андрій Сибіга."
    assert claims_of(archive, body) == []
    (claim,) = claims_of(archive, "У МЗС закликали партнерів посилити ППО Києва.")  # a reported call is still a claim
    assert claim.quote.startswith("закликали партнерів")


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Ворог обстріляв Куп’янськ, повідомив Олег Синєгубов.\nКуп’янськ щодня потерпає від ударів.", "uk"),
        (
            "Russian artillery shelled Kupiansk, Governor Oleh Syniehubov said.\n"
            "Kupiansk has been a frequent target of Russian attacks.",
            "en",
        ),
    ],
)
def test_attacks_said_to_happen_again_and_again_do_not_continue_a_report(archive, body, language):  # noqa: F811
    assert len(claims_of(archive, body, language=language)) == 1


def test_what_a_speaker_did_again_and_again_still_continues(archive):  # noqa: F811
    body = (
        "Russian forces advanced near Pokrovsk, ISW said.\n"
        "Russian officials have repeatedly demanded the capture of Donetsk Oblast as a condition for peace."
    )
    assert len(claims_of(archive, body, language="en")) == 2
    assert habitual_attacks("Russia has repeatedly targeted Ukraine's energy infrastructure")
    assert not habitual_attacks("Russia struck Kharkiv 12 times, and regularly attacks it")


def test_a_number_that_counts_anything_continues_a_report(archive):  # noqa: F811
    body = "Russian drones attacked Kyiv overnight, Governor Oleh Syniehubov said.\nThe attack damaged 12 private houses."
    assert len(claims_of(archive, body, language="en")) == 2


# Headings of the publisher's


def test_after_context_the_publisher_writes_background_and_after_what_we_know_the_report_goes_on(archive):  # noqa: F811
    body = "Russian forces attacked near Pokrovsk, ISW said.\nContext\nThe situation around Pokrovsk has changed."
    assert len(claims_of(archive, body, language="en")) == 1
    body = (
        "Російські війська атакували біля Покровська, зазначили в ISW.\nЩо відомо\nВорог 40 разів штурмував Покровськ.\n"
        "Окупанти просунулися біля Покровська, йдеться у звіті."
    )
    assert [claim.quote[:10] for claim in claims_of(archive, body)] == ["Російські ", "Окупанти п"]
    assert {claim.claimant for claim in claims_of(archive, body)} == {"isw"}


# Unnamed sources, ages, call signs, one-word companies, the think tank


@pytest.mark.parametrize(
    ("body", "language", "publisher"),
    [
        ("Ворог перекинув під Покровськ дві бригади, повідомили РБК-Україна джерела в Силах оборони.", "uk", "unn"),
        ("За словами співрозмовника, ворог накопичує сили біля Покровська.", "uk", "unn"),
        ("Drones struck a refinery near Kursk, a source in the Security Service of Ukraine told us.", "en", "kyiv-independent"),
        ("Two sources in the Ukrainian security services said the missile had been launched from near Kursk.", "en", "reuters"),
        ("According to the source, two drones hit the refinery near Kursk.", "en", "kyiv-independent"),
    ],
)  # fmt: skip
def test_a_source_left_unnamed_is_the_publishers(archive, body, language, publisher):  # noqa: F811
    regions, sources = archive
    from reports.importers.analysis import analyse

    (claim,) = analyse(
        title="", lead="", body=body, published_on=datetime.date(2025, 3, 26), language=language, publisher=publisher,
        cited=(), regions=regions, sources=sources,
    ).claims  # fmt: skip
    assert claim.claimant == publisher


@pytest.mark.parametrize(
    "body",
    [
        "Mykola Hnatiuk, 54, who lives near the plant, told Reuters by phone that the blast shattered windows in Kyiv.",
        "The blast shattered windows in Kyiv, Mykola Hnatiuk, 54, told Reuters.",
    ],
)
def test_a_name_with_an_age_after_it_is_the_speaker(archive, body):  # noqa: F811
    (claim,) = claims_of(archive, body, language="en")
    assert claim.claimant.name == "Mykola Hnatiuk"
    assert claim.quote.lower().startswith("the blast") and "54" not in claim.quote


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Командир роти з позивним «Тур» розповів, що його підрозділ відбив три штурми біля Покровська.", "uk"),
        ('A company commander with the call sign "Tur" said his unit repelled three assaults near Pokrovsk.', "en"),
    ],
)
def test_a_soldier_named_by_a_call_sign_is_suggested_by_it(archive, body, language):  # noqa: F811
    (claim,) = claims_of(archive, body, language=language)
    assert isinstance(claim.claimant, NewClaimant) and claim.claimant.name in ("Тур", "Tur")
    assert "відбив" in claim.quote or "repelled" in claim.quote


@pytest.mark.parametrize(
    ("body", "language", "name"),
    [
        ("ДТЕК повідомила, що внаслідок атаки на Київ без світла залишилися 30 тисяч родин.", "uk", "ДТЕК"),
        ("Centrenergo said emergency power outages were introduced in Kyiv on Friday morning.", "en", "Centrenergo"),
        (
            "Russia struck gas facilities in Kharkiv Oblast overnight, Ukraine's gas storage operator Ukrtransgaz said Friday.",
            "en",
            "Ukrtransgaz",
        ),
    ],
)
def test_a_company_named_by_one_word_is_suggested(archive, body, language, name):  # noqa: F811
    (claim,) = claims_of(archive, body, language=language)
    assert isinstance(claim.claimant, NewClaimant) and claim.claimant.name == name
    # A plural word for people opening the sentence is no company.
    people = "Officials said" if language == "en" else "Мешканці розповіли, що"
    assert not any(
        isinstance(claim.claimant, NewClaimant) and claim.claimant.name in ("Officials", "Мешканці")
        for claim in claims_of(archive, f"{people} {body.split(' ', 2)[2]}", language=language)
    )


def test_a_reminder_names_who_spoke_on_its_day(archive):  # noqa: F811
    body = "Нагадаємо, 25 березня Генштаб ЗСУ повідомив про 52 боєзіткнення на Покровському напрямку."
    (claim,) = claims_of(archive, body)
    assert claim.claimant == "general-staff-afu"
    assert claim.occurred.start == datetime.date(2025, 3, 25)


def test_the_think_tank_is_the_institute_named_before(archive):  # noqa: F811
    body = (
        "Russian troops attacked near Pokrovsk on March 25, according to the ISW.\n"
        "Geolocated footage indicates that Russian forces recently advanced near Pokrovsk, the think tank said."
    )
    assert [claim.claimant for claim in claims_of(archive, body, language="en")] == ["isw", "isw"]


def test_the_night_of_a_day_is_the_night_into_it():
    (found,) = find_occurrences("On the night of March 26, Russian troops attacked Kyiv", datetime.date(2025, 3, 26), "en")
    assert (found.start, found.end) == (datetime.date(2025, 3, 25), datetime.date(2025, 3, 26))
    (found,) = find_occurrences("On the night of 26 March, drones attacked Kyiv", datetime.date(2025, 3, 26), "en")
    assert (found.start, found.end) == (datetime.date(2025, 3, 25), datetime.date(2025, 3, 26))
