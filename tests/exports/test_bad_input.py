"""An export that cannot be made exactly says why, with a 400 in text or JSON, never an HTML page."""

import json

import pytest

from tests.factories import ClaimFactory, RegionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def archive():
    ClaimFactory().regions.add(RegionFactory(code="UA-14", slug="donetsk-oblast"))


@pytest.mark.parametrize(
    "query, reason",
    [
        ("region=atlantis", "No region is called “atlantis”."),
        ("source=nobody", "No source is called “nobody”."),
        ("published_from=2025-13-45", "Published from"),
        ("occurred_from=2024-06-01&occurred_to=2024-05-01", "ends before it starts"),
        ("sort=sideways", "Sort"),
        ("language=xx", "Language"),
        ("topic=weather", "Topic"),
        ("status=suggested", "Status"),
        ("q=Lyman%00", "Search"),
        ("sort=relevance", "needs a search"),
        ("bogus=1", "Unknown parameter: bogus."),
        ("synthetic=maybe", "Synthetic records"),
    ],
)
def test_a_filter_that_is_not_understood_gives_400_in_plain_text(client, query, reason):
    response = client.get(f"/claims/?format=csv&{query}")

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert reason in response.content.decode()
    assert "<html" not in response.content.decode()


@pytest.mark.parametrize("export_format", ["json", "jsonl"])
def test_a_json_export_is_refused_in_json(client, export_format):
    response = client.get(f"/claims/?format={export_format}&region=atlantis&region=UA-14")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert json.loads(response.content) == {"errors": ["No region is called “atlantis”."]}


@pytest.mark.parametrize("query", ["format=xml", "format=", "format=csv&format=json"])
def test_an_unknown_or_repeated_format_gives_400(client, query):
    response = client.get(f"/articles/?{query}")

    assert response.status_code == 400
    assert "format=csv, format=json, format=jsonl" in response.content.decode()


def test_every_reason_is_given_at_once(client):
    response = client.get("/claims/?format=csv&region=atlantis&language=xx")

    text = response.content.decode()
    assert "No region is called “atlantis”." in text
    assert "Language" in text


def test_a_malformed_page_number_does_not_stop_an_export(client):
    assert client.get("/claims/?format=csv&page=abc").status_code == 200
