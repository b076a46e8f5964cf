"""On a 375 px phone: no page is wider than the screen, and the filters are one tap away at the top of a list."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from reports.models import Article, Claim, Region, Source

PHONE = {"width": 375, "height": 740}


@pytest.fixture
def demo(capsys):
    call_command("load_demo")
    capsys.readouterr()


@pytest.fixture
def phone(browser, live_server, editor_groups):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, locale="en-GB", has_touch=True)
    yield context.new_page()
    context.close()


def test_no_public_page_is_wider_than_a_phone(phone, demo):
    claim, article = Claim.objects.first(), Article.objects.first()
    region, source = Region.objects.get(code="UA-09"), Source.objects.get(slug="isw")
    pages = [
        "/", "/claims/", "/articles/", "/regions/", region.get_absolute_url(), "/sources/", source.get_absolute_url(),
        claim.get_absolute_url(), article.get_absolute_url(), "/integrity/", "/uk/claims/", "/uk/sources/",
        "/claims/facets/source/",
    ]  # fmt: skip
    too_wide = {}
    for path in pages:
        phone.goto(path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[path] = width

    assert too_wide == {}


def test_the_filters_are_one_tap_away_at_the_top_of_a_list(phone, demo):
    phone.goto("/claims/")
    jump = phone.get_by_role("link", name="Filters and counts")
    assert jump.bounding_box()["y"] < PHONE["height"]

    jump.tap()

    expect(phone.get_by_role("heading", name="Narrow down")).to_be_in_viewport()
