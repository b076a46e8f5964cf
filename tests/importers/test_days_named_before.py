"""Days said across sentences and the shapes of days of the thirteenth round: "Того ж дня", "the next morning", a part
of the day after a day named, ranges of hours across days, "as of Tuesday morning", "last Friday", the week before
last, the start of the week, "two weeks ago", "on the 15th"; and the places that round misread: a city's genitive that
spells an adjective ("Українська сторона"), an office's abbreviation after an oblast's adjective, an oblast's centre
beside its namesake village, a river crossed, a list of directions; what someone calls a thing and work going on, no
claims; a call reported in the third person, its caller's."""

import datetime

import pytest

from reports.importers.dates import find_occurrences
from reports.importers.regions import GazetteerEntry, RegionMatcher
from tests.importers.test_real_reporting import archive, claims_of  # noqa: F401 (fixtures)
from tests.importers.tree import claimant_name

TUESDAY = datetime.date(2025, 6, 17)  # Monday is the 16th


def days(text, published_on=TUESDAY, language="uk"):
    """Each date the text names, as (first, last, precision) in ISO."""
    return [
        (found.start.isoformat(), found.end.isoformat(), found.precision)
        for found in find_occurrences(text, published_on, language)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The day named before, then the same day, the next, a part of it.
        ("У понеділок росіяни вдарили по Харкову. Того ж дня під обстріл потрапив Куп’янськ.",
         [("2025-06-16", "2025-06-16", "day")] * 2),
        ("У понеділок росіяни вдарили по Харкову. Наступного дня ворог у першій половині дня атакував Суми.",
         [("2025-06-16", "2025-06-16", "day"), ("2025-06-17", "2025-06-17", "day"), ("2025-06-17", "2025-06-17", "day")]),
        ("The strike hit Kharkiv on Sunday. Later that day, a drone hit Kupiansk. The next morning, rescuers found two.",
         [("2025-06-15", "2025-06-15", "day"), ("2025-06-15", "2025-06-15", "day"), ("2025-06-16", "2025-06-16", "day")]),
        ("Минулої п’ятниці ТЕЦ зупинилася. Увечері того ж дня світло повернули.",
         [("2025-06-13", "2025-06-13", "day")] * 2),
        # The hour of a day just named is that day's, and no day of its own.
        ("У понеділок о 18:00 ворог атакував Запоріжжя. Пізніше того дня дрон влучив у будинок.",
         [("2025-06-16", "2025-06-16", "day")] * 2),
    ],
)  # fmt: skip
def test_a_day_counted_from_the_day_named_before(text, expected):
    assert days(text) == expected


def test_the_same_day_with_no_day_named_before_dates_nothing():
    assert days("The same day, a drone hit Kupiansk.", language="en") == []
    assert days("Того ж дня під обстріл потрапив Куп’янськ.") == []


def test_a_day_after_counted_past_the_article_dates_nothing():
    assert days("A strike hit Kharkiv on Tuesday. A day later, a woman died.", language="en") == [
        ("2025-06-17", "2025-06-17", "day")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia launched 352 drones between 10 p.m. on Monday and 7 a.m. on Tuesday.", ("2025-06-16", "2025-06-17", "day")),
        ("Between Saturday evening and Sunday morning, Russia attacked Ukraine.", ("2025-06-14", "2025-06-15", "day")),
        ("Росіяни атакували Харків з 18:00 понеділка до 06:00 вівторка.", ("2025-06-16", "2025-06-17", "day")),
        ("Від вечора неділі Росія тричі атакувала енергетику.", ("2025-06-15", "2025-06-17", "day")),
        ("Since 6 p.m. on Monday, Russia has launched 138 drones.", ("2025-06-16", "2025-06-17", "day")),
        ("Станом на ранок вівторка відомо про двох загиблих.", ("2025-06-17", "2025-06-17", "day")),
        ("As of Monday morning, 14 people were in hospital.", ("2025-06-16", "2025-06-16", "day")),
        ("Минулої п’ятниці внаслідок удару пошкоджено газопровід.", ("2025-06-13", "2025-06-13", "day")),
        ("The week before last, Ukrenergo introduced outages.", ("2025-06-02", "2025-06-08", "week")),
        ("Позаминулого тижня росіяни вперше застосували дрони на оптоволокні.", ("2025-06-02", "2025-06-08", "week")),
        ("На початку тижня підрозділи відбили штурм.", ("2025-06-16", "2025-06-17", "approximate")),
        ("Earlier this week, drones damaged a ferry crossing.", ("2025-06-16", "2025-06-17", "approximate")),
        ("Russian forces have hit the sites 20 times so far this year.", ("2025-01-01", "2025-06-17", "approximate")),
        ("Два тижні тому обласна влада оголосила евакуацію.", ("2025-06-03", "2025-06-03", "day")),
        ("Two weeks ago, a missile struck the plant.", ("2025-06-03", "2025-06-03", "day")),
        ("The first strike, on the 15th, destroyed the grain.", ("2025-06-15", "2025-06-15", "day")),
        ("The first strike, on the 25th, destroyed the grain.", ("2025-05-25", "2025-05-25", "day")),
        ("Увечері в Сумах пролунали три вибухи.", ("2025-06-17", "2025-06-17", "day")),
        ("Увечері 1 червня КАБ влучив у господарство.", ("2025-06-01", "2025-06-01", "day")),
        ("Увечері напередодні дрон влучив у будівлю.", ("2025-06-16", "2025-06-16", "day")),
        ("Внаслідок нічної атаки постраждали дев’ятеро людей.", ("2025-06-16", "2025-06-17", "day")),
    ],
)  # fmt: skip
def test_the_round_s_day_phrases(text, expected):
    language = "en" if text.isascii() else "uk"
    assert days(text, language=language)[:1] == [expected]


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


def test_a_count_as_of_an_hour_is_no_day_to_count_from():
    text = "У неділю дрон влучив у будинок. Станом на 8:00 відомо про двох поранених. Наступного дня дрони атакували Павлоград."
    assert days(text, datetime.date(2025, 6, 17)) == [
        ("2025-06-15", "2025-06-15", "day"),
        ("2025-06-17", "2025-06-17", "day"),
        ("2025-06-16", "2025-06-16", "day"),
    ]


def test_the_same_day_after_a_night_is_the_day_the_night_runs_into():
    assert days("У ніч на 16 червня росіяни атакували Одесу. У першій половині дня обстріляли Херсон.")[1] == (
        "2025-06-16",
        "2025-06-16",
        "day",
    )


def said(archive, body, language):  # noqa: F811
    return [(claimant_name(claim), claim.quote) for claim in claims_of(archive, body, language=language, publisher="unn")]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Речник Кремля Дмитро Пєсков назвав новий пакет санкцій ЄС «незаконним».", "uk"),
        ("Голова ОВА назвав дії окупантів «полюванням на людей».", "uk"),
        ("Kremlin spokesman Dmitry Peskov called the strikes \"an act of desperation\".", "en"),
        ("У Запоріжжі на місці удару тривають аварійно-рятувальні роботи, повідомив Іван Федоров.", "uk"),
        ("Енергетики працюють над відновленням живлення цілодобово, повідомили в ДТЕК.", "uk"),
        ("Emergency crews are still at the scene in Izmail, the regional governor Oleh Kiper said.", "en"),
    ],
)  # fmt: skip
def test_what_someone_calls_a_thing_and_work_going_on_are_no_claims(archive, body, language):  # noqa: F811
    assert said(archive, body, language) == []


@pytest.mark.parametrize(
    ("body", "language", "quote"),
    [
        # What the speaker says after the name they call it is a claim.
        ("Речник Сил оборони півдня Владислав Волошин назвав цю заяву «черговою вигадкою» і наголосив, що селище "
         "залишається під контролем українських військ.", "uk", "селище залишається під контролем"),
        # A result of the rescue work, with a number, is one.
        ("Рятувальники деблокували з-під завалів трьох людей, повідомили в ДСНС.", "uk", "деблокували з-під завалів трьох"),
    ],
)  # fmt: skip
def test_a_claim_beside_a_name_called_or_a_rescue_with_a_result_stays(archive, body, language, quote):  # noqa: F811
    assert any(quote in words for _speaker, words in said(archive, body, language))


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        ("A drone hit a house in Orikhiv, regional governor Ivan Fedorov said. Fedorov urged the remaining residents of "
         "the hromada to evacuate.", "en", "Ivan Fedorov"),
        ("Дрон влучив у будинок в Оріхові, повідомив Іван Федоров. Федоров закликав мешканців громади евакуюватися.",
         "uk", "Іван Федоров"),
    ],
)  # fmt: skip
def test_a_call_reported_in_the_third_person_is_its_caller_s(archive, body, language, speaker):  # noqa: F811
    calls = [(who, words) for who, words in said(archive, body, language) if "urged" in words or "закликав" in words]
    assert calls and all(who == speaker for who, _words in calls)


@pytest.mark.parametrize(
    ("body", "language", "quote", "speaker"),
    [
        # An office in apposition, with what it is of before it.
        ("Russia launched 71 drones overnight, the Air Force said. In Odesa, drone debris fell on the territory of the "
         "port, said Oleh Kiper, the Odesa region's governor.", "en", "drone debris fell", "Oleh Kiper"),
        ("In Kharkiv, a drone hit a school, said Ihor Terekhov, the city's mayor.", "en", "a drone hit a school",
         "Ihor Terekhov"),
        # "свідчать дані …": whose data.
        ("Минулого місяця у Херсоні загинули 19 цивільних, свідчать дані Херсонської обласної військової адміністрації.",
         "uk", "загинули 19 цивільних", "Херсонська обласна військова адміністрація"),
        # "the company said" of the body the sentence opens with, after the words of when.
        ("Russia launched 138 drones overnight, the Air Force said. The week before last, Ukrenergo introduced hourly "
         "outages in 11 regions, the company said.", "en", "Ukrenergo introduced", "ukrenergo"),
        # A known source opening a sentence after the words of when speaks it.
        ("Russian forces advanced near Rodynske, the General Staff said. As of Tuesday morning, DeepState analysts marked "
         "the area north of Rodynske as a grey zone.", "en", "DeepState analysts marked", "deepstate"),
        ("The Energy Ministry said repair crews had restored power to 230,000 households by midday.", "en",
         "restored power", "energy-ministry-ukraine"),
    ],
)  # fmt: skip
def test_the_round_s_speakers(archive, body, language, quote, speaker):  # noqa: F811
    assert [who for who, words in said(archive, body, language) if quote in words] == [speaker]


def test_an_hour_after_which_something_happened_is_of_the_article_s_day():
    assert days("Explosions rang out over Kyiv shortly after 5:50 a.m. local time.", language="en") == [
        ("2025-06-17", "2025-06-17", "day")
    ]


LABELLED = """Russian forces attacked the Nikopol district more than 30 times over the past day, killing one man.
Source: Serhii Lysak, Head of Dnipropetrovsk Oblast Military Administration, on Telegram
Quote: "A 58-year-old man was killed in Marhanets. In Nikopol, three women were injured."
Details: Lysak said that 11 private houses and a gas pipeline were damaged in Nikopol.
Background: Nikopol lies on the bank of the Kakhovka Reservoir. Russian forces shelled it 40 times in May 2023.
Source: Ukrainska Pravda"""


def test_a_source_line_names_who_said_the_paragraph_before_and_what_follows(archive):  # noqa: F811
    found = said(archive, LABELLED, "en")
    lysak = [words for who, words in found if who == "Serhii Lysak"]
    assert lysak == [
        "Russian forces attacked the Nikopol district more than 30 times over the past day, killing one man",
        "A 58-year-old man was killed in Marhanets. In Nikopol, three women were injured",  # one quotation, one quote
        "11 private houses and a gas pipeline were damaged in Nikopol",
    ]
    # The background is the publisher's, dated; the label is no part of any quote.
    assert ("unn", "Russian forces shelled it 40 times in May 2023") in found
    assert not any(words.startswith(("Quote", "Details", "Background", "Source")) for _who, words in found)


def test_a_source_line_after_the_last_paragraph_credits_the_page(archive):  # noqa: F811
    body = "Russian forces shelled Kherson 42 times over the past day, Prokudin said. A bridge was damaged in the attack."
    credited = said(archive, body + "\nSource: Ukrainska Pravda\nTags: Kherson", "en")
    assert credited == said(archive, body, "en") and {who for who, _words in credited} == {"Prokudin"}


def test_an_interview_with_the_person_named_before_gives_them_the_answers(archive):  # noqa: F811
    body = (
        "Командир батальйону Олександр Стецюк воює на Донеччині з 2022 року. Цензор.НЕТ поговорив із ним про те, як "
        "змінилися штурми.\n— Як змінилася тактика росіян?\n— Минулого тижня росіяни пішли на штурм двома БМП, ми спалили "
        "обидві БМП."
    )
    assert [who for who, words in said(archive, body, "uk") if "спалили" in words] == ["Олександр Стецюк"]


def test_villages_of_one_name_in_one_oblast_are_left_to_the_editor_unless_a_unit_above_one_is_named(matcher):
    assert "Іванівка" not in places(matcher, "Бої тривають біля Покровська та біля Іванівки.")
    assert 21 in matcher.detect(["У Краматорському районі ворог обстріляв Іванівку."]).regions


@pytest.mark.parametrize(
    ("body", "language", "counts"),
    [
        ("Сили ППО збили 14 ракет і 101 безпілотник, у восьми локаціях зафіксовано влучання, повідомили в Повітряних силах.",
         "uk", ["Сили ППО збили 14 ракет і 101 безпілотник", "у восьми локаціях зафіксовано влучання"]),
        ("Air defences shot down 84 drones, the Air Force said, adding that hits had been recorded at 14 locations.", "en",
         ["Air defences shot down 84 drones", "hits had been recorded at 14 locations"]),
        ("Уночі ворог атакував Україну 86 ударними дронами, 61 з них збили або подавили засобами РЕБ, повідомили Повітряні "
         "сили.", "uk", ["Уночі ворог атакував Україну 86 ударними дронами", "61 з них збили або подавили засобами РЕБ"]),
    ],
)  # fmt: skip
def test_the_air_force_s_second_count_in_one_sentence_is_a_claim_of_its_own(archive, body, language, counts):  # noqa: F811
    found = said(archive, body, language)
    assert [words for _who, words in found] == counts and {who for who, _words in found} == {"air-force-ukraine"}


def test_a_live_page_s_time_before_a_capital_opens_no_quote(archive):  # noqa: F811
    body = "07:35 Уночі ворог атакував Україну 86 ударними дронами, повідомили Повітряні сили."
    assert [words for _who, words in said(archive, body, "uk")] == ["Уночі ворог атакував Україну 86 ударними дронами"]


@pytest.mark.parametrize(
    ("body", "language", "parts"),
    [
        ("Russia has lost 961,430 troops since the beginning of its full-scale invasion in February 2022, including 1,240 "
         "over the past day, according to the General Staff.", "en",
         [("Russia has lost 961,430 troops since the beginning of its full-scale invasion in February 2022", None),
          ("including 1,240 over the past day", "2025-06-16")]),
        ("Загальні бойові втрати противника з 24.02.22 склали 961 430 осіб, з них 1 240 — за минулу добу, повідомили в "
         "Генштабі.", "uk",
         [("Загальні бойові втрати противника з 24.02.22 склали 961 430 осіб", None),
          ("з них 1 240 — за минулу добу", "2025-06-16")]),
        ("Russia launched 58 air strikes over the past day, the General Staff said. In the Kramatorsk direction, Russian "
         "forces attacked nine times near Chasiv Yar, the report said, while in the Lyman direction there were 17 clashes "
         "near Torske.", "en",
         [("Russia launched 58 air strikes over the past day", "2025-06-16"),
          ("In the Kramatorsk direction, Russian forces attacked nine times near Chasiv Yar", None),
          ("in the Lyman direction there were 17 clashes near Torske", None)]),
    ],
)  # fmt: skip
def test_a_summary_s_total_and_the_day_s_part_and_two_directions_are_claims_of_their_own(archive, body, language, parts):  # noqa: F811
    found = claims_of(archive, body, language=language, publisher="unn", published_on=TUESDAY)
    assert [(claim.quote, claim.occurred and claim.occurred.start.isoformat()) for claim in found] == parts
    assert {claimant_name(claim) for claim in found} == {"general-staff-afu"}


@pytest.mark.parametrize(
    "body",
    [
        "Russian troops launched two missile strikes, according to the General Staff. The military said Russian forces "
        "also used 1,874 kamikaze drones.",
        "A total of 146 combat engagements were recorded, the General Staff said. In the Siversk direction, Ukrainian "
        "forces repelled six attacks near Bilohorivka, according to the update.",
    ],
)
def test_the_military_and_the_update_are_the_body_named_before(archive, body):  # noqa: F811
    assert [who for who, _words in said(archive, body, "en")] == ["general-staff-afu", "general-staff-afu"]


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("А 02.03, як повідомили в ОВА, під ударом опинилася карета швидкої.", [("2025-03-02", "2025-03-02", "day")]),
        ("15.09 під час масованої атаки на Запоріжжя загинули четверо людей.", [("2024-09-15", "2024-09-15", "day")]),
        ("Близько 10.05 пролунали вибухи.", [("2025-06-17", "2025-06-17", "day")]),  # an hour, not 10 May
        ("Було евакуйовано 3.5 тисячі людей.", []),
        ("By 8 a.m., Ukrainian troops had repelled 44 of the attacks.", [("2025-06-17", "2025-06-17", "day")]),
        ("They had evacuated 37 people from the town this month.", [("2025-06-01", "2025-06-17", "approximate")]),
    ],
)  # fmt: skip
def test_a_day_and_month_in_figures_an_english_hour_and_the_month_so_far(text, expected):
    assert days(text, language="en" if text.isascii() else "uk") == expected


def test_a_day_before_the_caller_dates_the_call(archive):  # noqa: F811
    body = "Дрон влучив у будинок, повідомив Іван Федоров. У вівторок Федоров закликав мешканців звертатися до ЦНАПів."
    calls = [claim for claim in claims_of(archive, body, published_on=TUESDAY) if "закликав" in claim.quote]
    assert [(claimant_name(claim), claim.occurred.start.isoformat()) for claim in calls] == [("Іван Федоров", "2025-06-17")]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Херсон залишається під обстрілами з лівого берега Дніпра, повідомив Олександр Прокудін.", "uk"),
        ("Костянтинівка потерпає від щоденних обстрілів, зазначив Вадим Філашкін.", "uk"),
        ("Now the drones fly over the market every morning, Donetsk regional Gov. Vadym Filashkin said.", "en"),
        ("Рятувальники продовжують розбирати завали, повідомив Іван Федоров.", "uk"),
    ],
)  # fmt: skip
def test_shelling_that_goes_on_and_rubble_still_cleared_are_no_claims_whoever_says_them(archive, body, language):  # noqa: F811
    assert said(archive, body, language) == []


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Ukrzaliznytsia, Ukraine's state railway, said a locomotive depot in the city had been damaged.", "Ukrzaliznytsia"),
        ("The regional power company, Sumyoblenergo, said about 4,700 customers were left without electricity.",
         "Sumyoblenergo"),
        ("The Sumy regional police said they had registered 34 reports of damage to civilian property over the past day.",
         "Sumy regional police"),
        ("Air-raid alerts sounded five times during the night, according to the Sumy city council.", "Sumy city council"),
        ("Separately, police in Dnipropetrovsk Oblast said a drone hit a car near Mezhova, injuring the driver.",
         "Dnipropetrovsk Oblast police"),
        ("Поліція Чернігівщини повідомила, що росіяни скинули вибухівку з дрона на приватне подвір’я.",
         "Поліція Чернігівщини"),
    ],
)  # fmt: skip
def test_a_body_named_by_its_kind_and_place_or_in_apposition_speaks(archive, body, speaker):  # noqa: F811
    assert [who for who, _words in said(archive, body, "uk" if "Поліція" in body else "en")] == [speaker]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Russia attacked Chernihiv Oblast overnight, the regional administration said. In Hirsk, a drone damaged a power "
         "line, regional power company Chernihivoblenergo said. Repair crews had reconnected all of them by 14:20, the "
         "company added.", "Chernihivoblenergo"),
        ("The Navy said it destroyed two boats. A Russian drone damaged a power line in the Mykolaiv district, regional "
         "power company Mykolaivoblenergo said. As of 10:00, power had been restored to all 1,200 customers, the company "
         "added.", "Mykolaivoblenergo"),
    ],
)  # fmt: skip
def test_a_company_named_by_what_it_is_speaks_and_is_the_company_named_again(archive, body, speaker):  # noqa: F811
    found = said(archive, body, "en")
    assert [who for who, words in found if "power line" in words or "restored" in words or "reconnected" in words] == [
        speaker,
        speaker,
    ]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("У ніч на 12 листопада в окупованому Севастополі пролунала серія вибухів, повідомили Крим.Реаліям місцеві жителі.",
         "uk"),
        ("The last bakery closed in August, residents said.", "en"),
    ],
)  # fmt: skip
def test_residents_unnamed_are_the_publisher_s_sources(archive, body, language):  # noqa: F811
    assert [who for who, _words in said(archive, body, language)] == ["unn"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Моніторингова група «Кримський вітер» написала, що над військовим аеродромом біля міста здіймався дим.",
         "Кримський вітер"),
        ("Минулого тижня, за даними «Кримського вітру», у Феодосії понад добу тривала пожежа на нафтобазі.",
         "Кримський вітер"),
        ("У Мелітополі партизани руху «Атеш» заявили, що минулої суботи підпалили релейну шафу на залізниці.", "Атеш"),
    ],
)  # fmt: skip
def test_a_body_named_in_quotation_marks_speaks_in_the_nominative(archive, body, speaker):  # noqa: F811
    assert [who for who, _words in said(archive, body, "uk")] == [speaker]


@pytest.mark.parametrize(
    ("text", "published_on", "expected"),
    [
        ("Since the start of November, Russia has struck port infrastructure 11 times.", datetime.date(2024, 12, 3),
         [("2024-11-01", "2024-12-03", "approximate")]),
        ("The State Emergency Service said that by 9am its crews had pulled seven people out.", TUESDAY,
         [("2025-06-17", "2025-06-17", "day")]),
        ("Поліція Херсонщини за вихідні задокументувала наслідки 46 обстрілів.", TUESDAY,
         [("2025-06-14", "2025-06-15", "day")]),
        ("За її словами, вогонь ліквідували до 07:30, постраждалих немає.", TUESDAY, [("2025-06-17", "2025-06-17", "day")]),
        ("Russia launched 40 drones over the past day, Fedorov said on Tuesday. Over the same period, Russian forces "
         "carried out 587 strikes.", TUESDAY,
         [("2025-06-16", "2025-06-17", "day"), ("2025-06-17", "2025-06-17", "day"), ("2025-06-16", "2025-06-17", "day")]),
    ],
)  # fmt: skip
def test_since_a_recent_month_s_start_an_hour_run_into_its_unit_the_weekend_and_the_same_period(text, published_on, expected):
    assert days(text, published_on, "en" if text.isascii() else "uk") == expected
