from pathlib import Path

from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from reports.models import Claim
from reports.services.gazetteer import gazetteer_load
from reports.services.sources import sources_load
from tests.support import run_queued_jobs

SAMPLE = Path(__file__).resolve().parents[2] / "reports" / "data" / "demo" / "2025-04-02-unn-isw-luhansk.txt"


def log_in(page, group):
    user = User.objects.create_user(group.lower(), password="a long test password", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill("a long test password")
    page.get_by_role("button", name="Log in").click()


def test_editor_imports_the_sample_and_reviews_its_suggestions(page):
    gazetteer_load()
    sources_load()
    log_in(page, "Editor")

    page.goto("/admin/reports/article/")
    page.get_by_role("link", name="Import articles").click()
    page.get_by_label("Article text").fill(SAMPLE.read_text(encoding="utf-8"))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text("waiting for the worker")).to_be_visible()
    run_queued_jobs()
    page.reload()
    expect(page.get_by_text("1 created, 0 updated, 0 unchanged, 0 failed.").first).to_be_visible()

    page.get_by_role("link", name="Russia is slowing down the ceasefire").click()
    expect(page.locator("mark").first).to_be_visible()
    claim = page.locator("article", has_text="The occupiers first captured the entire Luhansk region on July 3, 2022")
    claim.get_by_role("button", name="Accept").click()
    expect(page.get_by_text("Claim accepted: it is now unverified.")).to_be_visible()
    page.get_by_role("button", name="Accept region Lyman").click()
    expect(page.get_by_text("Lyman added to the article's regions.")).to_be_visible()

    accepted = Claim.objects.get(quote="The occupiers first captured the entire Luhansk region on July 3, 2022")
    assert accepted.status == Claim.Status.UNVERIFIED
    assert list(accepted.article.regions.values_list("slug", flat=True)) == ["lyman"]
    assert page.csp_violations == []


def test_reviewer_finds_waiting_articles_in_the_queue(page):
    gazetteer_load()
    sources_load()
    from reports.importers.formats import read_records
    from reports.services import import_runs, importing

    with SAMPLE.open("rb") as stream:
        import_runs.articles_import(records=list(read_records(SAMPLE.name, stream)), context=importing.import_context_build())
    log_in(page, "Reviewer")

    page.goto("/admin/reports/article/")
    page.get_by_role("link", name="Review queue").click()
    page.get_by_role("link", name="Russia is slowing down the ceasefire").click()
    page.get_by_role("button", name="Accept all claims").click()

    expect(page.get_by_text("10 claims accepted.")).to_be_visible()
    assert not Claim.objects.filter(status=Claim.Status.SUGGESTED).exists()
