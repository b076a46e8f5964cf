"""The region page's map data and its coordinates in words, as the server renders them (no JavaScript)."""

import json
import re

import pytest

from reports.models import Region
from tests.factories import RegionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def places():
    ukraine = RegionFactory(name="Ukraine", slug="ukraine", kind=Region.Kind.COUNTRY, code="UA")
    donetsk = RegionFactory(
        name="Donetsk Oblast", slug="donetsk-oblast", code="UA-14", parent=ukraine, latitude=48.08, longitude=37.75
    )
    donetsk.location_precision = "own"
    donetsk.save()
    lyman = RegionFactory(name="Lyman", slug="lyman", kind=Region.Kind.SETTLEMENT, parent=donetsk)
    lyman.latitude, lyman.longitude, lyman.location_precision = 48.08, 37.75, "parent"
    lyman.save()
    return {"ukraine": ukraine, "donetsk": donetsk, "lyman": lyman}


def map_data(response):
    found = re.search(r'<script id="region-map-data" type="application/json">(.*?)</script>', response.content.decode())
    return json.loads(found.group(1)) if found else None


def test_an_oblast_page_outlines_the_oblast_and_gives_its_point_in_words(client, places):
    response = client.get("/regions/donetsk-oblast/")

    data = map_data(response)
    assert (data["focus"], data["outlined"], data["point"]) == ("UA-14", True, None)
    assert data["boundaries"].endswith("geo/boundaries.geojson")
    assert "48.0800° N, 37.7500° E" in response.content.decode()


def test_a_settlement_placed_at_its_oblast_says_so_and_is_framed_by_the_oblast(client, places):
    response = client.get("/regions/lyman/")

    data = map_data(response)
    assert (data["focus"], data["outlined"], data["point"], data["precision"]) == ("UA-14", False, [48.08, 37.75], "parent")
    text = response.content.decode()
    assert "no point of its own for this place; it stands at the point of Donetsk Oblast" in text


def test_a_region_that_cannot_be_shown_has_no_map_and_no_location_line(client, places):
    RegionFactory(name="Somewhere", slug="somewhere", kind=Region.Kind.AREA)

    response = client.get("/regions/somewhere/")

    assert response.status_code == 200
    assert map_data(response) is None
    assert "region-map-figure" not in response.content.decode()


def test_the_map_script_and_library_load_only_on_pages_with_a_map(client, places):
    RegionFactory(name="Somewhere", slug="somewhere", kind=Region.Kind.AREA)

    assert "vendor/leaflet/leaflet.js" in client.get("/regions/lyman/").content.decode()
    assert "vendor/leaflet/leaflet.js" not in client.get("/regions/somewhere/").content.decode()
