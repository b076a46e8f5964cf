"""Forms of the tenth development round (articles u111–u120, e111–e120, by writers who had not read the importer): a
speaker named after the claim with their office in apposition, a passive that names no speaker, a report that goes on
after a semicolon, ", and that", or in a sentence that says only what happened to people or buildings, a source named
between two commas, "Таку оцінку оприлюднило …", a body whose name sits in quotation marks, the publisher's own earlier
reporting, local media, a company or a service named again by that word, and sentences that say nothing is known yet
or that a source does not disclose. Each in Ukrainian and in English where the form exists in both."""

import datetime

import pytest

from reports.importers.analysis import analyse
from reports.importers.dates import find_occurrences
from reports.importers.morphology import person_nominative
from tests.importers.test_real_reporting import archive, claims_of, matcher  # noqa: F401 (fixtures)
from tests.importers.tree import Tree, claimant_name


def said(archive, body, language="en", publisher="unn"):  # noqa: F811
    return [(claimant_name(claim), claim.quote) for claim in claims_of(archive, body, language=language, publisher=publisher)]


@pytest.mark.parametrize(
    ("body", "name", "quote"),
    [
        ("Russia attacked Kyiv with cruise missiles and drones early on Friday, according to Tymur Tkachenko, head of the "
         "Kyiv City Military Administration.", "Tymur Tkachenko", "Russia attacked Kyiv with cruise missiles and drones"),
        ("In Kyiv, debris from a downed drone fell in the Holosiivskyi district, said Tymur Tkachenko, head of the city "
         "military administration.", "Tymur Tkachenko", "In Kyiv, debris from a downed drone fell"),
        ("Russian drones have killed at least 14 civilians in Kherson since the start of the month, according to Roman "
         "Mrochko, who heads the city's military administration.", "Roman Mrochko", "Russian drones have killed"),
        ("Russian forces pushed north-east of Dobropillia over the weekend, according to the DeepState map, which is "
         "close to Ukraine's military.", "deepstate", "Russian forces pushed north-east of Dobropillia"),
        ("Пошкоджено також об’єкти генерації в Одеській області, повідомив Олег Кіпер, голова Одеської ОВА.", "Олег Кіпер",
         "Пошкоджено також об’єкти генерації"),
    ],
)  # fmt: skip
def test_a_name_with_its_office_in_apposition_after_the_claim_is_the_speaker(archive, body, name, quote):  # noqa: F811
    language = "uk" if "Кіпер" in body else "en"
    ((speaker, words),) = said(archive, body, language)
    assert speaker == name and words.startswith(quote)


def test_places_listed_before_the_speaker_are_not_a_speaker(archive):  # noqa: F811
    body = (
        "Протягом минулої доби окупанти завдали 412 ударів по 11 населених пунктах, зокрема по Оріхову, Малій Токмачці "
        "та Степногірську, додав Іван Федоров."
    )
    ((speaker, _words),) = said(archive, body, "uk")
    assert speaker == "Іван Федоров"


@pytest.mark.parametrize(
    ("body", "language", "second", "number"),
    [
        ("Russia launched 112 drones overnight, the Air Force said. Hits were recorded at 17 locations.", "en",
         "Hits were recorded at 17 locations", 2),
        # (The second sentence's two counts, "while hits were recorded at nine locations", are two claims.)
        ("Russia launched 112 drones overnight, the Air Force said. Air defense downed 87 drones, while hits were "
         "recorded at nine locations.", "en", "Air defense downed 87 drones", 3),
    ],
)  # fmt: skip
def test_a_passive_names_no_speaker_and_the_report_goes_on(archive, body, language, second, number):  # noqa: F811
    claims = said(archive, body, language)
    assert [speaker for speaker, _words in claims] == ["air-force-ukraine"] * number
    assert claims[1][1].startswith(second)


@pytest.mark.parametrize(
    ("body", "language", "parts"),
    [
        ("In total, the enemy launched 93 Shahed-type drones overnight, the Air Force reported; 62 of them were shot down "
         "or suppressed.", "en", ["the enemy launched 93 Shahed-type drones overnight", "62 of them were shot down"]),
        ("Ukraine's Air Force said Russia launched 88 Shahed-type drones during the night, and that 61 of the drones were "
         "downed or jammed.", "en", ["Russia launched 88 Shahed-type drones", "61 of the drones were downed"]),
        ("Повітряні сили повідомили, що росіяни запустили 88 дронів, і що 61 з них збили або подавили.", "uk",
         ["росіяни запустили 88 дронів", "61 з них збили"]),
    ],
)  # fmt: skip
def test_a_report_after_a_semicolon_or_and_that_is_a_second_claim_of_the_same_speaker(archive, body, language, parts):  # noqa: F811
    claims = said(archive, body, language)
    assert [speaker for speaker, _words in claims] == ["air-force-ukraine"] * len(parts)
    assert all(part in words for part, (_speaker, words) in zip(parts, claims, strict=True))


@pytest.mark.parametrize(
    ("body", "language", "name"),
    [
        ("Russian forces struck the Nikopol district more than 20 times, acting regional governor Vladyslav Haivanenko "
         "said. A 48-year-old man was injured.", "en", "Vladyslav Haivanenko"),
        ("Сьогодні вранці росіяни скинули дві авіабомби на Запоріжжя, повідомив Іван Федоров. Поранено літнього чоловіка.",
         "uk", "Іван Федоров"),
    ],
)  # fmt: skip
def test_a_report_goes_on_in_a_sentence_that_says_only_what_happened_to_people(archive, body, language, name):  # noqa: F811
    assert [speaker for speaker, _words in said(archive, body, language)] == [name, name]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Основною ціллю, за словами речника Повітряних сил Юрія Ігната, була енергетична інфраструктура в центральних "
         "областях.", "Юрій Ігнат"),
        ("Уночі росіяни атакували Харків, повідомив Олег Синєгубов. Загалом за минулу добу, за словами посадовця, ворог "
         "завдав 40 ударів по області.", "Олег Синєгубов"),
    ],
)  # fmt: skip
def test_a_source_named_between_two_commas_speaks_the_whole_sentence(archive, body, name):  # noqa: F811
    claims = said(archive, body, "uk")
    assert claims[-1][0] == name
    assert claims[-1][1].startswith(("Основною ціллю", "Загалом за минулу добу"))


def test_the_estimate_was_published_by_names_who_said_the_sentence_before(archive):  # noqa: F811
    body = (
        "Середньодобові втрати російської армії у вересні сягнули 1 271 особи. Таку оцінку оприлюднило Міністерство "
        "оборони Великої Британії."
    )
    assert said(archive, body, "uk") == [("uk-mod", "Середньодобові втрати російської армії у вересні сягнули 1 271 особи")]


@pytest.mark.parametrize(
    ("body", "language", "name"),
    [
        ("Речник Кремля Дмитро Пєсков заперечив, що Москва проводить приховану мобілізацію для поповнення 50 тисяч втрат.",
         "uk", "Дмитро Пєсков"),
        ("Yevgeny Balitsky, the Moscow-installed governor of the occupied part of the Zaporizhzhia region, blamed Ukrainian "
         "forces for the strike on the training center in Enerhodar.", "en", "Yevgeny Balitsky"),
        ("Голова правління «Нафтогазу» Сергій Корецький заявив, що минулого тижня дрони двічі атакували газовидобувні "
         "об’єкти компанії.", "uk", "Сергій Корецький"),
        ("Теплопостачання на лівому березі частково припинено через пошкодження ТЕЦ, повідомили в «Київтеплоенерго».", "uk",
         "Київтеплоенерго"),
        ("A drone struck the roof of a training center outside the perimeter of the plant, the UN nuclear watchdog said "
         "Thursday, warning of growing danger.", "en", "iaea"),
    ],
)  # fmt: skip
def test_denials_blame_quoted_names_and_abbreviations_with_full_stops(archive, body, language, name):  # noqa: F811
    ((speaker, _words),) = said(archive, body, language)
    assert speaker == name


@pytest.mark.parametrize(
    ("body", "language", "publisher"),
    [
        ("Navy spokesman Dmytro Pletenchuk said one Russian missile carrier remained on duty in the Black Sea. Over the "
         "weekend, drones also attacked the Bilhorod-Dnistrovskyi district, damaging a bridge, UNN reported earlier.", "en",
         "unn"),
        ("Речник Сил оборони півдня Владислав Волошин сказав, що ворог 12 разів штурмував позиції. Раніше УНН писало, що на "
         "початку липня російські війська активізували штурми Костянтинівки.", "uk", "unn"),
        ("Russia's Defence Ministry said its forces had hit workshops in Kharkiv. Reuters could not verify either account. "
         "Russian forces opened a new push in the north of the region in May 2024, advancing on Vovchansk.", "en",
         "reuters"),
        ("Zaporizhzhia regional Gov. Ivan Fedorov said shelling damaged several homes in Orikhiv.\nRussian troops seized the "
         "plant in early March 2022. A fire damaged one of its cooling towers on Aug. 11.", "en", "associated-press"),
    ],
)  # fmt: skip
def test_the_publishers_own_reporting_is_the_publishers_not_the_last_speakers(archive, body, language, publisher):  # noqa: F811
    claims = said(archive, body, language, publisher)
    assert len(claims) >= 2 and claims[0][0] != publisher
    assert all(speaker == publisher for speaker, _words in claims[1:])


@pytest.mark.parametrize(
    ("body", "language", "speakers"),
    [
        ("Local media reported explosions near the Burshtyn thermal power plant overnight.", "en", ["unn"]),
        ("У ніч на 8 листопада росіяни атакували Україну 458 дронами, повідомили Повітряні сили ЗСУ. За їхніми даними, сили "
         "протиповітряної оборони збили 406 дронів.", "uk", ["air-force-ukraine", "air-force-ukraine"]),
        ("Ukrenergo said the strikes targeted facilities in eight regions. As of 10:00, emergency outages were in effect in "
         "most regions, the company added.", "en", ["ukrenergo", "ukrenergo"]),
        ("Через атаку застосовуються графіки відключень у 12 областях, повідомили в Укренерго. Станом на 10:00 без світла "
         "залишалися понад 200 тисяч споживачів, додали в компанії.", "uk", ["ukrenergo", "ukrenergo"]),
    ],
)  # fmt: skip
def test_local_media_their_data_and_the_company_named_again(archive, body, language, speakers):  # noqa: F811
    assert [speaker for speaker, _words in said(archive, body, language)] == speakers


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Уночі дрони атакували Київ, повідомили в ДТЕК. ДТЕК не розкриває, які станції постраждали цього разу.", "uk"),
        ("Уночі дрони атакували Нікополь, загинула жінка, повідомив Сергій Лисак. Інформації про інших постраждалих наразі "
         "немає.", "uk"),
        ("Ukrenergo said drones hit a substation in Kharkiv overnight. It declined to say how many people were hurt.",
         "en"),
    ],
)  # fmt: skip
def test_that_nothing_more_is_known_or_disclosed_is_no_claim(archive, body, language):  # noqa: F811
    assert len(said(archive, body, language)) == 1


def test_the_second_part_of_a_sentence_takes_the_night_the_first_part_names(archive):  # noqa: F811
    for body in (
        "In total, the enemy launched 93 Shahed-type drones overnight, the Air Force reported; 62 of them were shot down.",
        "Ukraine's Air Force said Russia launched 88 drones during the night, and that 61 of the drones were downed.",
    ):
        first, second = claims_of(archive, body, language="en")
        assert first.occurred is not None and second.occurred == first.occurred


def test_a_lead_the_body_says_was_reported_by_a_source_is_that_sources(archive):  # noqa: F811
    regions, sources = archive
    claims = analyse(
        title="", lead="Over the past day, 187 combat engagements took place along the front line.",
        body="This was reported by the General Staff of the Armed Forces of Ukraine in its update as of 08:00 on Monday.\n"
             "In the Kupiansk direction, Ukrainian troops repelled 11 attacks, the General Staff said.",
        published_on=datetime.date(2024, 11, 18), language="en", publisher="ukrinform", cited=(), regions=regions,
        sources=sources,
    ).claims  # fmt: skip
    assert [(claim.in_lead, claimant_name(claim)) for claim in claims] == [
        (True, "general-staff-afu"),
        (False, "general-staff-afu"),
    ]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Також, за інформацією Нацполіції, снаряд влучив у подвір’я в селі, люди не постраждали.", "Нацполіція"),
        ("В Укрзалізниці повідомили, що внаслідок удару пошкоджено вокзал і два вагони.", "Укрзалізниця"),
    ],
)
def test_a_body_named_in_another_case_after_its_preposition_is_named_in_the_nominative(archive, body, name):  # noqa: F811
    ((speaker, _words),) = said(archive, body, "uk")
    assert speaker == name


def test_an_office_named_alone_is_the_office_named_before_not_one_of_an_oblast_the_sentence_names(archive):  # noqa: F811
    body = (
        "Протягом минулої доби росіяни 112 разів обстріляли прикордонні громади, повідомили в Сумській обласній військовій "
        "адміністрації.\nЗа даними ОВА, більшість обстрілів велися з території Курської області."
    )
    assert [speaker for speaker, _words in said(archive, body, "uk")] == ["Сумська обласна військова адміністрація"] * 2


@pytest.mark.parametrize(
    ("text", "language", "start", "end"),
    [
        ("It recorded 64 civilians killed between January and June.", "en", "2024-01-01", "2024-06-30"),
        ("Attacks on the city grew from March to May 2024.", "en", "2024-03-01", "2024-05-31"),
        ("З січня по червень загинули 200 цивільних.", "uk", "2024-01-01", "2024-06-30"),
        ("The mission counted 900 casualties between November and February.", "en", "2023-11-01", "2024-02-29"),
    ],
)
def test_a_range_of_months_is_the_months_from_the_first_to_the_last(text, language, start, end):
    (found,) = find_occurrences(text, datetime.date(2024, 7, 27), language)
    assert (found.start.isoformat(), found.end.isoformat(), found.precision) == (start, end, "month")


@pytest.mark.parametrize(
    ("name", "genitive", "nominative"),
    [
        ("Андрія Садового", False, "Андрій Садовий"),
        ("Олега Синєгубова", False, "Олег Синєгубов"),
        ("Дмитра Лиховія", False, "Дмитро Лиховій"),
        ("Олени Петрової", False, "Олена Петрова"),
        ("Рафаеля Гроссі", False, "Рафаель Гроссі"),
        ("Віталія Кіма", True, "Віталій Кім"),
        ("Олександра Прокудіна", True, "Олександр Прокудін"),
        ("Олександра Прокудіна", False, "Олександра Прокудіна"),  # a woman's name in the nominative too: left as written
        ("Олег Кіпер", False, "Олег Кіпер"),
        ("Ірина Верещук", True, "Ірина Верещук"),
    ],
)
def test_a_persons_name_in_the_genitive_is_suggested_in_the_nominative(name, genitive, nominative):
    assert person_nominative(name, genitive) == nominative


def test_a_speaker_after_za_slovamy_is_named_in_the_nominative(archive):  # noqa: F811
    body = "За словами начальника Миколаївської ОВА Віталія Кіма, росіяни обстріляли Очаківську громаду, пошкоджено ЛЕП."
    ((speaker, _words),) = said(archive, body, "uk")
    assert speaker == "Віталій Кім"


def test_about_this_with_when_before_the_verb_names_who_reported_the_sentence_before(archive):  # noqa: F811
    body = (
        "Протягом минулої доби росіяни понад двадцять разів атакували Нікопольський район. Про це в четвер зранку "
        "повідомив голова Дніпропетровської ОВА Сергій Лисак."
    )
    assert [speaker for speaker, _words in said(archive, body, "uk")] == ["Сергій Лисак"]


@pytest.mark.parametrize(
    "second",
    [
        "Пізніше Лисак повідомив, що близько 17:00 окупанти знову вдарили по місту.",
        "Згодом очільник ОВА уточнив, що кількість поранених зросла до шести.",
    ],
)
def test_a_word_of_when_before_a_surname_or_a_title_is_not_part_of_the_speaker(archive, second):  # noqa: F811
    body = f"Росіяни вдарили ракетою по Нікополю, повідомив начальник обласної військової адміністрації Сергій Лисак. {second}"
    assert [speaker for speaker, _words in said(archive, body, "uk")] == ["Сергій Лисак", "Сергій Лисак"]


def test_a_quotation_of_more_than_two_sentences_gives_each_sentence_that_states_something(archive):  # noqa: F811
    body = (
        "«Ракетний удар по місту. Попередньо — четверо поранених, серед них дитина. Вибито вікна у трьох "
        "п'ятиповерхівках. Всі служби на місцях», — написав Олександр Вілкул."
    )
    quotes = [words for _speaker, words in said(archive, body, "uk")]
    assert quotes == [
        "Ракетний удар по місту",
        "Попередньо — четверо поранених, серед них дитина",
        "Вибито вікна у трьох п'ятиповерхівках",
    ]


def test_a_place_of_two_words_before_the_verb_is_no_speaker(archive):  # noqa: F811
    body = (
        "Russia struck Kostiantynivka with a ballistic missile overnight, injuring seven people and damaging a plant in "
        "the city, said Oleksandr Vilkul, head of the city's defense council."
    )
    regions, sources = archive
    places = Tree([(1, "country", (), ("Ukraine",), True), (2, "settlement", (1,), ("Kryvyi Rih", "Кривий Ріг"), True)])
    claims = claims_of((places, sources), body.replace("Kostiantynivka", "Kryvyi Rih"), language="en")
    assert [claimant_name(claim) for claim in claims] == ["Oleksandr Vilkul"]


def test_a_live_pages_time_of_update_opens_no_speaker(archive):  # noqa: F811
    body = (
        "10:40 — Russia launched 54 drones at Ukraine overnight, the Air Force said.\n"
        "13:05 — Mykolaiv Mayor Oleksandr Senkevych said a drone struck port infrastructure in the city overnight."
    )
    claims = said(archive, body)
    assert [speaker for speaker, _words in claims] == ["air-force-ukraine", "Oleksandr Senkevych"]
    assert not any(words.startswith(("10:40", "13:05")) for _speaker, words in claims)


@pytest.mark.parametrize(
    ("body", "speakers"),
    [
        ("За минулу добу росіяни 97 разів обстріляли прикордонні громади, зафіксовано 214 вибухів. Про це йдеться у "
         "ранковому повідомленні Сумської обласної військової адміністрації. У Білопільській громаді дрон атакував "
         "вантажівку, поранено водія.", ["Сумська обласна військова адміністрація"] * 2),
        ("В ISW зазначили, що росіяни просунулися на 2 кілометри. Аналітики DeepState станом на ранок 15 липня позначають "
         "населений пункт як підконтрольний ЗСУ.", ["isw", "deepstate"]),
        ("Генштаб ЗСУ у зведенні на 08:00 повідомив, що за минулу добу ворог 11 разів атакував на Сіверському напрямку.",
         ["general-staff-afu"]),
        ("Британська розвідка оцінила, що в червні Росія втрачала в середньому 150 військових на добу.", ["uk-mod"]),
    ],
)  # fmt: skip
def test_an_offices_report_a_source_opening_the_sentence_a_time_said_and_an_estimate(archive, body, speakers):  # noqa: F811
    assert [speaker for speaker, _words in said(archive, body, "uk")] == speakers


@pytest.mark.parametrize(
    ("body", "language", "quotes"),
    [
        ('"This is yet another attempt to disrupt our grain corridor," Navy spokesman Dmytro Pletenchuk said. Since the '
         "start of the month, he said, Russian forces have damaged four civilian vessels in the ports.", "en", 1),
        ('"We need more Patriot systems, and we need them now," Zelensky said after a Russian missile hit Kharkiv.', "en", 0),
        ("«Ворог знову бив по генерації та підстанціях», — сказав Юрій Ігнат.", "uk", 1),
    ],
)  # fmt: skip
def test_words_in_quotation_marks_that_state_nothing_of_the_war_are_an_opinion(archive, body, language, quotes):  # noqa: F811
    assert len(said(archive, body, language)) == quotes


@pytest.mark.parametrize(
    ("body", "language", "speakers"),
    [
        ("Overnight, Russian drones attacked the Izmail district, damaging a warehouse, the Ukrainian Sea Ports Authority "
         "reported. The authority said no one was hurt there.", "en", ["sea-ports-authority-ukraine"] * 2),
        ("У Тернополі пошкоджено обʼєкт критичної інфраструктури, повідомив Вʼячеслав Негода. Через це частина міста "
         "залишилася без світла.", "uk", ["Вʼячеслав Негода"] * 2),
        ("Губернатор Бєлгородської області Вʼячеслав Гладков поскаржився, що уламки дрона пошкодили дах адмінбудівлі.", "uk",
         ["Вʼячеслав Гладков"]),
        ("Вранці росіяни вдарили по Сумах: за даними Сумської МВА, дрон пошкодив будівлю коледжу.", "uk",
         ["Сумська міська військова адміністрація"]),
    ],
)  # fmt: skip
def test_the_authority_an_outage_a_complaint_and_a_source_after_a_colon(archive, body, language, speakers):  # noqa: F811
    assert [speaker for speaker, _words in said(archive, body, language)] == speakers


def test_an_interviews_answers_are_the_interviewees_and_its_questions_no_claims(archive):  # noqa: F811
    regions, sources = archive
    claims = analyse(
        title="", lead="Громадське поговорило з начальником селищної військової адміністрації Сергієм Ковтуном про евакуацію.",
        body="— Скільки людей зараз у громаді?\n— Станом на понеділок ми нарахували 2 140 мешканців, з них 87 дітей.\n"
             "— Що відбувається в самій Борові?\n— Вчора керована авіабомба влучила в будівлю колишньої школи.",
        published_on=datetime.date(2024, 11, 5), language="uk", publisher="unn", cited=(), regions=regions, sources=sources,
    ).claims  # fmt: skip
    assert [(claimant_name(claim), claim.quote[:20]) for claim in claims] == [
        ("Сергій Ковтун", "Станом на понеділок "),
        ("Сергій Ковтун", "Вчора керована авіаб"),
    ]
    assert claims[0].occurred.start == datetime.date(2024, 11, 4)


@pytest.mark.parametrize(
    ("name", "nominative"),
    [("Сергієм Ковтуном", "Сергій Ковтун"), ("Іваном Федоровим", "Іван Федоров"), ("Андрію Садовому", "Андрій Садовий")],
)
def test_a_persons_name_in_the_instrumental_or_dative_is_suggested_in_the_nominative(name, nominative):
    assert person_nominative(name) == nominative


@pytest.mark.parametrize(
    ("body", "language", "name", "quote"),
    [
        ("У Дніпровському районі Херсона FPV-дрон атакував маршрутне таксі, поранено водія, уточнив начальник міської "
         "військової адміністрації Роман Мрочко.", "uk", "Роман Мрочко", "У Дніпровському районі Херсона FPV-дрон"),
        ("Російські війська просунулися поблизу Шахового, Золотого Колодязя та Кучерового Яру, повідомили аналітики "
         "DeepState у вівторок вранці.", "uk", "deepstate", "Російські війська просунулися"),
        ("Andriy Kovtun, a spokesman for Ukraine's 9th Army Corps, told Reuters that Ukrainian troops still held positions "
         "in Zolotyi Kolodiaz.", "en", "Andriy Kovtun", "Ukrainian troops still held"),
        ("The United Arab Emirates, which mediated the deal, said it was the 17th exchange it had brokered.", "en",
         "United Arab Emirates", "it was the 17th exchange"),
    ],
)  # fmt: skip
def test_the_words_after_the_verb_that_name_a_speaker_are_no_claim(archive, body, language, name, quote):  # noqa: F811
    ((speaker, words),) = said(archive, body, language)
    assert name in speaker and words.startswith(quote)


@pytest.mark.parametrize(
    ("body", "language", "speakers"),
    [
        ("У ніч на 26 березня Росія атакувала Україну 112 ударними дронами. Сили ППО знешкодили 94 дрони, повідомили в "
         "Повітряних силах.", "uk", ["air-force-ukraine", "air-force-ukraine"]),
        ("Overnight, Russia attacked Kyiv Oblast with 40 drones. Air defence shot down 31 of them, the Air Force said.", "en",
         ["air-force-ukraine", "air-force-ukraine"]),
        # Another paragraph: the speaker named there is not the first paragraph's.
        ("Overnight, Russia attacked Kyiv Oblast with 40 drones.\nAir defence shot down 31 of them, the Air Force said.",
         "en", ["air-force-ukraine"]),
    ],
)  # fmt: skip
def test_an_unattributed_sentence_opening_a_paragraph_is_by_the_speaker_named_next(archive, body, language, speakers):  # noqa: F811
    assert [speaker for speaker, _words in said(archive, body, language)] == speakers


def test_the_night_into_a_day_said_with_protiahom():
    (found,) = find_occurrences("Протягом ночі на 8 березня дрони атакували Бєлгород.", datetime.date(2026, 3, 8), "uk")
    assert (found.start, found.end) == (datetime.date(2026, 3, 7), datetime.date(2026, 3, 8))


def test_a_name_and_office_without_an_article_after_the_claim_and_the_day_said_after_the_verb(archive):  # noqa: F811
    body = (
        "Russian troops are attempting almost daily to land on the islands near Kherson, Vladyslav Voloshyn, spokesman for "
        "Ukraine's Southern Defence Forces, said on the national telethon on Monday.\n"
        '"Last week, our units destroyed 14 boats with Russian infantry," Voloshyn said.'
    )
    first, second = claims_of(archive, body, language="en", published_on=datetime.date(2024, 12, 9))
    assert claimant_name(first) == claimant_name(second) == "Vladyslav Voloshyn"
    assert first.occurred.start == first.occurred.end == datetime.date(2024, 12, 9)


def test_an_english_body_named_with_of_and_for_is_one_speaker(archive):  # noqa: F811
    body = (
        "Russian drones hit port infrastructure in Odesa region overnight, the Ministry for Development of Communities and "
        "Territories of Ukraine said in a statement. According to the ministry, a fire broke out at the terminal."
    )
    claims = said(archive, body)
    assert [speaker for speaker, _words in claims] == ["Ministry for Development of Communities and Territories of Ukraine"] * 2


def test_the_mission_is_the_body_named_by_that_word_not_the_last_that_spoke(archive):  # noqa: F811
    body = (
        "У квітні в Україні загинули щонайменше 197 цивільних. Такі дані наводить Моніторингова місія ООН з прав людини.\n"
        "У Міноборони Росії заявляли, що 13 квітня в Сумах уразили «місце зібрання командного складу». Місія пише, що не "
        "має інформації про 13 квітня, яка б це підтверджувала."
    )
    assert [speaker for speaker, _words in said(archive, body, "uk")] == ["hrmmu", "mod-russia", "hrmmu"]


@pytest.mark.parametrize(
    ("body", "language", "speakers"),
    [
        ("Update, 11:40 GMT: Rostov region governor Yuri Slyusar said drone debris had damaged the roof of a building.", "en",
         ["Yuri Slyusar"]),
        ("Оновлено о 14:40. Близько 13:30 окупанти обстріляли Краматорськ, повідомив Олександр Гончаренко.", "uk",
         ["Олександр Гончаренко"]),
        ("Через обстріли знеструмлено понад 20 тисяч споживачів, йдеться у повідомленні Міністерства енергетики. Без світла "
         "досі залишаються близько 7 тисяч родин, зазначають у міністерстві.", "uk",
         ["energy-ministry-ukraine", "energy-ministry-ukraine"]),
        ("Крім того, у четвер ворог атакував енергообладнання в Корюківському районі, додали в Міненерго.", "uk",
         ["energy-ministry-ukraine"]),
    ],
)  # fmt: skip
def test_an_update_line_the_ministry_named_again_and_the_energy_ministry(archive, body, language, speakers):  # noqa: F811
    assert [speaker for speaker, _words in said(archive, body, language)] == speakers


@pytest.mark.parametrize(
    ("lead", "body", "language"),
    [
        ("Russian troops have advanced near two villages on the Lyman direction, according to DeepState analysts.",
         '"The enemy advanced near Yampil and near Drobysheve," DeepState wrote on Telegram on Friday morning.', "en"),
        ("Аналітики DeepState зафіксували просування російських військ одразу на двох ділянках Покровського напрямку.",
         "«Ворог просунувся поблизу Гришиного, а також у Родинському», – йдеться в повідомленні DeepState.", "uk"),
    ],
)  # fmt: skip
def test_a_lead_that_counts_places_the_body_names_is_a_summary(archive, lead, body, language):  # noqa: F811
    regions, sources = archive
    claims = analyse(
        title="", lead=lead, body=body, published_on=datetime.date(2025, 3, 26), language=language, publisher="unn",
        cited=(), regions=regions, sources=sources,
    ).claims  # fmt: skip
    assert [(claim.in_lead, claimant_name(claim)) for claim in claims] == [(False, "deepstate")]


@pytest.mark.parametrize(
    "second",
    ["Що відомо про ситуацію на Донеччині — читайте в нашому матеріалі."],
)
def test_a_pointer_to_more_reading_is_no_claim(archive, second):  # noqa: F811
    body = f"Росіяни окупували село Олександро-Калинове, повідомили в DeepState. {second}"
    assert [speaker for speaker, _words in said(archive, body, "uk")] == ["deepstate"]


def test_a_first_name_in_english_before_a_surname_is_no_village():
    tree = Tree(
        [
            (1, "country", (), ("Ukraine",), True),
            (2, "oblast", (1,), ("Odesa Oblast",), True),
            (3, "settlement", (1, 2), ("Oleh", "Олег"), False),
            (4, "settlement", (1, 2), ("Izmail", "Ізмаїл"), True),
        ]
    )
    assert "Oleh" not in tree.places("Drones hit the port of Izmail in Odesa Oblast, Oleh Kiper said.")
    assert "Oleh" in tree.places("Drones hit the village of Oleh in Odesa Oblast.")


@pytest.mark.parametrize(
    ("text", "language", "start", "end", "precision"),
    [
        ("Since the start of the year, Russian strikes have damaged 19 port facilities.", "en", "2025-01-01", "2025-03-04",
         "approximate"),
        ("З початку року окупанти пошкодили 19 об'єктів портової інфраструктури.", "uk", "2025-01-01", "2025-03-04",
         "approximate"),
        ("Близько 13:30 окупанти обстріляли й Краматорськ.", "uk", "2025-03-04", "2025-03-04", "day"),
        ("Вранці росіяни вдарили по Сумах.", "uk", "2025-03-04", "2025-03-04", "day"),
        ("At 2:15 a.m. on Monday drones hit the port.", "en", "2025-03-03", "2025-03-03", "day"),
    ],
)  # fmt: skip
def test_the_year_so_far_an_hour_and_the_morning_of_the_articles_day(text, language, start, end, precision):
    found = find_occurrences(text, datetime.date(2025, 3, 4), language)
    assert (found[-1].start.isoformat(), found[-1].end.isoformat(), found[-1].precision) == (start, end, precision)
    assert all(one.start.isoformat() == start for one in found)


def test_the_day_said_between_told_and_that_dates_an_undated_claim(archive):  # noqa: F811
    body = "Kremlin spokesman Dmitry Peskov told reporters on Monday that Russian forces strike only military targets."
    (claim,) = claims_of(archive, body, language="en", published_on=datetime.date(2025, 3, 12))
    assert claim.occurred.start == claim.occurred.end == datetime.date(2025, 3, 10)
