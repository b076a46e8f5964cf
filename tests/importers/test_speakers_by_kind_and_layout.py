"""Speakers and claims of the thirteenth to fifteenth rounds: what someone calls a thing and work going on, no
claims; calls reported in the third person; offices in apposition; items laid out by labels ("Source:", "Quote:");
interviews; the Air Force's second count, a total and the day's part; bodies named by kind and place, in apposition, in
quotation marks; companies named by what they are; residents unnamed; shelling said to go on."""

import datetime

import pytest

from tests.importers.test_real_reporting import archive, claims_of, matcher  # noqa: F401 (fixtures)
from tests.importers.tree import claimant_name

TUESDAY = datetime.date(2025, 6, 17)  # Monday is the 16th


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
