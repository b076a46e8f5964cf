"""Ukraine's state bodies and companies that speak in war reporting (the Security Service, the State Emergency Service,
the border guards, the Navy, Ukrenergo…) ship as known sources: named in full, by a short form or by an abbreviation, in
either language, their words are theirs; a body of another state with a like name is not theirs; and a body named
again by the last word of its name ("according to the Navy") is the one named before."""

import pytest

from reports.importers.speakers import NewClaimant
from tests.importers.test_real_reporting import archive, claims_of, matcher  # noqa: F401 (fixtures)
from tests.importers.tree import claimant_name


@pytest.mark.parametrize(
    ("body", "language", "slug"),
    [
        ("СБУ повідомила, що затримала в Харкові агента, який наводив удари на місто.", "uk", "sbu"),
        ("Служба безпеки повідомила про затримання в Чернігові агента, який коригував удари.", "uk", "sbu"),
        ("The Security Service of Ukraine said it had detained an agent who guided strikes on Kharkiv.", "en", "sbu"),
        ("У ДСНС повідомили, що під завалами в Одесі знайшли тіла двох людей.", "uk", "state-emergency-service-ukraine"),
        ("The State Emergency Service said rescuers pulled two bodies from the rubble in Odesa.", "en",
         "state-emergency-service-ukraine"),
        ("За даними Держприкордонслужби, російські війська обстріляли прикордоння Сумщини 40 разів.", "uk",
         "border-guard-ukraine"),
        ("Ukrenergo said power was cut in parts of Kharkiv region after the attack.", "en", "ukrenergo"),
        ("В Укренерго повідомили, що через атаку частина Сумщини залишилася без світла.", "uk", "ukrenergo"),
        ("Naftogaz said Russian missiles had hit gas production facilities in Kharkiv region overnight.", "en", "naftogaz"),
        ("У ВМС ЗСУ повідомили, що вночі ворожий дрон пошкодив портову інфраструктуру Ізмаїла.", "uk", "navy-ukraine"),
        ("У Силах оборони півдня повідомили, що за добу ворог 12 разів обстріляв Херсон.", "uk", "southern-defence-forces"),
        ("Ukraine's Defence Intelligence said its drones had hit an oil depot in Bryansk region overnight.", "en",
         "defence-intelligence-ukraine"),
    ],
)  # fmt: skip
def test_a_state_body_named_in_full_short_or_abbreviated_is_the_shipped_source(archive, body, language, slug):  # noqa: F811
    (claim,) = claims_of(archive, body, language=language)
    assert claimant_name(claim) == slug


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Russia's Federal Security Service said it had detained two saboteurs in Bryansk region.", "en"),
        ("Федеральна служба безпеки Росії заявила, що українські дрони атакували прикордонне село, поранено двох людей.", "uk"),
        ("Міноборони РФ заявило, що його війська захопили село Іванівка.", "uk"),
    ],
)
def test_a_like_named_body_of_another_state_is_not_ukraines(archive, body, language):  # noqa: F811
    claims = claims_of(archive, body, language=language)
    assert claims
    assert all(claimant_name(claim) not in {"sbu", "mod-ukraine"} for claim in claims)


def test_a_body_named_again_by_the_last_word_of_its_name_is_the_one_named_before(archive):  # noqa: F811
    body = (
        "The Ukrainian Navy said that it had hit an air defence system near Sevastopol on August 19.\n"
        "According to the Navy, the Russian fleet has moved most of its ships from Sevastopol to Novorossiysk."
    )
    claims = claims_of(archive, body, language="en")
    assert [claimant_name(claim) for claim in claims] == ["navy-ukraine", "navy-ukraine"]


def test_a_one_word_body_named_before_by_no_source_stays_a_new_claimant(archive):  # noqa: F811
    body = "According to Energoatom, the plant lost its last external power line on Tuesday."
    (claim,) = claims_of(archive, body, language="en")
    assert claimant_name(claim) == "energoatom"
    body = "According to Centrenergo, the Zmiiv power plant was hit again on Tuesday."
    (claim,) = claims_of(archive, body, language="en")
    assert isinstance(claim.claimant, NewClaimant) and claim.claimant.name == "Centrenergo"


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Федеральна служба безпеки Росії заявила, що українські дрони атакували Курськ.", "Федеральна служба безпеки Росії"),
        ("У Федеральній службі безпеки Росії заявили, що українські дрони атакували Курськ.", "Федеральна служба безпеки Росії"),
        ("У Національній поліції повідомили, що у Харкові поранено двох людей.", "Національна поліція"),
        ("Обласна прокуратура повідомила, що внаслідок обстрілу Херсона загинула жінка.", "Обласна прокуратура"),
        ("У Херсонській обласній прокуратурі повідомили, що в суботу поранено жінку.", "Херсонська обласна прокуратура"),
        ("У Збройних силах повідомили, що внаслідок обстрілу Херсона загинула жінка.", "Збройні сили"),
        ("Державна інспекція ядерного регулювання заявила, що ЗАЕС знеструмлена.", "Державна інспекція ядерного регулювання"),
    ],
)  # fmt: skip
def test_a_body_whose_name_an_adjective_opens_is_named_in_the_nominative(archive, body, name):  # noqa: F811
    (claim,) = claims_of(archive, body)
    assert claimant_name(claim) == name


def test_russias_ministry_named_by_its_adjective_is_russias_mod(archive):  # noqa: F811
    body = "Російське міністерство оборони знову звітує про захоплення Степногірська, якого його війська не контролюють."
    (claim,) = claims_of(archive, body)
    assert claimant_name(claim) == "mod-russia"
