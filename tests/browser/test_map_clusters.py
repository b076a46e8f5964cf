"""Dense places on a list's map in Chromium: clusters carry their counts, a click on one zooms into it, a click on
a single place narrows the list to it."""

import re
import urllib.parse

import pytest
from playwright.sync_api import expect

from reports.models import Region
from tests.factories import ClaimFactory, RegionFactory

VILLAGES = 20


@pytest.fixture
def dense():
    """Twenty settlements a few kilometres apart; the n-th is named by n + 1 claims (210 in all)."""
    ukraine = RegionFactory(name="Ukraine", slug="ukraine", code="UA", kind=Region.Kind.COUNTRY)
    donetsk = RegionFactory(name="Donetsk Oblast", slug="donetsk-oblast", code="UA-14", parent=ukraine)
    for number in range(VILLAGES):
        village = RegionFactory(
            name=f"Village {number}", slug=f"village-{number}", kind=Region.Kind.SETTLEMENT, parent=donetsk,
            latitude=48.40 + 0.04 * (number // 5), longitude=37.50 + 0.05 * (number % 5), location_precision="own",
        )  # fmt: skip
        for _ in range(number + 1):
            ClaimFactory().regions.add(village)


def drawn(page):
    """(count of each cluster, count of each single place) as the map shows them."""
    clusters = [int(re.sub(r"\D", "", text)) for text in page.locator("#list-map .list-map-cluster").all_inner_texts()]
    places = [
        int(re.sub(r"\D", "", label.rsplit(":", 1)[1]))
        for label in (element.get_attribute("aria-label") for element in page.locator("#list-map path.list-map-place").all())
    ]
    return clusters, places


def test_dense_places_are_clustered_with_their_counts_and_a_click_zooms_in_then_narrows(page, dense):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/claims/?view=map")
    the_map = page.locator("#list-map")
    expect(the_map).to_have_attribute("data-points-shown", "210")
    first_zoom = int(the_map.get_attribute("data-points-zoom"))

    clusters, places = drawn(page)
    assert clusters, "dense places are drawn as clusters"
    assert len(clusters) + len(places) < VILLAGES
    assert sum(clusters) + sum(places) == 210 == int(page.locator("p.summary").get_attribute("data-total"))

    page.locator("#list-map .list-map-cluster").filter(has_text=str(max(clusters))).first.click()
    expect(the_map).not_to_have_attribute("data-points-zoom", str(first_zoom))
    expect(the_map).to_have_attribute("data-points-shown", re.compile(r"\d+"))
    assert int(the_map.get_attribute("data-points-zoom")) >= first_zoom + 2
    expect(page.locator("#list-map path.list-map-place").first).to_be_visible()
    clusters_near, places_near = drawn(page)
    assert len(clusters_near) + len(places_near) > len(clusters) + len(places)  # the cluster came apart
    assert sum(clusters_near) + sum(places_near) == int(the_map.get_attribute("data-points-shown"))

    busiest = max(page.locator("#list-map path.list-map-place").all(), key=lambda element: drawn_count(element))
    expected = drawn_count(busiest)
    name = busiest.get_attribute("aria-label").rsplit(":", 1)[0]
    busiest.click()
    page.wait_for_url(re.compile(r"region="))

    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(page.url).query))
    assert query == {"region": name.lower().replace(" ", "-"), "view": "map"}
    expect(page.locator("p.summary")).to_have_attribute("data-total", str(expected))
    assert page.csp_violations == []


def drawn_count(element):
    return int(re.sub(r"\D", "", element.get_attribute("aria-label").rsplit(":", 1)[1]))


def test_a_cluster_opens_from_the_keyboard(page, dense):
    page.goto("/claims/?view=map")
    the_map = page.locator("#list-map")
    expect(the_map.locator(".list-map-cluster").first).to_be_visible()
    zoom = the_map.get_attribute("data-points-zoom")

    the_map.locator(".list-map-cluster").first.focus()
    page.keyboard.press("Enter")

    expect(the_map).not_to_have_attribute("data-points-zoom", zoom)
