"""A view's address is canonical: apply, refine, remove and go back, and the address stays one clean URL."""

import urllib.parse

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from reports.models import Article


@pytest.fixture
def demo(capsys):
    call_command("load_demo")
    capsys.readouterr()
    return Article.objects.get()


def query_of(page):
    return urllib.parse.parse_qsl(urllib.parse.urlsplit(page.url).query, keep_blank_values=True)


def apply_filters(page):
    page.get_by_role("button", name="Apply").click()
    page.wait_for_load_state()


def test_applying_the_form_twice_keeps_the_address_free_of_empty_and_repeated_parameters(page, demo):
    page.goto("/claims/")
    page.get_by_label("Region", exact=True).fill("Луганщина")
    apply_filters(page)
    page.get_by_label("Source", exact=True).fill("isw")
    apply_filters(page)
    apply_filters(page)

    assert query_of(page) == [("region", "Луганщина"), ("source", "isw")]
    chips = page.locator(".active-filters li a")
    expect(chips).to_have_count(2)
    expect(page.get_by_role("link", name="Remove filter Region: Luhansk Oblast")).to_be_visible()
    expect(page.get_by_role("link", name="Remove filter Source: ISW")).to_be_visible()


def test_every_filter_dates_included_has_one_chip_and_removing_one_removes_only_it(page, demo):
    page.goto("/claims/?topic=territorial_control&topic=diplomacy&published_from=2025-01-01&q=Luhansk")
    expect(page.locator(".active-filters li a")).to_have_count(4)
    expect(page.get_by_role("link", name="Remove filter Published from Jan. 1, 2025")).to_be_visible()

    page.get_by_role("link", name="Remove filter Topic: territorial control").click()
    page.wait_for_load_state()

    assert query_of(page) == [("q", "Luhansk"), ("topic", "diplomacy"), ("published_from", "2025-01-01")]
    expect(page.locator(".active-filters li a")).to_have_count(3)


def test_a_non_canonical_address_is_redirected_and_the_back_button_returns_to_the_previous_view(page, demo):
    page.goto("/claims/?source=&region=&region=UA-09&region=UA-09&page=1&sort=newest")
    assert query_of(page) == [("region", "UA-09")]
    first = page.url

    page.get_by_role("link", name="territorial control").first.click()
    page.wait_for_load_state()
    assert query_of(page) == [("region", "UA-09"), ("topic", "territorial_control")]

    page.go_back()
    page.wait_for_load_state()
    assert page.url == first
    expect(page.locator(".active-filters li a")).to_have_count(1)


def test_a_chosen_facet_value_keeps_the_others_to_add_a_second(page, demo):
    page.goto("/claims/")
    topics = page.locator('[data-facet="topic"] li')
    before = topics.count()
    assert before >= 2

    topics.first.get_by_role("link").click()
    page.wait_for_load_state()

    expect(page.locator('[data-facet="topic"] li')).to_have_count(before)
    expect(page.locator('[data-facet="topic"] a[aria-current="true"]')).to_have_count(1)
    page.locator('[data-facet="topic"] a:not([aria-current])').first.click()
    page.wait_for_load_state()
    assert [name for name, _value in query_of(page)].count("topic") == 2
    expect(page.locator('[data-facet="topic"] a[aria-current="true"]')).to_have_count(2)


def test_the_source_field_suggests_sources_while_typing(page, demo):
    page.goto("/claims/")
    page.get_by_label("Source", exact=True).focus()
    page.keyboard.type("Institute")

    expect(page.locator("#source-options option").first).to_have_attribute("value", "isw")


def test_a_reader_turns_the_list_into_a_table_chooses_columns_and_sorts_it(page, demo):
    page.goto("/claims/?region=UA-09")
    page.get_by_role("link", name="Show as a table").click()
    page.get_by_role("checkbox", name="Published by").check()
    page.get_by_role("checkbox", name="Topic").uncheck()
    page.get_by_label("Rows a page", exact=True).select_option("25")
    page.get_by_role("button", name="Show").click()
    page.wait_for_load_state()

    assert query_of(page) == [
        ("region", "UA-09"),
        ("view", "table"),
        ("columns", "claimant"),
        ("columns", "occurred"),
        ("columns", "places"),
        ("columns", "publisher"),
        ("columns", "status"),
        ("per_page", "25"),
    ]
    headers = page.locator(".results-table thead th")
    expect(headers).to_have_text(["Claim", "Asserted", "Happened", "Where", "Claimed by", "Published by", "Status"])

    page.get_by_role("link", name="Asserted").click()
    page.wait_for_load_state()
    assert ("sort", "oldest") in query_of(page)
    expect(page.locator('.results-table th[aria-sort="ascending"]')).to_have_count(1)
