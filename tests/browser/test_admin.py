from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from tests.factories import ClaimFactory


def log_in(page, group):
    user = User.objects.create_user(group.lower(), password="a long test password", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill("a long test password")
    page.get_by_role("button", name="Log in").click()


def test_editor_is_told_when_a_quote_is_not_in_the_article(page):
    claim = ClaimFactory(statement="Russian forces advanced northeast of Lyman")
    log_in(page, "Editor")

    page.goto(f"/admin/reports/claim/{claim.pk}/change/")
    page.get_by_label("Quote").fill("words that the article never used")
    page.get_by_role("button", name="Save", exact=True).first.click()

    expect(page.get_by_text("These words do not occur in the article's text")).to_be_visible()
    assert page.csp_violations == []


def test_reviewer_marks_claims_corroborated_in_bulk(page):
    claims = ClaimFactory.create_batch(2)
    log_in(page, "Reviewer")

    page.goto("/admin/reports/claim/")
    page.locator("#action-toggle").check()
    page.get_by_role("combobox", name="Action").select_option("mark_corroborated")
    page.get_by_role("button", name="Go").click()

    expect(page.get_by_text("2 claims marked corroborated.")).to_be_visible()
    for claim in claims:
        claim.refresh_from_db()
        assert claim.status == "corroborated"
