"""`view=map`: counts by first-level unit and by located place, from one aggregate, matching the list's own counts;
the places on the map clustered per grid cell at the map's zoom (`/claims/map.json`)."""

import json
import re

import pytest

from reports.listings import clusters
from reports.models import Claim, Region
from tests.factories import ArticleFactory, ClaimFactory, RegionFactory

pytestmark = pytest.mark.django_db

WHOLE = "zoom=5&bbox=20,43,42,54"


def settlement(name, latitude, longitude, parent):
    return RegionFactory(
        name=name, slug=name.lower().replace(" ", "-"), kind=Region.Kind.SETTLEMENT, parent=parent,
        latitude=latitude, longitude=longitude, location_precision="own",
    )  # fmt: skip


@pytest.fixture
def ukraine():
    return RegionFactory(name="Ukraine", slug="ukraine", code="UA", kind=Region.Kind.COUNTRY)


@pytest.fixture
def places(ukraine):
    donetsk = RegionFactory(name="Donetsk Oblast", slug="donetsk-oblast", code="UA-14", parent=ukraine)
    luhansk = RegionFactory(name="Luhansk Oblast", slug="luhansk-oblast", code="UA-09", parent=ukraine)
    lyman = settlement("Lyman", 48.99, 37.81, donetsk)
    for _ in range(3):
        ClaimFactory(topic="strikes").regions.add(lyman)
    ClaimFactory(topic="strikes").regions.add(luhansk)
    ClaimFactory(topic="diplomacy").regions.add(luhansk)
    return lyman


@pytest.fixture
def dense(ukraine):
    """Twenty settlements a few kilometres apart, the n-th named by n + 1 claims (210 in all), each claim by one place."""
    donetsk = RegionFactory(name="Donetsk Oblast", slug="donetsk-oblast", code="UA-14", parent=ukraine)
    made = []
    for number in range(20):
        place = settlement(f"Village {number}", 48.40 + 0.05 * (number // 5), 37.50 + 0.05 * (number % 5), donetsk)
        # One report per village, its claims copies of its first: the claims are counted, not their articles.
        first = ClaimFactory(topic="strikes" if number % 2 else "diplomacy")
        fields = {field.attname: getattr(first, field.attname) for field in Claim._meta.concrete_fields if not field.primary_key}
        copies = Claim.objects.bulk_create(Claim(**fields) for _ in range(number))
        Claim.regions.through.objects.bulk_create(Claim.regions.through(claim=claim, region=place) for claim in [first, *copies])
        made.append(place)
    return made


def map_of(client, query):
    page = client.get(f"/claims/?{query}").content.decode()
    return json.loads(re.search(r'<script id="list-map-data" type="application/json">(.*?)</script>', page, re.S).group(1))


def list_total(client, query, plural="claims"):
    return int(re.search(r'data-total="(\d+)"', client.get(f"/{plural}/?{query}").content.decode()).group(1))


def points(client, query, plural="claims"):
    response = client.get(f"/{plural}/map.json?{query}")
    assert response.status_code == 200
    return response.json()


def test_the_map_counts_units_as_the_list_counts_them_and_points_to_its_clusters(client, places):
    data = map_of(client, "topic=strikes&view=map")

    assert {unit["code"]: unit["count"] for unit in data["units"]} == {"UA-14": 3, "UA-09": 1}
    assert data["points"] == "/claims/map.json?topic=strikes"
    facet = client.get("/claims/?topic=strikes").content.decode()
    assert re.search(r'data-value="donetsk-oblast" data-count="3"', facet)
    (lyman,) = points(client, f"topic=strikes&{WHOLE}")["clusters"]
    assert (lyman["name"], lyman["count"], lyman["places"], lyman["point"]) == ("Lyman", 3, 1, [48.99, 37.81])


def test_a_place_on_the_map_links_to_the_same_view_narrowed_to_it(client, places):
    (lyman,) = points(client, f"topic=strikes&{WHOLE}")["clusters"]

    assert lyman["link"] == "/claims/?region=lyman&topic=strikes&view=map"
    assert 'data-total="3"' in client.get(lyman["link"]).content.decode()


def test_the_map_page_gives_the_same_numbers_in_a_table(client, places):
    page = client.get("/claims/?view=map").content.decode()

    assert "By first-level unit" in page and "By place" in page
    assert re.search(r'<a href="\?region=lyman&amp;view=map">Lyman</a></td><td>3</td>', page)


@pytest.mark.parametrize("filters", ["", "topic=strikes", "region=donetsk-oblast&topic=diplomacy"])
def test_cluster_counts_sum_to_what_the_list_says_for_the_same_filters(client, dense, filters):
    answer = points(client, f"{filters}&{WHOLE}")

    total = list_total(client, filters)
    assert sum(cluster["count"] for cluster in answer["clusters"]) == answer["shown"] == total
    assert total in (210, 100, 110)
    assert len(answer["clusters"]) < len(dense) / 4  # dense: a few clusters, not twenty points


def test_zooming_in_splits_a_cluster_into_its_places(client, dense):
    far = points(client, WHOLE)["clusters"]
    near = points(client, "zoom=12&bbox=37.3,48.2,38.0,48.8")["clusters"]

    assert any(cluster["places"] > 1 for cluster in far)
    assert sorted((cluster["name"], cluster["count"]) for cluster in near) == sorted(
        (f"Village {number}", number + 1) for number in range(20)
    )
    assert all(cluster["places"] == 1 and cluster["link"].startswith("/claims/?region=village-") for cluster in near)


def test_a_cluster_counts_a_claim_about_two_of_its_places_once(client, ukraine):
    donetsk = RegionFactory(name="Donetsk Oblast", slug="donetsk-oblast", code="UA-14", parent=ukraine)
    kramatorsk, sloviansk = settlement("Kramatorsk", 48.72, 37.56, donetsk), settlement("Sloviansk", 48.85, 37.60, donetsk)
    ClaimFactory().regions.set([kramatorsk, sloviansk])

    (both,) = points(client, WHOLE)["clusters"]
    apart = points(client, "zoom=12&bbox=37.3,48.5,38.2,49.2")

    assert (both["count"], both["places"]) == (1, 2)
    assert both["link"] == "/claims/?region=kramatorsk&region=sloviansk&view=map"  # few places: the list of them
    assert sorted(cluster["count"] for cluster in apart["clusters"]) == [1, 1] and apart["shown"] == 1


def test_only_the_cells_in_view_are_sent_and_never_more_than_the_cap(client, dense, monkeypatch):
    outside = points(client, "zoom=8&bbox=30,50,31,51")
    monkeypatch.setattr(clusters, "MAX_CELLS", 3)
    capped = points(client, "zoom=12&bbox=37.3,48.2,38.0,48.8")

    assert outside["clusters"] == [] and outside["shown"] == 0
    assert len(capped["clusters"]) == 3 and capped["truncated"]
    assert [cluster["count"] for cluster in capped["clusters"]] == [20, 19, 18]  # the busiest first


def test_articles_have_clusters_of_their_own(client, dense):
    for place in dense[:3]:
        ArticleFactory().regions.add(place)

    filters = "region=village-0&region=village-1&region=village-2"
    answer = points(client, f"{filters}&{WHOLE}", plural="articles")

    assert sum(cluster["count"] for cluster in answer["clusters"]) == list_total(client, filters, plural="articles") == 3


@pytest.mark.parametrize(
    "query", ["zoom=abc", "zoom=nan&bbox=nan,nan,nan,nan", "zoom=1e999", "bbox=1,2", "bbox=50,0,10,1", "zoom=99"]
)
def test_a_malformed_viewport_is_named_and_the_default_shown(client, dense, query):
    answer = points(client, query)

    assert answer["shown"] == 210
    assert answer["zoom"] in (clusters.DEFAULT_ZOOM, clusters.MAX_ZOOM)
    assert answer["notices"] or query == "zoom=99"


def test_an_unknown_list_has_no_map_points(client):
    assert client.get("/sources/map.json").status_code == 404


@pytest.mark.parametrize("size", [3, 40])
def test_map_points_run_a_constant_number_of_queries(client, django_assert_max_num_queries, dense, size):
    donetsk = Region.objects.get(code="UA-14")
    for number in range(size):
        ClaimFactory(topic="strikes").regions.add(settlement(f"Hamlet {number}", 47.0 + number / 100, 36.0, donetsk))

    # The region's lookup, the places in view, the planner's estimate, the statement (with its time budget set
    # and cleared inside a savepoint) and the names of the places linked to.
    with django_assert_max_num_queries(9):
        answer = points(client, f"region=UA-14&topic=strikes&{WHOLE}")

    assert answer["shown"] == 110 + size
