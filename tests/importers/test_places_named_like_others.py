"""Places the thirteenth to fifteenth rounds misread: a city's genitive that spells an adjective ("Українська
сторона"), an office's abbreviation after an oblast's adjective, an oblast's centre beside its namesake village,
villages of one name in one oblast, a river crossed, a bridge, a river's waters, a list of directions, the capital as
the government."""

import pytest

from reports.importers.regions import GazetteerEntry, RegionMatcher

UKRAINE, DONETSK, ZAPORIZHZHIA_OBLAST, KHARKIV_OBLAST, DNIPRO_OBLAST = 1, 2, 3, 4, 5

POKROVSK_RAION, POKROVSK_HROMADA = 6, 7

ENTRIES = [
    (UKRAINE, "country", (), ("Ukraine", "Україна"), True),
    (DONETSK, "oblast", (1,), ("Donetsk Oblast", "Донецька область"), True),
    (ZAPORIZHZHIA_OBLAST, "oblast", (1,), ("Zaporizhzhia Oblast", "Запорізька область"), True),
    (KHARKIV_OBLAST, "oblast", (1,), ("Kharkiv Oblast", "Харківська область"), True),
    (DNIPRO_OBLAST, "oblast", (1,), ("Dnipropetrovsk Oblast", "Дніпропетровська область"), True),
    (POKROVSK_RAION, "raion", (1, 2), ("Покровський",), False),
    (POKROVSK_HROMADA, "hromada", (1, 2, 6), ("Гродівська",), False),
    (10, "settlement", (1, 2, 6), ("Pokrovsk", "Покровськ"), True),
    (11, "settlement", (1, 2, 6, 7), ("Rodynske", "Родинське"), False),
    (12, "settlement", (1, 2, 6, 7), ("Запоріжжя",), False),
    (13, "settlement", (1, 3), ("Zaporizhzhia", "Запоріжжя"), True),
    (14, "settlement", (1, 2), ("Ukrainsk", "Українськ"), False),
    (15, "settlement", (1, 5), ("Dnipro", "Дніпро", "Dnipropetrovsk", "Дніпропетровськ"), True),
    (16, "settlement", (1, 4), ("Оскіл",), False),
    (17, "settlement", (1, 4), ("Покровське",), False),
    (18, "area", (1, 2), ("Pokrovsk direction", "Покровський напрямок", "Покровському напрямку"), True),
    (19, "raion", (1, 2), ("Краматорський",), False),
    (20, "settlement", (1, 2, 6), ("Іванівка",), False),
    (21, "settlement", (1, 2, 19), ("Іванівка",), False),
    (22, "special_city", (1,), ("Kyiv", "Київ", "Києва", "Києві"), True),
    (23, "settlement", (1, 4), ("Київ",), False),
    (24, "settlement", (1, 5), ("Антонівське",), False),
]  # fmt: skip

NAMES = {number: names[0] for number, _kind, _line, names, _prominent in ENTRIES}


@pytest.fixture(scope="module")
def matcher():
    return RegionMatcher(GazetteerEntry(*entry) for entry in ENTRIES)


def places(matcher, text):
    return [NAMES[region] for region in matcher.detect([text]).regions]


def test_a_city_s_genitive_that_spells_an_adjective_before_its_noun_is_no_city(matcher):
    assert places(matcher, "Росіяни заявили про захоплення села. Українська сторона цю заяву не коментувала.") == []
    assert places(matcher, "Бої тривають біля Українська.") == ["Ukrainsk"]
    assert places(matcher, "З Покровська евакуація триває.") == ["Pokrovsk"]


def test_an_office_s_abbreviation_after_an_oblast_s_adjective_is_no_city(matcher):
    assert places(matcher, "Спалахнула пожежа, повідомила Дніпропетровська ОВА.") == []
    assert places(matcher, "Окупанти вдарили по Дніпру.") == ["Dnipro"]


def test_an_oblast_s_centre_wins_over_its_namesake_village_beside_that_village_s_neighbours(matcher):
    text = "Ворог атакував Родинське і Покровськ. Відомо про двох загиблих унаслідок ударів по Запоріжжю."
    assert "Zaporizhzhia" in places(matcher, text)
    # The village, where its own raion is named.
    assert places(matcher, "У Покровському районі обстріляли село Запоріжжя.")[-1:] == ["Запоріжжя"]


def test_a_river_crossed_is_no_village(matcher):
    assert places(matcher, "Військові контролюють переправи через Оскіл.") == []


def test_a_list_of_directions_names_no_village(matcher):
    assert "Покровське" not in places(matcher, "Найзапекліші бої тривають на Покровському та Костянтинівському напрямках.")


def test_villages_of_one_name_in_one_oblast_are_left_to_the_editor_unless_a_unit_above_one_is_named(matcher):
    assert "Іванівка" not in places(matcher, "Бої тривають біля Покровська та біля Іванівки.")
    assert 21 in matcher.detect(["У Краматорському районі ворог обстріляв Іванівку."]).regions


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv has stepped up long-range drone strikes on Russia.",
        "Moscow wants to force Kyiv to spend money it does not have.",
        "Can Kyiv get through the winter?",
        "Prisoners were returned from territory controlled by Kyiv.",
        "Peskov said the attacks showed Kyiv was not interested in talks.",
        "Пєсков звинуватив Київ у порушенні мораторію.",
    ],
)
def test_the_capital_as_the_government_is_no_place_nor_a_village_of_its_name(matcher, text):
    assert places(matcher, text) == []


@pytest.mark.parametrize(
    "text", ["Russia attacked Kyiv with drones overnight.", "Explosions rang out over Kyiv.", "Уночі ворог атакував Київ."]
)
def test_the_capital_attacked_is_the_place(matcher, text):
    assert places(matcher, text) == ["Kyiv"]


@pytest.mark.parametrize(
    "text",
    [
        "Росіяни намагалися штурмувати позиції ЗСУ поблизу Антонівського мосту.",
        "Частину дронів збили над акваторією Дніпра.",
    ],
)
def test_a_bridge_and_a_river_s_waters_named_after_a_place_are_no_place(matcher, text):
    assert places(matcher, text) == []
