"""`view=map`: counts by first-level unit and by located place, from one aggregate, matching the list's own counts."""

import json
import re

import pytest

from reports.models import Region
from tests.factories import ClaimFactory, RegionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def places():
    ukraine = RegionFactory(name="Ukraine", slug="ukraine", code="UA", kind=Region.Kind.COUNTRY)
    donetsk = RegionFactory(name="Donetsk Oblast", slug="donetsk-oblast", code="UA-14", parent=ukraine)
    luhansk = RegionFactory(name="Luhansk Oblast", slug="luhansk-oblast", code="UA-09", parent=ukraine)
    lyman = RegionFactory(
        name="Lyman", slug="lyman", kind=Region.Kind.SETTLEMENT, parent=donetsk, latitude=48.99, longitude=37.81,
        location_precision="own",
    )  # fmt: skip
    for _ in range(3):
        ClaimFactory(topic="strikes").regions.add(lyman)
    ClaimFactory(topic="strikes").regions.add(luhansk)
    ClaimFactory(topic="diplomacy").regions.add(luhansk)
    return lyman


def map_of(client, query):
    page = client.get(f"/claims/?{query}").content.decode()
    return json.loads(re.search(r'<script id="list-map-data" type="application/json">(.*?)</script>', page, re.S).group(1))


def test_the_map_counts_units_and_located_places_as_the_list_counts_them(client, places):
    data = map_of(client, "topic=strikes&view=map")

    assert {unit["code"]: unit["count"] for unit in data["units"]} == {"UA-14": 3, "UA-09": 1}
    assert [(place["name"], place["count"], place["point"]) for place in data["places"]] == [("Lyman", 3, [48.99, 37.81])]
    facet = client.get("/claims/?topic=strikes").content.decode()
    assert re.search(r'data-value="donetsk-oblast" data-count="3"', facet)


def test_a_place_on_the_map_links_to_the_same_view_narrowed_to_it(client, places):
    data = map_of(client, "topic=strikes&view=map")
    (lyman,) = data["places"]

    assert lyman["link"] == "?region=lyman&topic=strikes&view=map"
    narrowed = client.get("/claims/" + lyman["link"]).content.decode()
    assert 'data-total="3"' in narrowed


def test_the_map_page_gives_the_same_numbers_in_a_table(client, places):
    page = client.get("/claims/?view=map").content.decode()

    assert "By first-level unit" in page and "By place" in page
    assert re.search(r'<a href="\?region=lyman&amp;view=map">Lyman</a></td><td>3</td>', page)
