"""Forms the test half of u41–u50 and e41–e50 held, read once it had been measured three times: a hromada or a raion
named after its centre in English ("the Khotin community", "the Obukhiv district"), a river, a delta, islands or a front
named like a place, a person's surname met again, more said after the speaker (", adding that …"), a source named again
by fewer words ("the Air Force's data"), the publisher's note that it could not verify a report, a three-word name after
an organisation in the genitive, verbs of counting and refuting, and the publisher's background of years before. Each in
Ukrainian and in English where the form exists in both."""

import datetime

import pytest

from reports.importers.events import says_unverified
from reports.importers.speakers import speaker
from tests.importers.test_real_reporting import archive as real_archive  # noqa: F401 (a fixture)
from tests.importers.test_real_reporting import claims_of
from tests.importers.tree import Tree, claimant_name

UKRAINE, SUMY, KYIV_OBLAST, KHARKIV, DONETSK, DNIPRO = 1, 2, 3, 4, 5, 6
# Named as the codifier names them: raions and hromadas by an adjective, villages by their nominative.
ENTRIES = [
    (UKRAINE, "country", (), ("Ukraine", "Україна"), True),
    (SUMY, "oblast", (1,), ("Sumy Oblast", "Сумська область", "Сумщина"), True),
    (KYIV_OBLAST, "oblast", (1,), ("Kyiv Oblast", "Київська область", "Київщина"), True),
    (KHARKIV, "oblast", (1,), ("Kharkiv Oblast", "Харківська область", "Харківщина"), True),
    (DONETSK, "oblast", (1,), ("Donetsk Oblast", "Донецька область"), True),
    (DNIPRO, "oblast", (1,), ("Dnipropetrovsk Oblast", "Дніпропетровська область"), True),
    (10, "raion", (1, 2), ("Sumskyi", "Сумський"), False),
    (11, "hromada", (1, 2, 10), ("Khotinska", "Хотінська"), False),
    (12, "settlement", (1, 2, 10, 11), ("Khotin", "Хотінь"), False),
    (20, "raion", (1, 3), ("Obukhivskyi", "Обухівський"), False),
    (21, "hromada", (1, 3, 20), ("Obukhivska", "Обухівська"), False),
    (22, "settlement", (1, 3, 20, 21), ("Obukhiv", "Обухів"), False),
    (23, "settlement", (1, 3), ("Bila Tserkva", "Біла Церква"), True),
    (30, "settlement", (1, 4), ("Kupiansk", "Куп’янськ"), True),
    (31, "settlement", (1, 4), ("Oskil", "Оскіл"), False),
    (40, "settlement", (1, 5), ("Lyman", "Лиман"), True),
    (41, "settlement", (1, 5), ("Kostiantynivka", "Костянтинівка"), True),
    (42, "settlement", (1, 5), ("Siversk", "Сіверськ"), True),
    (50, "settlement", (1, 6), ("Dnipro", "Дніпро"), True),
]


@pytest.fixture(scope="module")
def matcher():
    return Tree(ENTRIES)


places = Tree.places


# Places


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the early hours of Monday, a guided bomb hit a farm in the Khotin community.", ["Khotinska"]),
        ("Drones damaged private homes in the Obukhiv district, the governor said.", ["Obukhivskyi"]),
        ("Strikes were reported in the Obukhiv community and in Bila Tserkva.", ["Obukhivska", "Bila Tserkva"]),
    ],
)
def test_a_hromada_or_raion_named_after_its_centre_in_english_is_that_unit(matcher, text, expected):
    assert places(matcher, text) == expected


def test_a_place_with_no_unit_of_the_kind_named_after_it_stays_the_place(matcher):
    # Біла Церква lies in no raion of its name in this tree: the words do not make up a unit.
    assert places(matcher, "Drones hit the Bila Tserkva district overnight.") == ["Bila Tserkva"]


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian drones destroyed a vehicle near Kupiansk, east of the Oskil River.",
        "Ukrainian troops hold the Oskil river line north of Kupiansk.",
    ],
)
def test_a_river_named_like_a_village_is_no_village_even_after_evidence(matcher, text):
    assert places(matcher, text) == ["Kupiansk"]


@pytest.mark.parametrize(
    "text",
    [
        "Russian assault groups tried to land on islands in the Dnipro delta.",
        "Fighting continues on the Dnipro islands.",
        "Окупанти намагалися висадитися на острови в дельті Дніпра.",
    ],
)
def test_the_dnipro_delta_and_its_islands_are_not_the_city(matcher, text):
    assert places(matcher, text) == []


def test_a_front_named_after_a_city_is_not_the_city(matcher):
    assert places(matcher, "On the Kostiantynivka front, Ukrainian units repelled 14 attacks.") == []
    assert places(matcher, "Ukrainian units repelled 14 attacks near Kostiantynivka.") == ["Kostiantynivka"]


def test_a_persons_surname_met_again_is_the_person_not_the_city(matcher):
    text = (
        "Росіяни намагаються обійти Сіверськ, розповів командир батальйону Сергій Лиман.\n"
        "За словами Лимана, окупанти шість разів штурмували позиції."
    )
    assert places(matcher, text) == ["Siversk"]


def test_a_surname_after_a_preposition_is_still_the_place(matcher):
    text = "Про це розповів командир батальйону Сергій Лиман.\nБої тривають біля Лимана."
    assert places(matcher, text) == ["Lyman"]


def test_without_the_person_the_city_is_found(matcher):
    assert places(matcher, "За словами бійців, ворог штурмує Лиман.") == ["Lyman"]


# Speakers and claims


@pytest.mark.parametrize(
    ("body", "language", "claimant"),
    [
        (
            "Russia launched 94 drones and seven ballistic missiles overnight into Tuesday, Feb. 3, the Ukrainian Air "
            "Force said, adding that air defenses had downed 71 drones.",
            "en",
            "air-force-ukraine",
        ),
        (
            "Уночі росіяни випустили по Україні 94 дрони, повідомили Повітряні сили, додавши, що сили ППО збили 71 з них.",
            "uk",
            "air-force-ukraine",
        ),
    ],
)
def test_more_said_after_the_speaker_keeps_the_whole_sentence_the_speakers(real_archive, body, language, claimant):  # noqa: F811
    (claim,) = claims_of(real_archive, body, language=language)
    assert claim.claimant == claimant
    assert claim.quote.startswith(("Russia launched 94 drones", "Уночі росіяни випустили"))
    assert claim.quote.endswith(("downed 71 drones", "збили 71 з них"))


def test_a_source_named_again_by_fewer_of_its_words_is_that_source(real_archive):  # noqa: F811
    lead = "Russia launched 94 drones overnight, the Ukrainian Air Force said."
    body = "According to the Air Force's data for Feb. 2, Russian aircraft also dropped 38 guided bombs on Sumy Oblast."
    claims = claims_of(real_archive, body, lead=lead, language="en", published_on=datetime.date(2026, 2, 3))
    bombs = next(claim for claim in claims if "38 guided bombs" in claim.quote)
    assert bombs.claimant == "air-force-ukraine"


def test_a_shorter_name_of_another_organisation_is_not_the_source_named(real_archive):  # noqa: F811
    lead = "Russia launched 94 drones overnight, the Ukrainian Air Force said."
    body = "The Russian Air Force said its jets had struck 12 targets over the past day."
    claims = claims_of(real_archive, body, lead=lead, language="en", published_on=datetime.date(2026, 2, 3))
    jets = next(claim for claim in claims if "12 targets" in claim.quote)
    assert claimant_name(jets) != "air-force-ukraine"


@pytest.mark.parametrize(
    "sentence",
    [
        "The Kyiv Independent has not been able to verify these reports independently.",
        "Reuters could not immediately verify the report.",
        "The Kremlin did not immediately respond to a request for comment.",
        "УНН не може незалежно перевірити цю інформацію.",
        "Українська правда не змогла підтвердити ці дані.",
    ],
)
def test_the_publishers_note_that_it_could_not_verify_is_no_claim(real_archive, sentence):  # noqa: F811
    assert says_unverified(sentence)
    body = "Russian troops occupied 95 square kilometers last week, according to DeepState.\n" + sentence
    language = "en" if sentence.isascii() else "uk"
    (claim,) = claims_of(real_archive, body, language=language)
    assert claim.claimant == "deepstate" and "95 square kilometers" in claim.quote


@pytest.mark.parametrize(
    "sentence",
    [
        "Ukraine's General Staff did not confirm the capture of Velykyi Burluk.",
        "The General Staff said its troops had pushed Russian forces back, a claim the AP could not independently verify.",
        "У Генштабі ЗСУ цю інформацію не підтвердили.",
    ],
)
def test_a_denial_or_a_report_the_note_trails_is_not_taken_for_the_note(sentence):
    assert not says_unverified(sentence)


@pytest.mark.parametrize(
    ("words", "name"),
    [
        ("Речник Кремля Дмитро Пєсков", "Дмитро Пєсков"),
        ("голова Укренерго Віталій Зайченко", "Віталій Зайченко"),
        ("голова ОВА Олександр Сергійович Прокудін", "Олександр Сергійович Прокудін"),
        ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov"),
    ],
)
def test_a_three_word_name_is_a_patronymics_else_the_first_word_is_the_organisation(words, name):
    assert speaker(words).name == name


def test_the_kremlins_spokesman_in_ukrainian_speaks_for_himself(real_archive):  # noqa: F811
    body = "Речник Кремля Дмитро Пєсков також заявив, що Москва не бачить підстав для перемир’я."
    (claim,) = claims_of(real_archive, body)
    assert claimant_name(claim) == "Дмитро Пєсков"


@pytest.mark.parametrize(
    ("body", "language", "claimant"),
    [
        (
            "Аналітики ISW вважають, що ворог просунувся біля Покровська.\n"
            "Від 1 до 11 січня росіяни захопили 74 квадратні кілометри, підрахували аналітики DeepState.",
            "uk",
            "deepstate",
        ),
        (
            "ISW assessed that Russian forces advanced near Pokrovsk.\n"
            "Russian troops seized 74 square kilometers from Jan. 1 to 11, DeepState analysts calculated.",
            "en",
            "deepstate",
        ),
    ],
)
def test_analysts_counting_speak_for_themselves_not_for_the_source_before(real_archive, body, language, claimant):  # noqa: F811
    claims = claims_of(real_archive, body, language=language, published_on=datetime.date(2026, 1, 15))
    counted = next(claim for claim in claims if "74" in claim.quote)
    assert counted.claimant == claimant


def test_a_refutation_is_the_refuting_sources_claim(real_archive):  # noqa: F811
    body = (
        "Міністерство оборони Росії заявило, що минулого тижня російські війська захопили село.\n"
        "У Генштабі ЗСУ цю інформацію спростували: за даними штабу, бої в районі села тривають."
    )
    claims = claims_of(real_archive, body, published_on=datetime.date(2025, 12, 22))
    refuted = next(claim for claim in claims if "бої в районі села тривають" in claim.quote)
    assert refuted.claimant == "general-staff-afu"


@pytest.mark.parametrize(
    ("body", "language", "publisher"),
    [
        (
            "The plant lost its only remaining backup power line on Saturday, the International Atomic Energy Agency said.\n"
            "Russian forces seized the plant, Europe's largest, in March 2022.",
            "en",
            "reuters",
        ),
        (
            "Станцію знеструмлено в суботу, повідомили в МАГАТЕ.\nРосійські війська захопили станцію у березні 2022 року.",
            "uk",
            "unn",
        ),
    ],
)
def test_a_paragraph_dating_an_event_years_back_is_the_publishers_background(real_archive, body, language, publisher):  # noqa: F811
    claims = claims_of(real_archive, body, language=language, published_on=datetime.date(2026, 1, 12), publisher=publisher)
    (seized,) = [claim for claim in claims if "2022" in claim.quote]
    assert seized.claimant == publisher


def test_the_speaker_recalling_the_past_in_the_paragraph_of_their_words_is_still_the_speaker(real_archive):  # noqa: F811
    body = (
        "ISW analysts point out that Russian forces advanced northeast of Lyman. "
        "The occupiers first captured the entire Luhansk region on July 3, 2022."
    )
    claims = claims_of(real_archive, body, language="en", published_on=datetime.date(2025, 4, 2))
    (captured,) = [claim for claim in claims if "2022" in claim.quote]
    assert captured.claimant == "isw"
