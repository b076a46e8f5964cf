"""The map of a filtered list in Chromium: outlines shaded by count, located places, a click narrows the view."""

import urllib.parse

import pytest
from django.core.management import call_command
from playwright.sync_api import expect


@pytest.fixture
def demo(capsys):
    call_command("load_demo")
    capsys.readouterr()


def test_the_map_draws_the_units_and_a_click_on_one_narrows_the_view_to_it(page, demo):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto("/claims/?topic=territorial_control&view=map")

    units = page.locator("#list-map path.list-map-unit")
    expect(units.first).to_be_visible()
    assert units.count() >= 27
    shaded = page.locator("#list-map path.list-map-unit:not(.list-map-shade-0)")
    expect(shaded).to_have_count(2)  # the demo's claims concern Luhansk Oblast and Lyman, in Donetsk Oblast

    page.locator("#list-map path.list-map-UA-09").click()
    page.wait_for_load_state()

    query = urllib.parse.parse_qsl(urllib.parse.urlsplit(page.url).query)
    assert query == [("region", "luhansk-oblast"), ("topic", "territorial_control"), ("view", "map")]
    assert all(url.startswith(page.url.split("/claims/")[0]) for url in requests)  # nothing from elsewhere
    assert page.csp_violations == []


def test_a_region_page_draws_each_claimants_lane_and_a_mark_opens_its_claim(page, demo):
    page.goto("/regions/luhansk-oblast/")

    expect(page.get_by_role("heading", name="Who said what about control of it")).to_be_visible()
    marks = page.locator("svg.control-chart rect.mark")
    expect(marks).to_have_count(3)  # captured (July 2022), liberated (autumn 2022), contested (late 2024)
    expect(page.locator("svg.control-chart rect.stance-captured")).to_have_count(1)

    page.locator("svg.control-chart rect.stance-captured").click()
    page.wait_for_load_state()

    heading = "Russian forces first captured the whole of Luhansk Oblast on 3 July 2022."
    expect(page.get_by_role("heading", name=heading)).to_be_visible()


def test_a_timeline_bar_narrows_the_list_to_its_dates(page, demo):
    page.goto("/claims/")
    bars = page.locator("svg.timeline-chart a")
    expect(bars.first).to_be_visible()
    tallest = max(range(bars.count()), key=lambda index: float(bars.nth(index).locator("rect").get_attribute("height")))
    count = bars.nth(tallest).locator("title").text_content().rsplit(": ", 1)[1]

    bars.nth(tallest).click()
    page.wait_for_load_state()

    names = [name for name, _value in urllib.parse.parse_qsl(urllib.parse.urlsplit(page.url).query)]
    assert names == ["occurred_from", "occurred_to"]
    expect(page.locator("p.summary")).to_have_attribute("data-total", count)
