"""Words that look like a place and are not one, and words that are a place's case forms: agreement in part of
speech, gender and number; known sources' names; rivers and banks; capitals as parties; people by title; regions
named by collective nouns."""

import pytest

from reports.importers.analysis import SourceName, source_matcher
from reports.importers.regions import GazetteerEntry, RegionMatcher

UKRAINE, DONETSK_OBLAST, KHERSON_OBLAST, ZAPORIZHZHIA_OBLAST, DNIPRO_OBLAST, MYKOLAIV_OBLAST = 1, 2, 3, 4, 5, 6
ENTRIES = [
    (UKRAINE, "country", (), ("Ukraine", "Україна"), True),
    (DONETSK_OBLAST, "oblast", (1,), ("Donetsk Oblast", "Донецька область"), True),
    (KHERSON_OBLAST, "oblast", (1,), ("Kherson Oblast", "Херсонська область"), True),
    (ZAPORIZHZHIA_OBLAST, "oblast", (1,), ("Zaporizhzhia Oblast", "Запорізька область"), True),
    (DNIPRO_OBLAST, "oblast", (1,), ("Dnipropetrovsk Oblast", "Дніпропетровська область"), True),
    (MYKOLAIV_OBLAST, "oblast", (1,), ("Mykolaiv Oblast", "Миколаївська область"), True),
    (10, "settlement", (1, 2), ("Donetsk", "Донецьк"), True),
    (11, "settlement", (1, 2), ("Toretsk", "Торецьк"), True),
    (12, "settlement", (1, 2), ("Toretske", "Торецьке"), False),
    (13, "settlement", (1, 3), ("Khersonske", "Херсонське"), False),
    (14, "settlement", (1, 3), ("Kherson", "Херсон"), True),
    (15, "settlement", (1, 6), ("Syla", "Сила"), False),
    (16, "settlement", (1, 2), ("Ukrainsk", "Українськ"), True),
    (17, "settlement", (1, 5), ("Dnipro", "Дніпро", "Дніпра"), True),
    (18, "settlement", (1, 4), ("Zaporizhzhia", "Запоріжжя", "Запоріжжі"), True),
    (19, "settlement", (1, 4), ("Zaporizhzhia", "Запоріжжя"), False),
    (20, "special_city", (1,), ("Kyiv", "Київ", "Києва", "Києві", "Києвом"), True),
    (21, "settlement", (1, 6), ("Volodymyr", "Володимир"), True),
]
NAMES = {number: names[0] for number, _kind, _line, names, _prominent in ENTRIES}


@pytest.fixture(scope="module")
def matcher():
    return RegionMatcher(GazetteerEntry(*entry) for entry in ENTRIES)


def places(matcher, text, sources=None):
    return [NAMES[region] for region in matcher.detect([text], sources).regions]


def test_an_oblast_adjective_in_an_office_name_is_not_the_city(matcher):
    assert places(matcher, "Заявив голова Донецької ОВА Вадим Філашкін.") == []
    assert places(matcher, "Окупанти обстріляли Донецьк.") == ["Donetsk"]


def test_an_adjective_is_no_form_of_a_city_whose_genitive_alias_also_reads_as_an_adjective():
    # The gazetteer lists case forms of a name as aliases: "Донецька" is the city's genitive and the adjective's
    # feminine, and the adjective's genitive "Донецької" must not pass for a form of it.
    with_alias = RegionMatcher(
        GazetteerEntry(*entry)
        if entry[0] != 10
        else GazetteerEntry(10, "settlement", (1, 2), ("Donetsk", "Донецьк", "Донецька"), True)
        for entry in ENTRIES
    )
    assert places(with_alias, "Повідомив голова Донецької обласної військової адміністрації Вадим Філашкін.") == []
    assert places(with_alias, "Заявив голова Донецької ОВА Вадим Філашкін.") == []
    assert places(with_alias, "Бої тривають на околицях Донецька.") == ["Donetsk"]


def test_a_feminine_adjective_is_no_case_form_of_a_neuter_village(matcher):
    assert places(matcher, "Повідомив начальник Херсонської ОВА Олександр Прокудін.") == []


def test_a_plural_is_no_case_form_of_a_village_named_in_the_singular(matcher):
    assert places(matcher, "Про це повідомили в Силах оборони півдня.") == []


def test_the_genitive_of_a_city_in_sk_is_the_city_not_the_neuter_village_of_the_same_stem(matcher):
    assert places(matcher, "Бої тривають на околицях Торецька.") == ["Toretsk"]
    assert places(matcher, "Ворог атакував біля села Торецьке.") == ["Toretske"]


def test_a_name_inside_a_known_sources_name_is_no_place(matcher):
    sources = source_matcher([SourceName("up", ("Ukrainska Pravda", "Українська правда")),
                              SourceName("president", ("Volodymyr Zelensky",))])  # fmt: skip
    assert places(matcher, "Як повідомляла Українська правда, ворог атакував Донецьк.", sources) == ["Donetsk"]
    assert places(matcher, "Volodymyr Zelensky met the troops in Kherson.", sources) == ["Kherson"]


@pytest.mark.parametrize(
    "text",
    [
        "Окупанти обстріляли Херсон з лівого берега річки Дніпро.",
        "Окупанти обстріляли Херсон з лівого берега Дніпра.",
        "Russian troops on the east bank of the Dnipro shelled Kherson.",
        "Shelling from across the Dnipro hit Kherson.",
    ],
)
def test_a_river_and_its_bank_are_not_the_city_of_the_same_name(matcher, text):
    assert places(matcher, text) == ["Kherson"]


def test_the_city_of_the_same_name_as_a_river_is_still_the_city(matcher):
    assert places(matcher, "Ворог атакував Дніпро ракетами.") == ["Dnipro"]


def test_talks_with_a_capital_are_with_its_government(matcher):
    assert places(matcher, "Moscow remained open to talks with Kyiv.") == []
    assert places(matcher, "Москва готова до переговорів з Києвом.") == []
    assert places(matcher, "Евакуаційний потяг вирушив з Києва.") == ["Kyiv"]


def test_a_title_before_a_first_name_makes_it_a_person(matcher):
    assert places(matcher, "President Volodymyr Zelensky said Ukraine would get more air defence.") == []


def test_na_zaporizhzhi_is_the_region_and_u_zaporizhzhi_the_city(matcher):
    assert places(matcher, "На Запоріжжі ворог сім разів штурмував позиції.") == ["Zaporizhzhia Oblast"]
    assert places(matcher, "У Запоріжжі пошкоджено будинок.") == ["Zaporizhzhia"]


def test_a_surname_after_a_first_name_is_a_person_not_the_village_of_that_name(matcher):
    assert places(matcher, "Про це повідомив боєць Олександр Херсон.") == []
    assert places(matcher, "Бійці відбили атаку під Херсоном.") == ["Kherson"]


def test_a_place_name_that_opens_an_offices_name_is_not_the_place(matcher):
    assert places(matcher, "The head of the Donetsk Regional Military Administration spoke.") == []
    assert places(matcher, "The Kherson City Council met in Kherson.") == ["Kherson"]


@pytest.mark.parametrize(
    "text",
    [
        "Уночі росіяни атакували Синельниківський район, у Межівській громаді загинув чоловік.",
        "Russian forces struck Synelnykivskyi district overnight; a man was killed in Mezhivska hromada.",
    ],
)
def test_a_raion_named_with_its_kind_word_is_kept_beside_a_hromada_inside_it(text):
    raion, hromada = 30, 31
    with_units = RegionMatcher(
        [
            *(GazetteerEntry(*entry) for entry in ENTRIES),
            GazetteerEntry(raion, "raion", (1, 5), ("Synelnykivskyi", "Синельниківський"), True),
            GazetteerEntry(hromada, "hromada", (1, 5, raion), ("Mezhivska", "Межівська"), False),
        ]
    )
    assert with_units.detect([text]).regions == (raion, hromada)
