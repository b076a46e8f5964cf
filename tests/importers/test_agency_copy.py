"""Forms of agency and newspaper copy written by someone who had not read the importer (the development articles u81–u90,
e81–e90): an agency's dateline, unnamed officials, the publisher relaying another's words, where a place lies, city
districts, a city's military administration, "Деталі", verbs of recording and refuting, an adverbial before a name in
apposition, "Про … повідомив X", "X reported this" after the lead, the month so far, a count's start years back, titles
of the same office, lists closed by "directions", a lead the body counts again, captions with no full stop, and shelling
spoken of as what goes on. Each in Ukrainian and in English where the form exists in both."""

import datetime
import json

import pytest

from reports.importers.analysis import SourceName, analyse, source_matcher
from reports.importers.attribution import marker
from reports.importers.boilerplate import is_boilerplate, without_dateline
from reports.importers.dates import find_occurrences
from reports.importers.events import habitual_attacks, reports_nothing
from reports.importers.regions import GazetteerEntry, RegionMatcher
from tests.importers.test_real_reporting import DATA, claims_of
from tests.importers.test_real_reporting import archive as real_archive  # noqa: F401 (a fixture)
from tests.importers.tree import Tree, claimant_name

UKRAINE, KHARKIV, KHERSON, ZAPORIZHZHIA, DONETSK, RUSSIA = 1, 2, 3, 4, 5, 6
ENTRIES = [
    (UKRAINE, "country", (), ("Ukraine", "Україна"), True),
    (RUSSIA, "country", (), ("Russia", "Росія"), True),
    (KHARKIV, "oblast", (1,), ("Kharkiv Oblast", "Харківська область", "Харківщина"), True),
    (KHERSON, "oblast", (1,), ("Kherson Oblast", "Херсонська область", "Херсонщина"), True),
    (ZAPORIZHZHIA, "oblast", (1,), ("Zaporizhzhia Oblast", "Запорізька область"), True),
    (DONETSK, "oblast", (1,), ("Donetsk Oblast", "Донецька область", "Donetsk region"), True),
    (7, "oblast", (6,), ("Belgorod Oblast", "Бєлгородська область", "Belgorod region"), True),
    (8, "oblast", (6,), ("Voronezh Oblast", "Воронезька область", "Voronezh region"), True),
    (10, "settlement", (1, 2), ("Kharkiv", "Харків", "Харкова"), True),
    (11, "city_district", (1, 2, 10), ("Kyivskyi", "Київський"), False),
    (20, "settlement", (1, 3), ("Kherson", "Херсон", "Херсона"), True),
    (21, "city_district", (1, 3, 20), ("Dniprovskyi", "Дніпровський"), False),
    (22, "raion", (1, 4), ("Dniprovskyi", "Дніпровський"), False),
    (30, "settlement", (1, 4), ("Zaporizhzhia", "Запоріжжя"), True),
    (31, "settlement", (1, 4), ("Zaporizhzhia", "Запоріжжя"), False),
    (32, "settlement", (1, 4), ("Mala Tokmachka", "Мала Токмачка"), False),
    (33, "area", (1, 4), ("Huliaipole direction", "Гуляйпільський напрямок", "Гуляйпільському напрямку"), True),
    (34, "area", (1, 4), ("Orikhiv direction", "Оріхівський напрямок", "Оріхівському напрямку"), True),
    (40, "special_city", (1,), ("Kyiv", "Київ"), True),
    (50, "settlement", (1, 5), ("Donetsk", "Донецьк"), True),
    (60, "settlement", (1, 2), ("Dnipro", "Дніпро"), True),
    (70, "oblast", (1,), ("Odesa Oblast", "Одеська область"), True),
    (71, "settlement", (1, 70), ("Chorna", "Чорна"), False),
]


@pytest.fixture(scope="module")
def matcher():
    return Tree(ENTRIES)


places = Tree.places


# The page


@pytest.mark.parametrize(
    ("lead", "opening"),
    [
        ("KYIV, Jan 25 (Reuters) - Russia pounded Ukraine's power grid overnight.", "Russia pounded"),
        ("SLOVIANSK, Ukraine (AP) — Russian drone strikes killed three civilians.", "Russian drone"),
        ("MOSCOW, May 26 (Reuters) - Russian air defence units destroyed 96 drones.", "Russian air"),
    ],
)
def test_an_agencys_dateline_is_blanked_with_the_offsets_kept(lead, opening):
    blanked = without_dateline(lead)
    assert len(blanked) == len(lead) and blanked.strip().startswith(opening) and blanked[blanked.index(opening) :] in lead


def test_a_sentence_is_no_dateline(matcher):
    assert without_dateline("Kyiv (the capital) - was attacked.") == "Kyiv (the capital) - was attacked."
    assert places(matcher, without_dateline("KYIV, Jan 25 (Reuters) - Drones hit Kharkiv.")) == ["Kharkiv"]


def test_the_datelines_place_and_day_are_not_the_articles(real_archive):  # noqa: F811
    lead = (
        "MOSCOW, May 26 (Reuters) - Russian air defence units destroyed 96 Ukrainian drones overnight, the Russian Defence "
        "Ministry said on Monday."
    )
    claims = claims_of(real_archive, "", lead=lead, language="en", published_on=datetime.date(2025, 5, 26))
    (claim,) = claims
    assert claim.claimant == "mod-russia" and not claim.quote.startswith("MOSCOW")
    assert (claim.occurred.start, claim.occurred.end) == (datetime.date(2025, 5, 25), datetime.date(2025, 5, 26))


def test_a_picture_agencys_credit_ends_a_caption():
    assert is_boilerplate("Rescuers search through the rubble in Kryvyi Rih. Getty Images")
    assert not is_boilerplate("Rescuers searched the rubble in Kryvyi Rih, the State Emergency Service said.")


def test_a_short_line_that_ends_no_sentence_does_not_go_on_with_the_report(real_archive):  # noqa: F811
    body = (
        "У столиці загинули четверо людей, повідомили в ДСНС.\nНа місці влучання працюють 40 рятувальників\n"
        "Пошкоджено 12 будинків."
    )
    quotes = [claim.quote for claim in claims_of(real_archive, body)]
    assert quotes == ["У столиці загинули четверо людей", "Пошкоджено 12 будинків"]


# Places


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Окупанти скинули дві авіабомби на Київський район Харкова.", ["Kharkiv", "Kyivskyi"]),
        ("A drone dropped explosives on a car in Kherson's Dniprovskyi district.", ["Kherson", "Dniprovskyi"]),
        ("Уночі дрон атакував зупинку в Дніпровському районі Херсона.", ["Dniprovskyi", "Kherson"]),
    ],
)
def test_a_city_district_with_its_kind_word_is_the_district_and_the_city_stays(matcher, text, expected):
    found = matcher.detect([text])
    assert sorted(matcher.first_names[region] for region in found.regions) == sorted(expected)
    assert 22 not in found.regions  # not the raion of another oblast that shares the adjective


def test_a_city_shared_with_a_village_is_the_city_even_after_a_preposition(matcher):
    text = "A missile hit the Oleksandrivskyi district of Zaporizhzhia; strikes also hit Mala Tokmachka in Zaporizhzhia Oblast."
    assert "Zaporizhzhia" in places(matcher, text) and 31 not in matcher.detect([text]).regions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Assault groups tried to advance on the Huliaipole and Orikhiv directions.",
            ["Huliaipole direction", "Orikhiv direction"],
        ),
        ("Drones were shot down over the Belgorod, Oryol and Voronezh regions.", ["Belgorod Oblast", "Voronezh Oblast"]),
    ],
)
def test_lists_closed_by_directions_and_lists_with_a_name_the_gazetteer_lacks(matcher, text, expected):
    assert places(matcher, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Donetsk regional Gov. Vadym Filashkin said two people were killed.",
        "Kyiv did not officially comment on the strike.",
        "Підрозділи угруповання «Дніпро» атакували позиції.",
    ],
)
def test_a_city_before_regional_kyiv_as_the_government_and_a_quoted_name_are_not_places(matcher, text):
    assert places(matcher, text) == []


# Speakers


@pytest.mark.parametrize(
    ("body", "language", "publisher"),
    [
        ("Two people were killed in Kryvyi Rih on 24 June, Ukrainian officials said at the time.", "en", "bbc"),
        ("Last week, local authorities announced the mandatory evacuation of 40 families.", "en", "kyiv-independent"),
        ("Евакуацію 40 родин оголосила місцева влада, повідомили посадовці.", "uk", "unn"),
    ],
)
def test_unnamed_officials_and_authorities_are_the_publishers(real_archive, body, language, publisher):  # noqa: F811
    (claim,) = claims_of(real_archive, body, language=language, publisher=publisher, published_on=datetime.date(2026, 7, 22))
    assert claim.claimant == publisher


def test_a_week_the_sentence_opens_with_dates_what_was_said(real_archive):  # noqa: F811
    body = "Last week, local authorities announced the mandatory evacuation of 40 families."
    (claim,) = claims_of(real_archive, body, language="en", publisher="kyiv-independent", published_on=datetime.date(2026, 7, 22))
    assert (claim.occurred.start, claim.occurred.end, claim.occurred.precision) == (
        datetime.date(2026, 7, 13), datetime.date(2026, 7, 19), "week"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("body", "language", "claimant"),
    [
        (
            "Від початку доби на фронті зафіксовано 138 бойових зіткнень, йдеться у вечірньому зведенні Генерального "
            "штабу ЗСУ, передає УНН.",
            "uk",
            "general-staff-afu",
        ),
        ('"The enemy advanced near Yampil," DeepState wrote on Telegram on Friday morning, UNN reports.', "en", "deepstate"),
    ],
)
def test_the_publisher_relaying_anothers_words_is_read_past(real_archive, body, language, claimant):  # noqa: F811
    (claim,) = claims_of(real_archive, body, language=language)
    assert claim.claimant == claimant


@pytest.mark.parametrize(
    ("body", "language", "name"),
    [
        (
            "Separately, the spokesperson for the Southern Defense Forces, Vladyslav Voloshyn, said on the telethon on "
            "Tuesday that Russian assault groups had tried to advance eight times.",
            "en",
            "Vladyslav Voloshyn",
        ),
        (
            "Speaking on national television on Tuesday, Viktor Trehubov, spokesperson for the Joint Forces Task Force, "
            "said Russian infiltration groups were still present in 12 buildings.",
            "en",
            "Viktor Trehubov",
        ),
        (
            "Тим часом губернатор Курської області Олександр Хінштейн у середу стверджував, що дрони атакували автомобіль.",
            "uk",
            "Олександр Хінштейн",
        ),
    ],
)
def test_an_adverbial_before_a_name_in_apposition_or_a_title(real_archive, body, language, name):  # noqa: F811
    (claim,) = claims_of(real_archive, body, language=language, published_on=datetime.date(2024, 12, 4))
    assert claimant_name(claim) == name


def test_that_after_where_it_was_said_starts_the_claim_and_the_day_said_dates_it(real_archive):  # noqa: F811
    body = "Vladyslav Voloshyn said on the telethon on Tuesday that Russian assault groups had tried to advance eight times."
    (claim,) = claims_of(real_archive, body, language="en", published_on=datetime.date(2024, 12, 4))
    assert claim.quote.startswith("Russian assault groups") and claim.occurred.start == datetime.date(2024, 12, 3)


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        ("As of 16:00, the General Staff recorded 24 Russian attacks on the Lyman direction.", "general-staff-afu"),
        ("Напередодні Міноборони Росії відзвітувало про захоплення трьох населених пунктів.", "mod-russia"),
        ("Аналітики ISW вважають, що ворог просунувся.\nМіноборони Росії звітувало про захоплення 3 сіл.", "mod-russia"),
    ],
)
def test_verbs_of_recording_and_reporting_back(real_archive, body, claimant):  # noqa: F811
    language = "en" if body.isascii() else "uk"
    claim = claims_of(real_archive, body, language=language)[-1]
    assert claim.claimant == claimant


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "За даними Херсонської міської військової адміністрації, уночі дрон скинув вибухівку на зупинку.",
            "Херсонська міська військова адміністрація",
        ),
        ("Загинув 67-річний чоловік, повідомили в ГУНП у Харківській області.", "ГУНП у Харківській області"),
        ("У столиці загинули четверо людей, повідомили в ДСКП станом на 09:00.", "ДСКП"),
    ],
)
def test_a_citys_administration_and_offices_by_abbreviation(real_archive, body, name):  # noqa: F811
    (claim,) = claims_of(real_archive, body)
    assert claimant_name(claim) == name


def test_meanwhile_the_regional_administration_in_a_city(real_archive):  # noqa: F811
    body = "Meanwhile, the regional military administration in Sumy said on Wednesday that a guided bomb had damaged a hospital."
    (claim,) = claims_of(real_archive, body, language="en", published_on=datetime.date(2025, 7, 10))
    assert claimant_name(claim) == "Sumy Regional Military Administration"


def test_a_title_of_the_same_office_is_the_speaker_named_before(real_archive):  # noqa: F811
    body = (
        "Окупанти 20 разів обстріляли Нікопольський район, повідомив голова Дніпропетровської ОВА Сергій Лисак.\n"
        "У Марганці поранено 54-річного чоловіка, додав очільник області."
    )
    claims = claims_of(real_archive, body)
    assert [claimant_name(claim) for claim in claims] == ["Сергій Лисак", "Сергій Лисак"]


def test_what_was_said_then_who_said_it(real_archive):  # noqa: F811
    body = "Про повну втрату зовнішнього живлення станції в ніч на 10 лютого повідомив гендиректор МАГАТЕ Рафаель Гроссі."
    (claim,) = claims_of(real_archive, body, published_on=datetime.date(2026, 2, 11))
    assert claim.quote.startswith("повну втрату") and claimant_name(claim) == "Рафаель Гроссі"


def test_the_body_saying_who_reported_the_lead(real_archive):  # noqa: F811
    lead = "Over the past 24 hours, Russian troops carried out 418 strikes on 12 settlements in the Zaporizhzhia region."
    body = "Ivan Fedorov, head of the Zaporizhzhia Regional Military Administration, reported this on Telegram."
    claims = claims_of(real_archive, body, lead=lead, language="en", publisher="ukrinform")
    (claim,) = claims
    assert claim.in_lead and claimant_name(claim) == "Ivan Fedorov" and "418 strikes" in claim.quote


def test_told_reporters_that(real_archive):  # noqa: F811
    body = (
        'Kremlin spokesman Dmitry Peskov told reporters in Moscow that the offensive would go on "until all goals are achieved."'
    )
    (claim,) = claims_of(real_archive, body, language="en")
    assert claim.quote.startswith("the offensive") and claimant_name(claim) == "Dmitry Peskov"


def test_a_lead_the_body_counts_again_is_one_claim(real_archive):  # noqa: F811
    lead = "At least 219 civilians were killed across Ukraine in June, according to UN human rights monitors."
    body = "The UN Human Rights Monitoring Mission in Ukraine (HRMMU) said that at least 219 civilians were killed in June."
    claims = claims_of(real_archive, body, lead=lead, language="en", publisher="bbc")
    assert [claim.in_lead for claim in claims] == [False]


def test_details_go_on_with_the_report_what_we_know_does_not(real_archive):  # noqa: F811
    assert marker("Деталі") == "details" and marker("Що відомо") == "section"
    body = (
        "Від початку доби відбулося 138 боєзіткнень, йдеться у зведенні Генштабу.\nДеталі\n"
        "На Покровському напрямку окупанти 41 раз атакували."
    )
    claims = claims_of(real_archive, body)
    assert [claim.claimant for claim in claims] == ["general-staff-afu", "general-staff-afu"]


# Dates


def test_since_the_start_of_the_month_is_the_month_so_far():
    for text in (
        "Since the start of the month, the enemy has occupied 187 square kilometers.",
        "з початку місяця росіяни окупували",
    ):
        (found,) = find_occurrences(text, datetime.date(2026, 11, 20), "en" if text.isascii() else "uk")
        assert (found.start, found.end, found.precision) == (
            datetime.date(2026, 11, 1),
            datetime.date(2026, 11, 20),
            "approximate",
        )


def test_as_of_an_hour_written_the_english_way():
    for text in ("Power cuts were in place as of 10 a.m. local time.", "Power cuts were in place as of noon."):
        (found,) = find_occurrences(text, datetime.date(2026, 1, 25), "en")
        assert (found.start, found.end) == (datetime.date(2026, 1, 25), datetime.date(2026, 1, 25))


def test_a_counts_start_years_back_does_not_date_the_event(real_archive):  # noqa: F811
    body = "За словами Гроссі, це одинадцятий блекаут на ЗАЕС із лютого 2022 року, повідомили в МАГАТЕ."
    (claim,) = claims_of(real_archive, body, published_on=datetime.date(2026, 2, 11))
    assert claim.occurred is None
    body = "Since the beginning of January, Russia has launched more than 4,000 drones, Zelensky said."
    (claim,) = claims_of(real_archive, body, language="en", published_on=datetime.date(2026, 1, 25))
    assert claim.occurred.start == datetime.date(2026, 1, 1)


# Not claims


@pytest.mark.parametrize(
    "words",
    [
        "Both villages lie on the approaches to Lyman from the north-east.",
        "Станція розташована на лівому березі Дніпра, навпроти Нікополя.",
        "Kryvyi Rih is the hometown of President Volodymyr Zelensky.",
    ],
)
def test_where_a_place_lies_is_no_claim(words):
    assert reports_nothing(words)


def test_where_a_place_lies_with_a_number_or_a_place_in_ruins_is_still_read():
    assert not reports_nothing("Russian troops are located 3 kilometers from the village.")
    assert not reports_nothing("The village lies in ruins after the strike.")


@pytest.mark.parametrize(
    ("words", "habitual"),
    [
        ("Нікополь та навколишні громади обстрілюють з лівого берега Дніпра.", True),
        ("Обстріли правобережжя ведуться з окупованих Олешок.", True),
        ("Now the drones fly over the market every morning.", True),
        ("Окупанти 12 разів обстрілюють громаду щодоби.", False),
        ("Уночі окупанти обстріляли Нікополь.", False),
    ],
)
def test_shelling_spoken_of_as_what_goes_on_is_background(words, habitual):
    assert habitual_attacks(words) is habitual


def test_control_of_a_place_is_a_claim_a_vague_state_is_not():
    assert not reports_nothing("Селище залишається під контролем українських військ.")
    assert reports_nothing("Ситуація залишається під контролем.")


# The third writer's articles (u91–u100, e91–e100)


def test_since_a_day_runs_to_the_articles_day_and_the_week_so_far(real_archive):  # noqa: F811
    body = "Since April 1, 412 people have been evacuated from the city, the Kherson regional military administration said."
    (claim,) = claims_of(real_archive, body, language="en", published_on=datetime.date(2026, 4, 28))
    assert (claim.occurred.start, claim.occurred.end) == (datetime.date(2026, 4, 1), datetime.date(2026, 4, 28))
    (found,) = find_occurrences("з початку тижня росіяни втратили", datetime.date(2025, 6, 7), "uk")
    assert (found.start, found.end, found.precision) == (datetime.date(2025, 6, 2), datetime.date(2025, 6, 7), "approximate")


def test_a_range_from_one_day_to_another_is_kept(real_archive):  # noqa: F811
    body = "Від 1 до 11 січня росіяни захопили 74 квадратні кілометри, підрахували аналітики DeepState."
    (claim,) = claims_of(real_archive, body, published_on=datetime.date(2026, 1, 15))
    assert (claim.occurred.start, claim.occurred.end) == (datetime.date(2026, 1, 1), datetime.date(2026, 1, 11))


def test_a_total_since_the_invasion_began_is_undated(real_archive):  # noqa: F811
    body = (
        "Russia has lost around 781,260 troops since the beginning of its full-scale invasion on Feb. 24, 2022, "
        "according to the General Staff."
    )
    (claim,) = claims_of(real_archive, body, language="en", published_on=datetime.date(2024, 12, 30))
    assert claim.occurred is None


def test_an_english_list_closed_by_districts_names_the_raions():
    entries = [
        (1, "country", (), ("Ukraine", "Україна"), True),
        (2, "oblast", (1,), ("Sumy Oblast", "Сумська область"), True),
        (3, "settlement", (1, 2), ("Sumy", "Суми"), True),
        (4, "raion", (1, 2), ("Sumskyi", "Сумський"), False),
        (5, "raion", (1, 2), ("Shostkynskyi", "Шосткинський"), False),
        (6, "hromada", (1, 2, 5), ("Shostkynska", "Шосткинська"), False),
        (7, "settlement", (1, 2, 5, 6), ("Shostka", "Шостка"), True),
    ]
    matcher = RegionMatcher(GazetteerEntry(*entry) for entry in entries)
    found = matcher.detect(["Groups tried to cross the border, mostly in the Shostka and Sumy districts."]).regions
    assert sorted(found) == [4, 5]
    assert matcher.detect(["Обстріляли Шостку та Шосткинську громаду."]).regions == (7, 6)


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv's forces withdrew from the area in the spring.",
        "Russia says it captured two villages; Kyiv disputes one claim.",
        "Ворог атакував судна в Чорному морі біля узбережжя Одеської області.",
    ],
)
def test_a_capitals_forces_a_capital_that_disputes_and_the_sea_are_not_places(matcher, text):
    assert {"Kyiv", "Chorna"}.isdisjoint(places(matcher, text))


def test_a_contributor_from_a_city_is_furniture():
    assert is_boilerplate("AP writer Vasyl Oliinyk contributed from Kyiv")


def test_the_titles_cited_surname_is_the_person_named_in_full(real_archive):  # noqa: F811
    regions, _shared = real_archive
    known = json.loads((DATA / "sources.json").read_text())
    sources = source_matcher([SourceName(s["slug"], (s["name"], s.get("short_name", ""), *s.get("aliases", []))) for s in known])
    body = (
        "Про це повідомив начальник Запорізької ОВА Іван Федоров у Telegram, передає УНН.\n"
        '"Кількість постраждалих зросла до 17 людей", – написав Федоров.'
    )
    lead = "Внаслідок удару по Запоріжжю пошкоджено дев'ять будинків."
    sources.add("Федоров", "cited-fedorov")
    claims = analyse(
        title="", lead=lead, body=body, published_on=datetime.date(2024, 11, 12), language="uk", publisher="unn",
        cited=["cited-fedorov"], regions=regions, sources=sources,
    ).claims  # fmt: skip
    assert [claimant_name(claim) for claim in claims] == ["Іван Федоров", "Іван Федоров"]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "У ДТЕК Дніпровські електромережі повідомили, що без світла залишилися 4 тисячі родин.",
            "ДТЕК Дніпровські електромережі",
        ),
        ("Як повідомили в ГУ Нацполіції в Харківській області, поранено двох жінок.", "ГУ Нацполіції в Харківській області"),
        ("Водночас, як зауважив речник Сил оборони півдня Владислав Волошин, ворог 12 разів штурмував.", "Владислав Волошин"),
    ],
)
def test_a_companys_abbreviation_with_its_words_and_remarks_in_the_middle(real_archive, body, name):  # noqa: F811
    (claim,) = claims_of(real_archive, body)
    assert claimant_name(claim) == name


def test_asking_readers_to_become_members_is_no_claim():
    assert reports_nothing("Help us keep going — become a member of the Kyiv Independent today.")


# The fourth writer's articles (u101–u110, e101–e110)


def test_a_name_and_title_before_has_reported(real_archive):  # noqa: F811
    body = (
        "Russian forces attacked the Nikopol district more than 20 times on 18 May, Serhii Lysak, Head of "
        "Dnipropetrovsk Oblast Military Administration, has reported."
    )
    (claim,) = claims_of(real_archive, body, language="en", published_on=datetime.date(2025, 5, 19))
    assert claimant_name(claim) == "Serhii Lysak"


def test_since_the_start_of_the_articles_year_is_the_year_so_far():
    (found,) = find_occurrences("це вже п'ятий такий випадок з початку 2026 року", datetime.date(2026, 5, 12), "uk")
    assert (found.start, found.end, found.precision) == (datetime.date(2026, 1, 1), datetime.date(2026, 5, 12), "approximate")


def test_an_abbreviation_ending_in_s_is_no_since(real_archive):  # noqa: F811
    body = "Нагадаємо, російські війська захопили ЗАЕС у березні 2022 року."
    (claim,) = claims_of(real_archive, body, published_on=datetime.date(2026, 5, 12))
    assert (claim.occurred.start, claim.occurred.precision) == (datetime.date(2022, 3, 1), "month")


def test_over_the_summer_is_the_season():
    (found,) = find_occurrences("Russia lost 200 armoured vehicles over the summer.", datetime.date(2025, 9, 10), "en")
    assert (found.start, found.end, found.precision) == (datetime.date(2025, 6, 1), datetime.date(2025, 8, 31), "season")
    assert find_occurrences("Russia prepared a summer offensive.", datetime.date(2025, 9, 10), "en") == []


def test_a_month_named_with_the_speaker_dates_what_it_recorded(real_archive):  # noqa: F811
    body = "Моніторингова місія ООН з прав людини в Україні зафіксувала у серпні щонайменше 168 загиблих."
    (claim,) = claims_of(real_archive, body, published_on=datetime.date(2026, 9, 10))
    assert (claim.occurred.start, claim.occurred.end) == (datetime.date(2026, 8, 1), datetime.date(2026, 8, 31))
