"""Hostile or malformed parameters: a 200 with a notice, the rest of the filters applied, never a 500."""

import pytest

from tests.factories import ClaimFactory, RegionFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    region = RegionFactory(slug="donetsk-oblast", code="UA-14", name="Donetsk Oblast")
    kept = ClaimFactory(statement="Kept by the other filters", topic="strikes")
    kept.regions.add(region)
    ClaimFactory(statement="Filtered out by topic", topic="diplomacy").regions.add(region)
    return kept


def notices(response):
    return [str(notice) for notice in response.context["notices"]]


def statements(response):
    return [item.statement for item in response.context["page"].items]


@pytest.mark.parametrize(
    "params, expected_notice",
    [
        ({"page": "abc"}, "not a page number"),
        ({"page": "0"}, "not a page number"),
        ({"page": "99999999999999999999"}, "Pages stop at"),
        ({"published_from": "2025-13-45"}, "Published from"),
        ({"occurred_from": "2024-06-01", "occurred_to": "2024-05-01"}, "ends before it starts"),
        ({"sort": "DROP TABLE"}, "Sort"),
        ({"language": "xx"}, "Language"),
        ({"unknown_param": "1"}, "unknown_param"),
        ({"q": "Lyman\x00"}, "Search"),
        ({"q": "x" * 600}, "Search"),
        ({"sort": "relevance"}, "needs a search"),
    ],
)
def test_bad_parameter_gets_a_notice_and_the_other_filters_still_apply(client, archive, params, expected_notice):
    response = client.get("/claims/", {"topic": "strikes", "region": "UA-14", **params})

    assert response.status_code == 200
    assert any(expected_notice in notice for notice in notices(response)), notices(response)
    assert statements(response) == ["Kept by the other filters"]


def test_unknown_region_gives_an_empty_result_with_a_notice(client, archive):
    response = client.get("/claims/", {"region": "atlantis"})

    assert response.status_code == 200
    assert statements(response) == []
    assert "No region is called “atlantis”." in notices(response)


def test_unknown_source_gives_an_empty_result_with_a_notice(client, archive):
    SourceFactory(slug="isw")
    response = client.get("/claims/", {"source": "nobody"})

    assert statements(response) == []
    assert "No source is called “nobody”." in notices(response)


def test_a_known_and_an_unknown_region_keep_the_known_one(client, archive):
    response = client.get("/claims/?region=UA-14&region=atlantis&topic=strikes")

    assert statements(response) == ["Kept by the other filters"]
    assert "No region is called “atlantis”." in notices(response)


def test_input_is_never_echoed_unescaped(client, archive):
    hostile = '<script>alert("x")</script>'

    page = client.get("/claims/", {"region": hostile, "q": hostile, "page": hostile}).content.decode()

    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page


def test_too_many_repeated_values_are_refused_politely(client, archive):
    response = client.get("/claims/", {"region": [f"r{number}" for number in range(50)]})

    assert response.status_code == 200
    assert any("Too many values" in notice for notice in notices(response))


def test_a_page_past_the_end_says_so(client, archive):
    response = client.get("/claims/", {"page": "5"})

    assert statements(response) == []
    assert "There is no page 5 for these filters." in notices(response)


def test_broken_search_syntax_is_searched_as_words(client, archive):
    response = client.get("/claims/", {"q": '"unclosed OR -'})

    assert response.status_code == 200


@pytest.mark.parametrize("url", ["/articles/", "/claims/"])
def test_every_list_survives_a_hostile_query_string(client, archive, url):
    response = client.get(url + "?region=%00&source=%ff%fe&page=-1&published_to=0000-00-00&sort[]=1&q=%27%3B--")

    assert response.status_code == 200
