import pytest

from reports.services.transliteration import transliterate

# Expected spellings as printed in the table of the 2010 resolution, and the archive's own place names.


@pytest.mark.parametrize(
    ("ukrainian", "latin"),
    [
        ("Запоріжжя", "Zaporizhzhia"),
        ("Харків", "Kharkiv"),
        ("Київ", "Kyiv"),
        ("Вінниця", "Vinnytsia"),
        ("Ужгород", "Uzhhorod"),
        ("Чернівці", "Chernivtsi"),
        ("Сєвєродонецьк", "Sievierodonetsk"),
        ("Лисичанськ", "Lysychansk"),
    ],
)
def test_place_names_follow_the_national_standard(ukrainian, latin):
    assert transliterate(ukrainian) == latin


@pytest.mark.parametrize(
    ("ukrainian", "latin"),
    [("Згурівка", "Zghurivka"), ("Розгон", "Rozghon"), ("Згурський", "Zghurskyi")],
)
def test_z_before_h_is_written_zgh(ukrainian, latin):
    assert transliterate(ukrainian) == latin


@pytest.mark.parametrize(
    ("ukrainian", "latin"),
    [
        ("Ярошенко", "Yaroshenko"),
        ("Яготин", "Yahotyn"),
        ("Єнакієве", "Yenakiieve"),
        ("Їжакевич", "Yizhakevych"),
        ("Йосипівка", "Yosypivka"),
        ("Юрій", "Yurii"),
    ],
)
def test_iotated_letters_keep_their_y_at_the_start_of_a_word(ukrainian, latin):
    assert transliterate(ukrainian) == latin


@pytest.mark.parametrize(
    ("ukrainian", "latin"),
    [
        ("Гаєвич", "Haievych"),
        ("Кадиївка", "Kadyivka"),
        ("Стрий", "Stryi"),
        ("Корюківка", "Koriukivka"),
        ("Костянтин", "Kostiantyn"),
        ("Феодосія", "Feodosiia"),
    ],
)
def test_iotated_letters_inside_a_word_are_written_with_i(ukrainian, latin):
    assert transliterate(ukrainian) == latin


@pytest.mark.parametrize(
    ("ukrainian", "latin"),
    [("Знам’янка", "Znamianka"), ("Мар'їне", "Marine"), ("Короп'є", "Koropie"), ("Тернопіль", "Ternopil")],
)
def test_apostrophe_and_soft_sign_are_dropped(ukrainian, latin):
    assert transliterate(ukrainian) == latin


def test_ge_with_upturn_and_shch():
    assert transliterate("Ґорґани") == "Gorgany"
    assert transliterate("Борщагівка") == "Borshchahivka"
    assert transliterate("Щербухи") == "Shcherbukhy"


def test_every_word_of_a_compound_name_starts_afresh():
    assert transliterate("Біла Церква") == "Bila Tserkva"
    assert transliterate("Івано-Франківськ") == "Ivano-Frankivsk"
    assert transliterate("Нова Ярославка") == "Nova Yaroslavka"


def test_capitals_stay_capitals():
    assert transliterate("ЩАСТЯ") == "SHCHASTIA"
    assert transliterate("Щастя") == "Shchastia"


def test_characters_outside_the_alphabet_pass_through():
    assert transliterate("Lyman 2") == "Lyman 2"
    assert transliterate("") == ""
