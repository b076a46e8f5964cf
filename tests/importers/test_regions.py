import datetime
import json
from pathlib import Path

import pytest

from reports.importers.analysis import analyse, gazetteer_entries, source_matcher
from reports.importers.regions import GazetteerEntry, RegionMatcher

GAZETTEER = json.loads((Path(__file__).resolve().parents[2] / "reports" / "data" / "gazetteer.json").read_text())
SLUG = {number: entry["slug"] for number, entry in enumerate(GAZETTEER, start=1)}


@pytest.fixture(scope="module")
def matcher():
    return RegionMatcher(gazetteer_entries(GAZETTEER))


def regions(matcher, *texts):
    return [SLUG[region] for region in matcher.detect(list(texts)).regions]


def test_the_most_specific_place_is_kept_and_its_oblast_implied(matcher):
    assert regions(matcher, "Russians advanced northeast of Lyman in Donetsk Oblast") == ["lyman"]


@pytest.mark.parametrize(
    "text",
    ["в Луганщині", "захопити всю Луганщину", "Луганської області", "in Lugansk region", "Луганской области"],
)
def test_inflected_and_variant_spellings_of_an_oblast(matcher, text):
    assert regions(matcher, text) == ["luhansk-oblast"]


def test_a_list_closed_by_one_generic_word_names_each_oblast(matcher):
    found = regions(matcher, "the annexation of Luhansk, Donetsk, Zaporizhzhia and Kherson regions")
    assert found == ["luhansk-oblast", "donetsk-oblast", "zaporizhzhia-oblast", "kherson-oblast"]


def test_a_ukrainian_list_of_oblasts(matcher):
    assert regions(matcher, "Донецької та Луганської областей") == ["donetsk-oblast", "luhansk-oblast"]


def test_the_crimean_peninsula_is_crimea(matcher):
    assert regions(matcher, "drones over the Crimean peninsula") == ["crimea"]


def test_a_country_as_an_actor_is_not_a_place(matcher):
    assert regions(matcher, "Russia is delaying the talks") == []


def test_a_country_after_a_preposition_is_a_place(matcher):
    assert regions(matcher, "strikes in Russia") == ["russia"]


def test_the_capital_as_the_government_is_not_a_place(matcher):
    assert regions(matcher, "Kyiv denied any involvement") == []


def test_a_feature_named_after_a_town_is_not_the_town(matcher):
    assert regions(matcher, "a port on the Kerch Strait") == []


def test_a_lowercase_word_is_not_a_capitalised_place_name(matcher):
    assert regions(matcher, "the sumy of money") == []


def test_title_and_text_are_read_together(matcher):
    assert regions(matcher, "Fighting near Bakhmut", "", "Shelling of Kupiansk") == ["bakhmut", "kupiansk"]


def shared_name_matcher():
    # Two villages called Novoselivka, one in each oblast; nothing says which one readers mean.
    return RegionMatcher(
        [
            GazetteerEntry(1, "country", (), ("Ukraine",)),
            GazetteerEntry(2, "oblast", (1,), ("Donetsk Oblast",)),
            GazetteerEntry(3, "oblast", (1,), ("Kharkiv Oblast",)),
            GazetteerEntry(4, "settlement", (1, 2), ("Novoselivka",)),
            GazetteerEntry(5, "settlement", (1, 3), ("Novoselivka",)),
            GazetteerEntry(6, "settlement", (1, 2), ("Pokrovsk",), prominent=True),
        ]
    )


def test_a_shared_name_is_not_guessed_but_reported_as_ambiguous():
    detection = shared_name_matcher().detect(["Shelling of Novoselivka"])

    assert detection.regions == ()
    assert [mention.name for mention in detection.ambiguous] == ["Novoselivka"]


def test_a_shared_name_is_settled_by_another_place_the_article_names():
    detection = shared_name_matcher().detect(["Shelling of Novoselivka near Pokrovsk"])

    assert set(detection.regions) == {4, 6}


def read_with_title(matcher, title, body):
    analysis = analyse(
        title=title, lead="", body=body, published_on=datetime.date(2025, 3, 24), language="en", publisher=None, cited=(),
        regions=matcher, sources=source_matcher([]),
    )  # fmt: skip
    return [SLUG[region] for region in analysis.regions]


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        ("Ukraine rejects Russian claims over Belgorod strike", "Russia said troops had attacked the Belgorod region.", "en"),
        ("Україна відкидає звинувачення щодо удару по Бєлгороду", "Росія заявила, що ЗСУ атакували Бєлгородську область.", "uk"),
    ],
)  # fmt: skip
def test_a_city_named_only_in_the_title_is_the_oblast_named_after_it_that_the_body_names(matcher, title, body, language):
    assert read_with_title(matcher, title, body) == ["belgorod-oblast"]
    # The city itself in the body, or an oblast not named after it, keeps the title's city.
    assert read_with_title(
        matcher, title, body.replace("the Belgorod region", "Belgorod").replace("Бєлгородську область", "Бєлгород")
    ) == ["belgorod"]
    assert read_with_title(matcher, "Kramatorsk under fire", "Russian forces shelled the Donetsk region.") == ["kramatorsk"]
