"""What a reader does, with the keyboard only: pick a region, filter, search, follow a quote, page on."""

import datetime

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from reports.models import Article
from tests.factories import ArticleFactory, ClaimFactory


@pytest.fixture
def demo(capsys):
    call_command("load_demo")
    capsys.readouterr()
    return Article.objects.get()


def focus_and_type(page, label, text):
    page.get_by_label(label, exact=True).focus()
    page.keyboard.type(text)


def test_reader_picks_a_region_by_typing_its_ukrainian_name(page, demo):
    page.goto("/claims/")
    focus_and_type(page, "Region", "Луганщина")
    page.keyboard.press("Enter")

    expect(page.get_by_role("link", name="Remove filter Region: Luhansk Oblast")).to_be_visible()
    expect(page.get_by_text("Russian forces first captured the whole of Luhansk Oblast on 3 July 2022.")).to_be_visible()
    expect(page.get_by_text("Ukraine's Ministry of Foreign Affairs protested")).to_have_count(0)


def test_region_picker_suggests_places_while_typing(page, demo):
    page.goto("/claims/")
    focus_and_type(page, "Region", "Луган")

    options = page.locator("#region-options option")
    expect(options.first).to_have_attribute("value", "luhansk-oblast")


def test_reader_filters_by_isw_and_searches_a_phrase(page, demo):
    page.goto("/claims/")
    focus_and_type(page, "Source", "ISW")
    focus_and_type(page, "Search", '"tenfold advantage"')
    page.keyboard.press("Enter")

    results = page.locator("ol.results > li")
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("advanced northeast of Lyman")
    expect(results.first.locator("mark").first).to_be_visible()


def test_reader_opens_an_article_and_follows_a_highlighted_quote_to_its_claim(page, demo):
    page.goto("/articles/")
    link = page.get_by_role("link", name=demo.title)
    link.focus()
    page.keyboard.press("Enter")

    quote = page.locator("mark a", has_text="The occupiers first captured the entire Luhansk region on July 3, 2022")
    quote.focus()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Russian forces first captured the whole of Luhansk Oblast on 3 July 2022."
    )
    expect(page.locator("dt:has-text('Happened') + dd")).to_have_text("July 3, 2022")


def test_reader_switches_the_interface_to_ukrainian_with_the_keyboard(page, demo):
    page.goto("/claims/")
    page.get_by_role("button", name="Українська").focus()
    page.keyboard.press("Enter")

    expect(page.locator("html")).to_have_attribute("lang", "uk")
    assert "/uk/claims/" in page.url


def test_reader_pages_through_results(page, db):
    article = ArticleFactory(body="Claim text " + " ".join(f"number {n}." for n in range(60)))
    for number in range(60):
        ClaimFactory(
            article=article,
            statement=f"Claim {number:02d}",
            quote=f"number {number}.",
            asserted_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
        )

    page.goto("/claims/")
    expect(page.locator("ol.results > li")).to_have_count(50)
    page.get_by_role("link", name="Next →").focus()
    page.keyboard.press("Enter")

    expect(page.locator("ol.results > li")).to_have_count(10)
    expect(page.locator("ol.results > li").first).to_contain_text("Claim 09")
    page.get_by_role("link", name="← Previous").focus()
    page.keyboard.press("Enter")
    expect(page.locator("ol.results > li").first).to_contain_text("Claim 59")
