"""Villages and small towns as reporting names them, and speakers named by an office: hromadas listed before one kind
word, a hromada's adjective in another case, the second word of a two-word name whose stem changes, a town named like a
city of another oblast, a name two oblasts of the article share settled by its line; an office with its oblast, a title
without a name, "there", a report's section, a month abbreviated in the date said, and words told to someone."""

import datetime
import json
from pathlib import Path

import pytest

from reports.importers.analysis import SourceName, analyse, gazetteer_entries, source_matcher
from reports.importers.regions import RegionMatcher
from reports.importers.speakers import NewClaimant
from tests.importers.tree import Tree, claimant_name

DATA = Path(__file__).resolve().parents[2] / "reports" / "data"
UKRAINE, SUMY, DNIPRO, KHARKIV, LVIV, ZAPORIZHZHIA, KHERSON, MYKOLAIV = 1, 2, 3, 4, 5, 6, 7, 8
# Named as the codifier names them: raions and hromadas by an adjective, villages by their nominative.
ENTRIES = [
    (UKRAINE, "country", (), ("Ukraine", "Україна"), True),
    (SUMY, "oblast", (1,), ("Sumy Oblast", "Сумська область", "Сумщина"), True),
    (DNIPRO, "oblast", (1,), ("Dnipropetrovsk Oblast", "Дніпропетровська область"), True),
    (KHARKIV, "oblast", (1,), ("Kharkiv Oblast", "Харківська область", "Харківщина"), True),
    (LVIV, "oblast", (1,), ("Lviv Oblast", "Львівська область"), True),
    (ZAPORIZHZHIA, "oblast", (1,), ("Zaporizhzhia Oblast", "Запорізька область"), True),
    (KHERSON, "oblast", (1,), ("Kherson Oblast", "Херсонська область"), True),
    (MYKOLAIV, "oblast", (1,), ("Mykolaiv Oblast", "Миколаївська область"), True),
    (10, "raion", (1, 2), ("Sumskyi", "Сумський"), False),
    (11, "hromada", (1, 2, 10), ("Bilopilska", "Білопільська"), False),
    (12, "hromada", (1, 2, 10), ("Krasnopilska", "Краснопільська"), False),
    (13, "hromada", (1, 2, 10), ("Khotinska", "Хотінська"), False),
    (14, "settlement", (1, 2, 10, 11), ("Bilopillia", "Білопілля"), False),
    (20, "raion", (1, 3), ("Kryvorizkyi", "Криворізький"), False),
    (21, "hromada", (1, 3, 20), ("Zelenodolska", "Зеленодольська"), False),
    (22, "settlement", (1, 3, 20, 21), ("Zelenodolsk", "Зеленодольськ"), False),
    (23, "settlement", (1, 3, 20, 21), ("Marianske", "Мар’янське"), False),
    (30, "settlement", (1, 4), ("Zolochiv", "Золочів"), False),
    (31, "settlement", (1, 5), ("Zolochiv", "Золочів"), True),
    (32, "settlement", (1, 4), ("Kupiansk", "Куп’янськ"), True),
    (40, "settlement", (1, 6), ("Mala Tokmachka", "Мала Токмачка"), False),
    (41, "settlement", (1, 6), ("Mali Shcherbaky", "Малі Щербаки"), False),
    (50, "raion", (1, 7), ("Khersonskyi", "Херсонський"), False),
    (51, "hromada", (1, 7, 50), ("Khersonska", "Херсонська"), False),
    (52, "settlement", (1, 7, 50, 51), ("Kherson", "Херсон"), True),
    (53, "hromada", (1, 7, 50), ("Bilozerska", "Білозерська"), False),
    (54, "settlement", (1, 7, 50, 53), ("Bilozerka", "Білозерка"), False),
    (55, "settlement", (1, 7, 50, 53), ("Dniprovske", "Дніпровське"), False),
    (60, "raion", (1, 8), ("Mykolaivskyi", "Миколаївський"), False),
    (61, "hromada", (1, 8, 60), ("Ochakivska", "Очаківська"), False),
    (62, "settlement", (1, 8, 60, 61), ("Ochakiv", "Очаків"), False),
    (63, "hromada", (1, 8, 60), ("Kutsurubska", "Куцурубська"), False),
    (64, "settlement", (1, 8, 60, 63), ("Dniprovske", "Дніпровське"), False),
]


@pytest.fixture(scope="module")
def matcher():
    return Tree(ENTRIES)


places = Tree.places


@pytest.mark.parametrize(
    "text",
    [
        "Обстрілів зазнали Білопільська, Краснопільська та Хотінська громади.",
        "Під ударом опинилися Білопільська, Краснопільська, Хотінська громади.",
        "Russian forces shelled the Bilopilska, Krasnopilska and Khotinska hromadas.",
        "Russian forces shelled the Bilopilska, Krasnopilska and Khotinska communities.",
    ],
)
def test_each_hromada_of_a_list_closed_by_one_kind_word_is_that_hromada(matcher, text):
    assert places(matcher, text) == ["Bilopilska", "Krasnopilska", "Khotinska"]


def test_adjectives_in_a_list_that_no_kind_word_closes_are_no_hromadas(matcher):
    assert places(matcher, "Білопільська, Краснопільська та Хотінська влада закликала евакуюватися.") == []


def test_a_hromada_named_in_another_case_is_the_adjectives_form_though_a_town_shares_the_spelling(matcher):
    # "Зеленодольська" is also the genitive of the town Зеленодольськ: the hromada is read as the adjective it is.
    assert places(matcher, "Ворог обстріляв Мар’янське Зеленодольської громади.") == ["Marianske", "Zelenodolska"]
    assert places(matcher, "У Зеленодольській громаді пошкоджено школу.") == ["Zelenodolska"]
    assert places(matcher, "Бої тривають біля Зеленодольська.") == ["Zelenodolsk"]


def test_the_second_word_of_a_two_word_name_whose_stem_changes(matcher):
    assert places(matcher, "Окупанти завдали авіаудару по Малій Токмачці.") == ["Mala Tokmachka"]
    text = "У Запорізькій області бої точилися між Малою Токмачкою та Малими Щербаками."
    assert places(matcher, text) == ["Mala Tokmachka", "Mali Shcherbaky"]


@pytest.mark.parametrize(
    "text",
    [
        "Росіяни обстріляли 15 населених пунктів Харківщини. Під ударом опинилися Куп’янськ і Золочів.",
        "Russian forces shelled 15 settlements in Kharkiv Oblast. Kupiansk and Zolochiv came under fire.",
    ],
)
def test_a_town_named_like_a_city_of_another_oblast_is_the_town_where_the_article_names_its_oblast(matcher, text):
    assert places(matcher, text) == ["Kupiansk", "Zolochiv"]
    assert [matcher.oblast(region) for region in matcher.detect([text]).regions] == [KHARKIV, KHARKIV]


@pytest.mark.parametrize("text", ["Під ударом опинилися Куп’янськ і Золочів.", "Kupiansk and Zolochiv came under fire."])
def test_without_its_oblast_named_the_name_is_the_city(matcher, text):
    assert [matcher.oblast(region) for region in matcher.detect([text]).regions] == [KHARKIV, LVIV]


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces targeted Kherson, Bilozerka and Dniprovske.\nIn Mykolaiv Oblast, drones hit a port in Ochakiv.",
        "Ворог обстріляв Херсон, Білозерку та Дніпровське.\nНа Миколаївщині дрони атакували порт в Очакові.",
    ],
)
def test_a_name_two_oblasts_of_the_article_share_is_settled_by_the_places_on_its_line(matcher, text):
    found = matcher.detect([text]).regions
    dniprovske = [region for region in found if matcher.first_names[region] == "Dniprovske"]
    assert dniprovske == [55]


@pytest.fixture(scope="module")
def archive():
    gazetteer = json.loads((DATA / "gazetteer.json").read_text())
    sources = json.loads((DATA / "sources.json").read_text())
    names = [SourceName(s["slug"], (s["name"], s.get("short_name", ""), *s.get("aliases", []))) for s in sources]
    names.append(SourceName("new:ОВА", ("ОВА",)))  # a source created from a headline's "- ОВА"
    return RegionMatcher(gazetteer_entries(gazetteer)), source_matcher(names)


def claims_of(archive, body, *, lead="", language="uk", published_on=datetime.date(2025, 8, 20), publisher="unn"):
    regions, sources = archive
    return list(
        analyse(
            title="", lead=lead, body=body, published_on=published_on, language=language, publisher=publisher, cited=(),
            regions=regions, sources=sources,
        ).claims
    )  # fmt: skip


@pytest.mark.parametrize(
    ("body", "language", "office"),
    [
        (
            "Протягом минулої доби росіяни 96 разів обстріляли Сумщину, повідомила Сумська обласна військова адміністрація.",
            "uk",
            "Сумська обласна військова адміністрація",
        ),
        ("На Сумщині ворог скинув 12 авіабомб, повідомили в Сумській ОВА.", "uk", "Сумська обласна військова адміністрація"),
        (
            "Russian forces shelled Sumy Oblast 96 times, the Sumy regional military administration said.",
            "en",
            "Sumy Regional Military Administration",
        ),
    ],
)
def test_an_office_named_with_its_oblast_and_nothing_more_is_that_office(archive, body, language, office):
    (claim,) = claims_of(archive, body, language=language)
    assert claimant_name(claim) == office


@pytest.mark.parametrize(
    ("body", "language", "office"),
    [
        (
            "На Сумщині ворог скинув 12 авіабомб, повідомили в Харківській ОВА.",
            "uk",
            "Харківська обласна військова адміністрація",
        ),
        (
            "Russian forces shelled Sumy Oblast 96 times, the Kharkiv regional military administration said.",
            "en",
            "Kharkiv Regional Military Administration",
        ),
    ],
)
def test_an_office_named_with_another_oblast_than_the_reports_is_that_oblasts(archive, body, language, office):
    (claim,) = claims_of(archive, body, language=language)
    assert claimant_name(claim) == office


def test_a_source_named_like_an_office_alone_is_that_office_of_the_reports_oblast(archive):
    body = "Обстрілів зазнали Білопілля та Краснопілля на Сумщині, уточнили в ОВА."
    (claim,) = claims_of(archive, body)
    assert claimant_name(claim) == "Сумська обласна військова адміністрація"


@pytest.mark.parametrize(
    ("body", "language", "person"),
    [
        (
            "На вихідних росіяни атакували Кривий Ріг, повідомив голова Дніпропетровської ОВА Сергій Лисак.\n"
            "Уночі ворог також обстріляв Нікополь, додав голова ОВА.",
            "uk",
            "Сергій Лисак",
        ),
        (
            "Drones struck Kharkiv overnight, Kharkiv Oblast Governor Oleh Syniehubov said.\n"
            "A guided bomb hit Kupiansk on Monday, the governor added.",
            "en",
            "Oleh Syniehubov",
        ),
    ],
)
def test_a_title_without_a_name_is_the_speaker_named_before_with_that_title(archive, body, language, person):
    first, second = claims_of(archive, body, language=language)
    assert claimant_name(first) == claimant_name(second) == person


def test_what_was_said_there_is_the_last_claimants(archive):
    body = (
        "Протягом минулої доби росіяни скинули на Сумщину 15 авіабомб, повідомили в обласній військовій адміністрації.\n"
        "Найбільше обстрілів зазнала Краснопільська громада, уточнили там."
    )
    first, second = claims_of(archive, body)
    assert claimant_name(first) == claimant_name(second) == "Сумська обласна військова адміністрація"


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "Від початку доби на фронті відбулося 146 боєзіткнень, повідомляє Генштаб ЗСУ.\nДеталі\n"
            "На Покровському напрямку ворог 52 рази атакував поблизу Удачного, йдеться у зведенні.",
            "uk",
        ),
        (
            "Ukraine's General Staff said 146 clashes took place along the front line.\nDetails\n"
            "Russian forces attacked 52 times near Pokrovsk, the statement said.",
            "en",
        ),
    ],
)
def test_a_section_marker_does_not_forget_whose_report_goes_on(archive, body, language):
    claims = claims_of(archive, body, language=language)
    assert [claim.claimant for claim in claims] == ["general-staff-afu", "general-staff-afu"]


def test_after_a_reminder_the_report_is_no_longer_the_last_claimants(archive):
    body = (
        "Від початку доби на фронті відбулося 146 боєзіткнень, повідомляє Генштаб ЗСУ.\nНагадаємо\n"
        "Ворог атакував поблизу Удачного, йдеться у зведенні."
    )
    assert [claim.claimant for claim in claims_of(archive, body)] == ["general-staff-afu"]


@pytest.mark.parametrize(
    ("body", "day"),
    [
        ("Russian forces entered the outskirts of Kupiansk on Sept. 14, spokesperson Viktor Tregubov said on Sept. 15.", 15),
        ("Russian attacks killed two people in Kherson Oblast, Governor Oleksandr Prokudin reported on Jan. 21.", 21),
    ],
)
def test_a_month_abbreviated_before_its_day_stays_in_the_date_said(archive, body, day):
    (claim,) = claims_of(archive, body, language="en", published_on=datetime.date(2025, 9, 15))
    assert isinstance(claim.claimant, NewClaimant)
    assert claim.asserted_on.day == day


@pytest.mark.parametrize(
    ("body", "language", "person"),
    [
        ("Ukrainian troops are holding positions north of Kupiansk, Viktor Tregubov told national television.", "en", "Tregubov"),
        ("Ukrainian troops are holding positions north of Kupiansk, Viktor Tregubov told Reuters on Monday.", "en", "Tregubov"),
        (
            "Українські бійці утримують позиції на північ від Куп’янська, розповів в ефірі телемарафону речник "
            "угруповання Віктор Трегубов.",
            "uk",
            "Трегубов",
        ),
    ],
)
def test_words_told_to_someone_are_the_speakers(archive, body, language, person):
    (claim,) = claims_of(archive, body, language=language)
    assert claimant_name(claim).endswith(person) and claimant_name(claim).count(" ") == 1


def test_a_title_with_words_the_earlier_speakers_role_lacks_is_not_that_speaker(archive):
    body = (
        "Drones struck Zaporizhzhia overnight, the head of the Zaporizhzhia Regional Military Administration Ivan Fedorov "
        "said.\nA shell hit a school in Vasylivka on Monday, the head of the district administration said."
    )
    claims = claims_of(archive, body, language="en")
    assert [claimant_name(claim) for claim in claims] == ["Ivan Fedorov"]
