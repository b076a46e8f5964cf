import datetime

import pytest

from reports.models import Article, Region
from tests.factories import ArticleFactory, ClaimFactory, RegionFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def places():
    ukraine = RegionFactory(name="Ukraine", slug="ukraine", code="UA", kind=Region.Kind.COUNTRY)
    donetsk = RegionFactory(name="Donetsk Oblast", slug="donetsk-oblast", code="UA-14", parent=ukraine)
    lyman = RegionFactory(name="Lyman", slug="lyman", parent=donetsk, kind=Region.Kind.SETTLEMENT, aliases=["Лиман", "Лимана"])
    luhansk = RegionFactory(
        name="Luhansk Oblast", slug="luhansk-oblast", code="UA-09", parent=ukraine, aliases=["Луганщина", "Lugansk region"]
    )
    return {"ukraine": ukraine, "donetsk": donetsk, "lyman": lyman, "luhansk": luhansk}


def claim(statement, *, regions=(), **fields):
    made = ClaimFactory(statement=statement, **fields)
    made.regions.set(regions)
    return made


def statements(response):
    return [item.statement for item in response.context["page"].items]


def test_region_filter_includes_settlements_inside_the_oblast(client, places):
    claim("Advance near Lyman", regions=[places["lyman"]])
    claim("Shelling in Luhansk Oblast", regions=[places["luhansk"]])

    assert statements(client.get("/claims/", {"region": "UA-14"})) == ["Advance near Lyman"]
    assert statements(client.get("/claims/", {"region": "donetsk-oblast"})) == ["Advance near Lyman"]
    assert sorted(statements(client.get("/claims/", {"region": "ukraine"}))) == [
        "Advance near Lyman",
        "Shelling in Luhansk Oblast",
    ]


def test_repeating_the_region_means_either(client, places):
    claim("Advance near Lyman", regions=[places["lyman"]])
    claim("Shelling in Luhansk Oblast", regions=[places["luhansk"]])
    claim("Nowhere in particular")

    response = client.get("/claims/?region=UA-14&region=UA-09")

    assert sorted(statements(response)) == ["Advance near Lyman", "Shelling in Luhansk Oblast"]


def test_a_region_is_found_by_a_ukrainian_case_form(client, places):
    claim("Shelling in Luhansk Oblast", regions=[places["luhansk"]])

    assert statements(client.get("/claims/", {"region": "Луганщина"})) == ["Shelling in Luhansk Oblast"]


def test_source_matches_publisher_cited_source_or_claimant(client):
    isw = SourceFactory(slug="isw", short_name="ISW")
    by_isw = claim("Said by ISW", claimant=isw)
    cited = claim("Reported citing ISW")
    cited.article.cited_sources.add(isw)
    claim("Unrelated")

    assert sorted(statements(client.get("/claims/", {"source": "isw"}))) == ["Reported citing ISW", "Said by ISW"]
    assert statements(client.get("/claims/", {"claimant": "isw"})) == [by_isw.statement]
    assert statements(client.get("/claims/", {"source": "ISW"})) == statements(client.get("/claims/", {"source": "isw"}))


def test_occurred_filter_matches_overlapping_periods(client):
    claim(
        "Autumn counteroffensive",
        occurred_start=datetime.date(2022, 9, 1),
        occurred_end=datetime.date(2022, 11, 30),
        occurred_precision="season",
    )
    claim(
        "Capture in July",
        occurred_start=datetime.date(2022, 7, 3),
        occurred_end=datetime.date(2022, 7, 3),
        occurred_precision="day",
    )
    claim("Undated")

    response = client.get("/claims/", {"occurred_from": "2022-10-01", "occurred_to": "2022-10-31"})

    assert statements(response) == ["Autumn counteroffensive"]


def test_search_finds_words_in_statements_and_ranks_by_relevance(client):
    claim("Drone strike on Kharkiv", quote="Russian forces advanced northeast of Lyman")
    claim("Russian forces advanced northeast of Lyman")

    response = client.get("/claims/", {"q": "advancing Lyman"})

    assert set(statements(response)) == {"Russian forces advanced northeast of Lyman", "Drone strike on Kharkiv"}
    assert statements(response)[0] == "Russian forces advanced northeast of Lyman"


def test_drafts_and_suggestions_never_appear(client):
    claim("Draft claim", article=ArticleFactory(status=Article.Status.DRAFT))
    claim("Suggested by the importer", status="suggested")
    claim("Confirmed claim")

    assert statements(client.get("/claims/")) == ["Confirmed claim"]


def test_topic_and_status_filters_combine(client):
    claim("Strike, corroborated", topic="strikes", status="corroborated")
    claim("Strike, unverified", topic="strikes", status="unverified")
    claim("Diplomacy, corroborated", topic="diplomacy", status="corroborated")

    assert statements(client.get("/claims/?topic=strikes&status=corroborated")) == ["Strike, corroborated"]


def test_sort_oldest_and_by_occurred_date(client):
    claim(
        "Older",
        asserted_on=datetime.date(2023, 1, 1),
        occurred_start=datetime.date(2022, 1, 1),
        occurred_end=datetime.date(2022, 1, 1),
        occurred_precision="day",
    )
    claim(
        "Newer",
        asserted_on=datetime.date(2024, 1, 1),
        occurred_start=datetime.date(2021, 1, 1),
        occurred_end=datetime.date(2021, 1, 1),
        occurred_precision="day",
    )

    assert statements(client.get("/claims/")) == ["Newer", "Older"]
    assert statements(client.get("/claims/", {"sort": "oldest"})) == ["Older", "Newer"]
    assert statements(client.get("/claims/", {"sort": "occurred"})) == ["Older", "Newer"]


def test_pages_hold_fifty_and_link_onwards(client):
    for number in range(51):
        claim(f"Claim {number:02d}", asserted_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=number))

    first, second = client.get("/claims/"), client.get("/claims/", {"page": "2"})

    assert len(first.context["page"].items) == 50 and first.context["page"].has_next
    assert statements(second) == ["Claim 00"]
    assert 'rel="next"' in first.content.decode()


def test_facets_count_the_current_result(client, places):
    claim("Strike in Lyman", topic="strikes", regions=[places["lyman"]])
    claim("Another strike in Lyman", topic="strikes", regions=[places["lyman"]])
    claim("Talks", topic="diplomacy", regions=[places["luhansk"]])

    facets = client.get("/claims/", {"region": "ukraine"}).context["facets"]

    assert {item.value: item.count for item in facets.groups["topic"]} == {"strikes": 2, "diplomacy": 1}
    assert {item.value: item.count for item in facets.groups["region"]} == {"donetsk-oblast": 2, "luhansk-oblast": 1}


def test_facet_links_add_the_filter_to_the_url(client, places):
    claim("Strike in Lyman", topic="strikes", regions=[places["lyman"]])

    page = client.get("/claims/", {"region": "ukraine"}).content.decode()

    assert 'href="?region=ukraine&amp;topic=strikes"' in page


@pytest.mark.parametrize("size", [3, 40])
def test_claim_list_runs_a_constant_number_of_queries(client, django_assert_max_num_queries, places, size):
    isw = SourceFactory(slug="isw")
    for number in range(size):
        claim(f"Claim {number}", claimant=isw, regions=[places["lyman"]])

    # Lookups of region and source, the page's ids, its rows and their regions,
    # region choices, the lookups again for the topic facet (which leaves its own filter out), the facets
    # statement (with its time budget set and cleared inside a savepoint) and the names of the sources.
    # Then the timeline: one statement, with its time budget set and cleared inside a savepoint.
    with django_assert_max_num_queries(21):
        response = client.get("/claims/", {"region": "UA-14", "source": "isw", "q": "claim", "topic": "territorial_control"})

    assert response.status_code == 200


def test_matched_words_are_highlighted_and_markup_in_the_text_is_not_rendered(client):
    claim("Russian forces <b>advanced</b> northeast of Lyman")

    page = client.get("/claims/", {"q": "Lyman"}).content.decode()

    assert "<mark>Lyman</mark>" in page
    assert "<b>advanced</b>" not in page
