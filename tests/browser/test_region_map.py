"""A region's small map, in Chromium: drawn from the shipped outlines alone, and said in text as well."""

from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from tests.browser.test_accessibility import serious_violations

UKRAINIAN_AND_BORDER_UNITS = 33


@pytest.fixture
def gazetteer(capsys):
    call_command("load_gazetteer")
    call_command("load_geodata")
    capsys.readouterr()


def test_an_oblast_page_draws_the_oblast_outlined_among_its_neighbours(page, gazetteer):
    page.goto("/regions/luhansk-oblast/")

    own = page.locator("#region-map path.region-map-own")
    own.first.wait_for()
    assert own.count() == 1
    box = own.bounding_box()
    assert box["width"] > 100 and box["height"] > 100  # framed: the oblast fills the map
    assert page.locator("#region-map path.region-map-unit").count() == UKRAINIAN_AND_BORDER_UNITS - 1
    assert page.get_by_role("region", name="Map of Luhansk Oblast").is_visible()
    assert page.csp_violations == []


def test_a_settlement_page_marks_its_point_inside_its_oblast(page, gazetteer):
    page.goto("/regions/lyman/")

    point = page.locator("#region-map path.region-map-point")
    point.wait_for()
    assert point.is_visible()
    assert page.locator("#region-map path.region-map-own").count() == 0
    assert "48.9" in page.locator(".region-map-figure figcaption").inner_text()


def test_the_map_asks_nothing_of_any_other_host(page, gazetteer, live_server):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))

    page.goto("/regions/donetsk-oblast/")
    page.locator("#region-map path.region-map-own").wait_for()

    assert hosts == {urlsplit(live_server.url).netloc}


def test_without_javascript_the_page_gives_the_point_in_text_and_no_empty_map(browser, live_server, gazetteer):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()

    page.goto("/regions/lyman/")

    assert page.locator("#region-map").is_hidden()
    assert "Location: 48.9" in page.locator(".region-map-figure figcaption").inner_text()
    context.close()


def test_a_region_page_with_its_map_drawn_has_no_serious_accessibility_violation(page, gazetteer):
    page.goto("/regions/donetsk-oblast/")
    page.locator("#region-map path.region-map-own").wait_for()

    assert serious_violations(page) == []
