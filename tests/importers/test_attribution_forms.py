"""Who says what in real copy: people speaking for an organisation, offices named without a name, organisations
named by one capitalised word, denials and calls, an adverbial before the speaker, a publisher relaying another's
words, figures with no source, the report's day, and the publisher's dated background."""

import datetime
import json
from pathlib import Path

import pytest

from reports.importers.analysis import SourceName, analyse, gazetteer_entries, source_matcher
from reports.importers.regions import RegionMatcher
from reports.importers.speakers import NewClaimant, speaker

DATA = Path(__file__).resolve().parents[2] / "reports" / "data"


@pytest.fixture(scope="module")
def archive():
    gazetteer = json.loads((DATA / "gazetteer.json").read_text())
    sources = json.loads((DATA / "sources.json").read_text())
    names = [SourceName(s["slug"], (s["name"], s.get("short_name", ""), *s.get("aliases", []))) for s in sources]
    return RegionMatcher(gazetteer_entries(gazetteer)), source_matcher(names)


def claims_of(archive, body, *, lead="", language="en", publisher="unn", cited=(), published_on=datetime.date(2025, 11, 3)):
    regions, sources = archive
    return list(
        analyse(
            title="", lead=lead, body=body, published_on=published_on, language=language, publisher=publisher,
            cited=cited, regions=regions, sources=sources,
        ).claims
    )  # fmt: skip


def claimant_name(claim):
    return claim.claimant.name if isinstance(claim.claimant, NewClaimant) else claim.claimant


def test_a_person_speaking_for_a_known_organisation_is_the_claimant(archive):
    body = (
        "Kremlin spokesman Dmitry Peskov said Moscow remained open to talks.\n"
        "Peskov also claimed that Russian forces had taken 6 villages in Donetsk Oblast last week."
    )
    assert [claimant_name(claim) for claim in claims_of(archive, body)] == ["Dmitry Peskov", "Dmitry Peskov"]


def test_the_agency_points_back_to_the_organisation_not_to_the_person_who_spoke_for_it(archive):
    body = (
        "IAEA Director General Rafael Grossi said a drone hit a training centre near Enerhodar.\n"
        "The agency noted that its experts had heard 5 explosions near the plant."
    )
    assert [claimant_name(claim) for claim in claims_of(archive, body)] == ["Rafael Grossi", "iaea"]


def test_a_person_whose_name_is_a_known_sources_is_that_source(archive):
    (claim,) = claims_of(archive, "President Volodymyr Zelensky said that Ukraine would receive more air defence.")
    assert claim.claimant == "president-ukraine"


@pytest.mark.parametrize(
    ("body", "language", "name"),
    [
        ("Росіяни скинули на Сумську область 15 авіабомб, повідомили в обласній військовій адміністрації.", "uk",
         "Сумська обласна військова адміністрація"),
        ("Russian drones hit 3 villages in Sumy Oblast, the regional military administration said.", "en",
         "Sumy Regional Military Administration"),
    ],
)  # fmt: skip
def test_an_office_named_without_a_name_is_the_administration_of_the_oblast_the_report_is_about(archive, body, language, name):
    (claim,) = claims_of(archive, body, language=language)
    assert (claim.claimant.name, claim.claimant.organisation) == (name, True)


def test_an_office_named_without_a_name_and_no_oblast_to_tell_is_not_suggested(archive):
    body = "Росіяни скинули 15 авіабомб, повідомили в обласній військовій адміністрації."
    assert claims_of(archive, body, language="uk") == []


def test_the_name_after_an_offices_abbreviation_is_the_speaker():
    assert speaker("голова Дніпропетровської ОВА Сергій Лисак").name == "Сергій Лисак"
    assert speaker("the head of the Zaporizhzhia Regional Military Administration Ivan Fedorov").name == "Ivan Fedorov"


def test_an_organisation_named_by_one_capitalised_word_and_lowercase_words_is_named_in_the_nominative():
    found = speaker("в Силах оборони півдня")
    assert (found.name, found.organisation) == ("Сили оборони півдня", True)


@pytest.mark.parametrize(
    ("body", "language", "quote", "claimant"),
    [
        ("Ukraine's General Staff did not confirm the capture of Velykyi Burluk.", "en",
         "Ukraine's General Staff did not confirm the capture of Velykyi Burluk", "general-staff-afu"),
        ("У Генштабі ЗСУ цю інформацію не підтвердили.", "uk", "У Генштабі ЗСУ цю інформацію не підтвердили",
         "general-staff-afu"),
        ("У МЗС закликали партнерів посилити санкції проти Росії.", "uk",
         "закликали партнерів посилити санкції проти Росії", "mfa-ukraine"),
    ],
)  # fmt: skip
def test_a_denial_keeps_its_not_and_a_call_its_verb(archive, body, language, quote, claimant):
    (claim,) = claims_of(archive, body, language=language)
    assert (claim.quote, claim.claimant) == (quote, claimant)


def test_an_adverbial_before_the_speaker_dates_when_it_was_said(archive):
    body = "On Sunday, Russia's Defence Ministry said that its forces had captured Velykyi Burluk on Saturday."
    (claim,) = claims_of(archive, body)
    assert claim.claimant == "mod-russia"
    assert claim.asserted_on == datetime.date(2025, 11, 2)
    assert claim.occurred.start == datetime.date(2025, 11, 1)


def test_the_publisher_reporting_a_sources_words_gives_them_to_that_source(archive):
    body = "Ukraine's Foreign Ministry rejected Russia's accusations of an attack on the Belgorod region, UNN reports."
    (claim,) = claims_of(archive, body)
    assert claim.claimant == "mfa-ukraine"


def test_figures_with_no_source_named_are_the_publishers_for_the_day_they_are_for(archive):
    body = "According to data for November 2, Russian forces shelled Kostiantynivka 46 times."
    (claim,) = claims_of(archive, body, publisher="ukrinform")
    assert claim.claimant == "ukrinform"
    assert (claim.occurred.start, claim.occurred.end) == (datetime.date(2025, 11, 2),) * 2


def test_a_speaker_named_beside_figures_with_no_source_is_the_claimant(archive):
    body = (
        "За даними на ранок 3 листопада, без світла залишаються три громади Сумської області, повідомили в обласній "
        "військовій адміністрації."
    )
    (claim,) = claims_of(archive, body, language="uk", publisher="suspilne")
    assert claim.claimant.name == "Сумська обласна військова адміністрація"


def test_the_report_for_a_day_dates_the_claims_of_the_lead_before_it(archive):
    lead = "The Institute for the Study of War (ISW) reported that Russian forces are regrouping west of Kreminna."
    (claim,) = claims_of(archive, "This was stated in the ISW report for November 2.", lead=lead)
    assert claim.in_lead and claim.claimant == "isw"
    assert (claim.occurred.start, claim.occurred.precision) == (datetime.date(2025, 11, 2), "day")


def test_the_publishers_dated_background_after_an_inline_reminder_is_the_publishers_claim(archive):
    body = "Генштаб повідомив про 140 боїв.\nНагадаємо, 28 жовтня росіяни вдарили по Шостці двома ракетами."
    claims = claims_of(archive, body, language="uk", publisher="suspilne")
    assert (claims[-1].quote, claims[-1].claimant) == ("28 жовтня росіяни вдарили по Шостці двома ракетами", "suspilne")


def test_an_unattributed_sentence_dating_an_event_months_back_is_the_publishers_background(archive):
    body = (
        "The Kyiv Independent could not verify the claims.\n"
        "Ukrainian forces withdrew from Vuhledar in October 2024 after a two-year defence.\n"
        "Shelling continued on Sunday."
    )
    claims = claims_of(archive, body, publisher="kyiv-independent")
    assert [(claim.quote, claim.claimant) for claim in claims] == [
        ("Ukrainian forces withdrew from Vuhledar in October 2024 after a two-year defence", "kyiv-independent")
    ]


@pytest.mark.parametrize(
    "body",
    [
        "In its morning report on November 2, the General Staff of the Armed Forces of Ukraine said that the enemy "
        "attacked 52 times near Pokrovsk.",
        "Russian forces advanced southwest of Pokrovsk, the Institute for the Study of War (ISW) assessed on November 2.",
    ],
)
def test_a_daily_report_named_with_its_day_dates_the_claims_that_give_none(archive, body):
    (claim,) = claims_of(archive, body)
    assert (claim.occurred.start, claim.occurred.end, claim.occurred.precision) == (
        datetime.date(2025, 11, 2), datetime.date(2025, 11, 2), "day",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("body", "language", "day"),
    [
        ("Russia's Defence Ministry said on Thursday its forces had captured the village of Ivanivka.", "en", 30),
        ("Ukrainian marines are still holding positions near Krynky, a spokesperson for the Southern Defense Forces, "
         "Dmytro Pletenchuk, said on Tuesday.", "en", 28),
        ("Russian forces have entered the outskirts of Kupiansk, the General Staff said on Oct. 31.", "en", 31),
        ("На Покровському напрямку відбулося 19 боєзіткнень, повідомили в Генштабі станом на 16:00.", "uk", 3),
    ],
)  # fmt: skip
def test_words_said_on_a_named_day_date_the_claim_that_gives_no_date_of_its_own(archive, body, language, day):
    (claim,) = claims_of(archive, body, language=language)
    assert (claim.occurred.start, claim.occurred.end, claim.occurred.precision) == (
        datetime.date(2025, 10 if day > 3 else 11, day), datetime.date(2025, 10 if day > 3 else 11, day), "day",
    )  # fmt: skip


def test_a_claim_with_a_date_of_its_own_keeps_it_whatever_day_it_was_said_on(archive):
    body = "The General Staff said on Thursday that Russian forces attacked 14 times near Pokrovsk on October 27."
    (claim,) = claims_of(archive, body)
    assert (claim.occurred.start, claim.occurred.end) == (datetime.date(2025, 10, 27), datetime.date(2025, 10, 27))
    assert claim.asserted_on == datetime.date(2025, 10, 30)


def test_words_said_on_no_named_day_leave_the_claim_undated(archive):
    (claim,) = claims_of(archive, "Russia's Defence Ministry said its forces had captured the village of Ivanivka.")
    assert claim.occurred is None


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Ворог, як повідомили у Генштабі, 12 разів атакував позиції біля Покровська.", "uk"),
        ("Russian forces, the General Staff said, attacked 40 times near Pokrovsk.", "en"),
    ],
)
def test_speech_named_in_the_middle_of_a_sentence_quotes_the_whole_sentence(archive, body, language):
    (claim,) = claims_of(archive, body, language=language)
    assert (claim.quote, claim.claimant) == (body.rstrip("."), "general-staff-afu")


def test_an_office_then_the_name_in_apposition_before_the_verb_is_the_person(archive):
    body = "The head of the Donetsk Regional Military Administration, Vadym Filashkin, said that two people were killed."
    (claim,) = claims_of(archive, body)
    assert (claim.claimant.name, claim.quote) == ("Vadym Filashkin", "two people were killed")


def test_a_name_with_the_office_in_apposition_after_it_is_the_person_not_the_office(archive):
    body = "Russian troops shelled Nikopol, Serhii Lysak, head of the Dnipropetrovsk Regional Military Administration, said."
    (claim,) = claims_of(archive, body)
    assert claim.claimant.name == "Serhii Lysak"
    assert claim.claimant.role == "head of the Dnipropetrovsk Regional Military Administration"


@pytest.mark.parametrize(
    ("body", "language", "speaker_name", "quote"),
    [
        ("Ворог накопичує сили для штурму Великої Новосілки, заявив речник Сил оборони півдня Владислав Волошин.", "uk",
         "Владислав Волошин", "Ворог накопичує сили для штурму Великої Новосілки"),
        ("Russian troops are massing near Velyka Novosilka, said spokesman Vladyslav Voloshyn.", "en",
         "Vladyslav Voloshyn", "Russian troops are massing near Velyka Novosilka"),
    ],
)  # fmt: skip
def test_a_verb_of_saying_after_a_comma_trails_the_claim_and_names_the_speaker_after_it(
    archive, body, language, speaker_name, quote
):
    (claim,) = claims_of(archive, body, language=language)
    assert (claimant_name(claim), claim.quote) == (speaker_name, quote)


@pytest.mark.parametrize(
    ("body", "language", "speaker_name", "quote"),
    [
        ("Ukrainian marines are still holding positions near Krynky, a spokesperson for the Southern Defense Forces, "
         "Dmytro Pletenchuk, said on Tuesday.", "en",
         "Dmytro Pletenchuk", "Ukrainian marines are still holding positions near Krynky"),
        ("Росіяни 14 разів обстріляли Херсон, речниця обласної військової адміністрації, Ольга Іванова, повідомила в "
         "Telegram.", "uk", "Ольга Іванова", "Росіяни 14 разів обстріляли Херсон"),
    ],
)  # fmt: skip
def test_an_office_then_the_name_in_apposition_after_the_claim_is_the_person(archive, body, language, speaker_name, quote):
    (claim,) = claims_of(archive, body, language=language)
    assert (claimant_name(claim), claim.quote) == (speaker_name, quote)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Бої за Торецьк тривають з літа 2024 року, повідомили в DeepState.", "uk"),
        ("The battle for Toretsk has lasted since the summer of 2024, DeepState said.", "en"),
    ],
)
def test_a_state_lasting_since_a_date_is_not_dated_by_it(archive, body, language):
    (claim,) = claims_of(archive, body, language=language, published_on=datetime.date(2025, 2, 24))
    assert claim.claimant == "deepstate"
    assert claim.occurred is None
    (dated,) = claims_of(
        archive, body.replace("тривають з", "почалися").replace("has lasted since", "began in"), language=language
    )
    assert dated.occurred is not None


@pytest.mark.parametrize(
    ("lead", "body", "language", "publisher"),
    [
        ("Ukrainian forces withdrew from Avdiivka in February 2024 after four months of fighting.",
         "Russian troops have since advanced about 40 kilometers toward Pokrovsk, according to DeepState.", "en",
         "kyiv-independent"),
        ("Українські військові вийшли з Авдіївки в лютому 2024 року після чотирьох місяців боїв.",
         "Відтоді росіяни просунулися на 40 кілометрів до Покровська, повідомляє DeepState.", "uk", "ukrainska-pravda"),
    ],
)  # fmt: skip
def test_the_publishers_dated_background_in_a_lead_that_quotes_no_one_is_the_publishers_claim(
    archive, lead, body, language, publisher
):
    claims = claims_of(archive, body, lead=lead, language=language, publisher=publisher, published_on=datetime.date(2025, 2, 17))
    assert [(claim.in_lead, claim.claimant) for claim in claims] == [(True, publisher), (False, "deepstate")]
    assert (claims[0].occurred.start, claims[0].occurred.precision) == (datetime.date(2024, 2, 1), "month")
