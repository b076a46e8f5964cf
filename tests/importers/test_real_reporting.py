"""The patterns of real reporting the importer met: Ukrainian word forms, things that are not places, speakers the
archive does not know, page furniture, and day phrases; each in Ukrainian and in English."""

import datetime
import json
from pathlib import Path

import pytest

from reports.importers.analysis import SourceName, analyse, source_matcher
from reports.importers.dates import find_occurrences
from reports.importers.speakers import NewClaimant
from tests.importers.tree import Tree

DATA = Path(__file__).resolve().parents[2] / "reports" / "data"
# A small codifier-like tree: Ukraine, two oblasts, their raions, hromadas and villages, named as the codifier names
# them (raions and hromadas by an adjective, villages that share a name with a city's case form or a common word).
UKRAINE, DONETSK, KHARKIV, MYKOLAIV = 1, 2, 3, 4
ENTRIES = [
    (UKRAINE, "country", (), ("Ukraine", "Україна"), True),
    (DONETSK, "oblast", (1,), ("Donetsk Oblast", "Донецька область"), True),
    (KHARKIV, "oblast", (1,), ("Kharkiv Oblast", "Харківська область", "Харківщина"), True),
    (MYKOLAIV, "oblast", (1,), ("Mykolaiv Oblast", "Миколаївська область"), True),
    (10, "raion", (1, 2), ("Pokrovskyi", "Покровський"), True),
    (11, "hromada", (1, 2, 10), ("Pokrovska", "Покровська"), False),
    (12, "settlement", (1, 2, 10, 11), ("Pokrovsk", "Покровськ"), True),
    (13, "settlement", (1, 2, 10, 11), ("Pokrovske", "Покровське"), False),
    (14, "settlement", (1, 3), ("Pokrovske", "Покровське"), False),
    (15, "settlement", (1, 2, 10, 11), ("Udachne", "Удачне"), False),
    (16, "settlement", (1, 3), ("Udachne", "Удачне"), False),
    (17, "settlement", (1, 2), ("Kostiantynivka", "Костянтинівка"), True),
    (18, "settlement", (1, 2, 10), ("Promin", "Промінь"), False),
    (19, "settlement", (1, 4), ("Syla", "Сила"), False),
    (20, "settlement", (1, 4), ("Volodymyr", "Володимир"), True),
    (21, "settlement", (1, 3), ("Kupiansk", "Куп’янськ"), True),
    (22, "settlement", (1, 3), ("Synkivka", "Синьківка"), False),
    (23, "special_city", (1,), ("Kyiv", "Київ"), True),
    (24, "settlement", (1, 2), ("Kursk", "Курськ"), False),
]


@pytest.fixture(scope="module")
def matcher():
    return Tree(ENTRIES)


places = Tree.places


@pytest.mark.parametrize("form", ["Покровськ", "Покровська", "Покровську", "Покровськом"])
def test_every_case_form_of_a_city_in_sk_is_the_city_not_the_village_or_the_hromada(matcher, form):
    assert places(matcher, f"Бої тривають поблизу міста {form} та на околицях.") == ["Pokrovsk"]


@pytest.mark.parametrize("apostrophe", ["'", "’", "ʼ"])
def test_kupiansk_is_found_with_each_apostrophe(matcher, apostrophe):
    assert places(matcher, f"Ворог атакував біля Куп{apostrophe}янська.") == ["Kupiansk"]


def test_locative_and_genitive_forms_whose_stem_changes(matcher):
    assert places(matcher, "У Костянтинівці пошкоджено ліцей.") == ["Kostiantynivka"]
    assert places(matcher, "Бійці зупинили штурм біля Променя, що під Покровськом.") == ["Promin", "Pokrovsk"]


def test_an_obscure_village_needs_a_preposition_or_a_unit_above_it(matcher):
    assert places(matcher, "Ворог просунувся біля Удачного, поблизу Покровська.") == ["Udachne", "Pokrovsk"]
    assert places(matcher, "Russian troops seized positions near Udachne, south of Pokrovsk.") == ["Udachne", "Pokrovsk"]
    assert places(matcher, "Окупанти намагаються оточити Синьківку на Харківщині.") == ["Synkivka"]


def test_ordinary_words_and_people_are_not_places(matcher):
    assert places(matcher, "Сили оборони уразили склад боєприпасів.") == []
    assert places(matcher, "Заявив президент Володимир Зеленський.") == []
    assert places(matcher, "Нова партія бронетехніки надійшла до бригад у Покровську.") == ["Pokrovsk"]


def test_media_capitals_as_actors_and_fronts_are_not_places(matcher):
    assert places(matcher, "The Kyiv Independent could not verify the claims.") == []
    assert places(matcher, "Kyiv and Moscow have not commented.") == []
    assert places(matcher, "На Південно-Слобожанському напрямку та на Курському напрямку тривають бої.") == []
    assert places(matcher, "Ракети влучили в Київ.") == ["Kyiv"]


def test_a_hromada_and_a_raion_only_with_their_kind_word(matcher):
    assert places(matcher, "Покровська громада") == ["Pokrovska"]
    assert places(matcher, "Покровський район") == ["Pokrovskyi"]


def test_places_in_furniture_lines_are_not_the_articles(matcher):
    assert places(matcher, "Бої тривають біля Покровська.\nЧитайте також: Ракети влучили в Київ") == ["Pokrovsk"]


@pytest.fixture(scope="module")
def archive(matcher):
    sources = json.loads((DATA / "sources.json").read_text())
    names = [SourceName(s["slug"], (s["name"], s.get("short_name", ""), *s.get("aliases", []))) for s in sources]
    return matcher, source_matcher(names)


def claims_of(archive, body, *, lead="", language="uk", published_on=datetime.date(2025, 3, 26), publisher="unn"):
    regions, sources = archive
    return list(
        analyse(
            title="", lead=lead, body=body, published_on=published_on, language=language, publisher=publisher, cited=(),
            regions=regions, sources=sources,
        ).claims
    )  # fmt: skip


def test_a_named_official_the_archive_does_not_know_is_suggested_as_a_new_claimant(archive):
    body = (
        "Уночі окупанти атакували Харків двома авіабомбами, повідомив начальник обласної військової адміністрації "
        "Олег Синєгубов.\nЗа його словами, пошкоджено три багатоповерхівки."
    )
    first, second = claims_of(archive, body)
    assert first.claimant == second.claimant
    assert isinstance(first.claimant, NewClaimant) and first.claimant.name == "Олег Синєгубов"
    assert first.claimant.role == "начальник обласної військової адміністрації"


def test_an_english_governor_with_his_title_and_a_spokesperson_after_his_name(archive):
    (claim,) = claims_of(archive, "Drones struck Kharkiv overnight, Kharkiv Oblast Governor Oleh Syniehubov said.", language="en")
    assert claim.claimant.name == "Oleh Syniehubov"
    body = "Russian forces intensified assaults near Pokrovsk, Nazar Voloshyn, a spokesperson for the group, said."
    (claim,) = claims_of(archive, body, language="en")
    assert claim.claimant.name == "Nazar Voloshyn"


def test_a_speaker_named_in_the_lead_speaks_in_the_body(archive):
    lead = "Russian strikes killed two people in Zaporizhzhia Oblast, Governor Ivan Fedorov said."
    in_lead, in_body = claims_of(archive, "Russian forces launched 380 strikes, according to Fedorov.", lead=lead, language="en")
    assert in_body.claimant.name == "Ivan Fedorov" and not in_body.in_lead
    # The lead's own claim, which the body does not repeat, is quoted from the lead.
    assert (in_lead.in_lead, in_lead.quote) == (True, "Russian strikes killed two people in Zaporizhzhia Oblast")
    assert lead[in_lead.start : in_lead.end] == in_lead.quote


def test_attribution_forms_of_real_reports(archive):
    body = (
        "Сили оборони відбили 11 атак у районі Куп’янська, йдеться у звіті Генштабу за 26 березня.\n"
        "Ворог 17 разів атакував поблизу Покровська, повідомляє Генеральний штаб ЗСУ."
    )
    first, second = claims_of(archive, body)
    assert (first.claimant, second.claimant) == ("general-staff-afu", "general-staff-afu")
    assert (first.occurred.start, first.occurred.end) == (datetime.date(2025, 3, 26),) * 2  # the report's day


def test_captions_links_bylines_and_subscription_prompts_are_never_claims(archive):
    body = (
        "ISW assessed that Russian forces advanced near Pokrovsk.\n"
        "Ілюстративне фото\nЧитайте також: Генштаб повідомив про 140 боїв\nRead also: ISW says Russia regroups\n"
        "Photo: illustrative\nSubscribe to our channel\nПідписуйтеся на наш канал\nBy Tom Smith; editing by Ann Lee\n"
        "Автор: Ірина Коваль"
    )
    assert [claim.quote for claim in claims_of(archive, body, language="en")] == ["Russian forces advanced near Pokrovsk"]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("З початку доби ворог атакував 52 рази", "2025-03-26", "2025-03-26"),
        ("Від початку цієї доби зафіксовано чотири штурми", "2025-03-26", "2025-03-26"),
        ("Напередодні ворог обстріляв Ізюм", "2025-03-25", "2025-03-25"),
        ("Russian forces attacked 23 times over the past day", "2025-03-25", "2025-03-26"),
        ("the enemy shelled the town the day before", "2025-03-25", "2025-03-25"),
        ("drone strikes on the region last week", "2025-03-17", "2025-03-23"),
        ("according to data for January 21", "2025-01-21", "2025-01-21"),
        ("within a week after March 10, Russia lost 9,000 troops", "2025-03-10", "2025-03-17"),
        ("протягом тижня після 10 березня росіяни здійснили 40 атак", "2025-03-10", "2025-03-17"),
        ("Станом на 22:00 на фронті відбулося 148 бойових зіткнень", "2025-03-26", "2025-03-26"),
        ("As of 16:00, there were 40 clashes on the front", "2025-03-26", "2025-03-26"),
        ("Протягом минулої доби росіяни скинули 15 авіабомб", "2025-03-25", "2025-03-26"),
    ],
)
def test_day_phrases_and_ranges(text, start, end):
    (found,) = find_occurrences(text, datetime.date(2025, 3, 26), "uk" if text[0] > "z" else "en")
    assert (found.start.isoformat(), found.end.isoformat()) == (start, end)
