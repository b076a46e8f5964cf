from playwright.sync_api import expect

from tests.factories import ArticleFactory, ClaimFactory

BODY = "Details\nAnalysts point out that the Russians have recently advanced northeast of Lyman.\nLet us remind you"


def test_reader_follows_a_claim_from_the_home_page_to_its_words(page):
    article = ArticleFactory(title="Russia is slowing down the ceasefire", body=BODY)
    claim = ClaimFactory(
        article=article,
        statement="Russian forces advanced northeast of Lyman",
        quote="the Russians have recently advanced northeast of Lyman",
    )

    page.goto("/")
    page.get_by_role("link", name="Russian forces advanced northeast of Lyman").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Russian forces advanced northeast of Lyman")
    page.get_by_role("link", name="Read it in the article").click()

    assert page.url.endswith(f"/articles/{article.slug}/#quote-{claim.pk}")
    quote = page.locator(f"mark#quote-{claim.pk}")
    expect(quote).to_have_text("the Russians have recently advanced northeast of Lyman")
    expect(quote).to_be_in_viewport()
    assert page.csp_violations == []


def test_keyboard_user_can_skip_to_the_content(page):
    ArticleFactory()

    page.goto("/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Enter")

    assert page.evaluate("location.hash") == "#main"


def test_language_switch_turns_the_interface_ukrainian(page):
    ArticleFactory()

    page.goto("/")
    page.get_by_role("button", name="Українська").click()

    expect(page.locator("html")).to_have_attribute("lang", "uk")
    assert "/uk/" in page.url


def test_home_page_fits_a_phone_screen(page):
    ClaimFactory(statement="A very long statement " * 10)
    page.set_viewport_size({"width": 375, "height": 740})

    page.goto("/")

    assert page.evaluate("document.documentElement.scrollWidth") <= 375
