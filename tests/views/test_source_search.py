"""The source field's suggestions: names, short names and aliases by prefix, exact matches first."""

import pytest

from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db


def slugs(client, text):
    return [result["slug"] for result in client.get("/sources/search.json", {"q": text}).json()["results"]]


def test_an_exact_short_name_comes_before_longer_names_that_start_with_it(client):
    SourceFactory(slug="isw-press", name="ISW Press Office", short_name="ISWPO")
    SourceFactory(slug="isw", name="Institute for the Study of War", short_name="ISW")

    assert slugs(client, "isw") == ["isw", "isw-press"]


def test_a_name_is_found_by_its_start_in_any_case(client):
    SourceFactory(slug="general-staff", name="General Staff of the Armed Forces of Ukraine", short_name="")

    assert slugs(client, "general st") == ["general-staff"]


def test_synthetic_sources_are_not_suggested(client):
    SourceFactory(slug="synthetic-agency", name="Synthetic Agency", is_synthetic=True)

    assert slugs(client, "synth") == []


def test_nothing_typed_gives_nothing_and_hostile_text_no_error(client):
    assert slugs(client, "") == []
    assert client.get("/sources/search.json", {"q": "%_\x00'"}).status_code == 200
