from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile

from reports.models import Article, Claim, Region
from reports.services.gazetteer import gazetteer_load
from reports.services.sources import sources_load
from tests.support import run_queued_jobs

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[2] / "reports" / "data" / "demo" / "2025-04-02-unn-isw-luhansk.txt"
IMPORT_URL = "/admin/reports/article/import/"
QUEUE_URL = "/admin/reports/article/review/"


@pytest.fixture(autouse=True)
def shipped_data():
    gazetteer_load()
    sources_load()


def staff_in(group_name):
    user = User.objects.create_user(f"{group_name.lower()}-user", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(client):
    client.force_login(staff_in("Editor"))
    return client


def imported(client):
    client.post(IMPORT_URL, {"text": SAMPLE.read_text(encoding="utf-8"), "draft": "on"})
    run_queued_jobs()
    return Article.objects.get()


def import_job_page(client, data):
    """Ask for an import, let the job worker run it, and return the job's page."""
    response = client.post(IMPORT_URL, data)
    assert response.status_code == 302
    run_queued_jobs()
    return client.get(response["Location"])


def review_url(article):
    return f"/admin/reports/article/{article.pk}/review/"


def test_pasted_sample_is_imported_as_a_draft_with_suggested_claims(editor):
    response = import_job_page(editor, {"text": SAMPLE.read_text(encoding="utf-8"), "draft": "on"})

    assert response.status_code == 200
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert article.claims.filter(status=Claim.Status.SUGGESTED).count() >= 6
    assert "1 created" in response.content.decode()


def test_uploaded_jsonl_file_is_imported(editor):
    line = (
        b'{"title": "Strikes on Kharkiv", "published": "2025-05-02", "publisher": "Ukrinform", '
        b'"body": "The General Staff reported that Russian drones struck Kharkiv yesterday."}\n'
    )
    upload = SimpleUploadedFile("feed.jsonl", line, content_type="application/json")

    import_job_page(editor, {"file": upload})

    article = Article.objects.get()
    assert article.title == "Strikes on Kharkiv"
    assert list(article.suggested_regions.values_list("slug", flat=True)) == ["kharkiv"]


def test_import_without_text_or_file_asks_for_one(editor):
    response = editor.post(IMPORT_URL, {"text": "  "})

    assert "Paste an article or choose a file." in response.content.decode()
    assert not Article.objects.exists()


def test_bad_pasted_text_is_reported_and_nothing_is_saved(editor):
    response = import_job_page(editor, {"text": " date 2025-13-45 Title - ISW\nKyiv • UNN\nLead\nBody\n"})

    assert "2025-13-45 is not a real date" in response.content.decode()
    assert not Article.objects.exists()


def test_reviewer_cannot_open_the_import_page(client):
    client.force_login(staff_in("Reviewer"))

    assert client.get(IMPORT_URL).status_code == 403


def test_review_page_marks_each_suggested_quote_in_the_text(editor):
    article = imported(editor)
    claim = article.claims.get(quote__startswith="The occupiers first captured")

    page = editor.get(review_url(article)).content.decode()

    assert (
        f'<mark><a href="#claim-{claim.pk}">The occupiers first captured the entire Luhansk region on July 3, 2022</a></mark>'
        in page
    )


def test_accepting_a_suggested_claim_makes_it_unverified(editor):
    article = imported(editor)
    claim = article.claims.get(quote__startswith="The occupiers first captured")

    editor.post(review_url(article), {"action": "accept", "claim": claim.pk})

    claim.refresh_from_db()
    assert claim.status == Claim.Status.UNVERIFIED


def test_rejecting_a_suggested_claim_deletes_it_and_keeps_its_history(editor):
    article = imported(editor)
    claim = article.claims.get(quote__startswith="The occupiers first captured")

    editor.post(review_url(article), {"action": "reject", "claim": claim.pk})

    assert not Claim.objects.filter(pk=claim.pk).exists()
    assert Claim.history.filter(id=claim.pk, history_type="-").exists()


def test_editing_a_suggested_claim_saves_the_changes_and_accepts_it(editor):
    article = imported(editor)
    claim = article.claims.get(quote__startswith="The occupiers first captured")
    prefix = f"{claim.pk}-"
    data = {
        "action": "edit",
        "claim": claim.pk,
        prefix + "statement": "Russian forces first captured the whole of Luhansk Oblast on 3 July 2022.",
        prefix + "quote": claim.quote,
        prefix + "claimant": claim.claimant_id,
        prefix + "occurred_start": "2022-07-03",
        prefix + "occurred_end": "2022-07-03",
        prefix + "occurred_precision": "day",
        prefix + "topic": "territorial_control",
        prefix + "quantity_value": "",
        prefix + "quantity_unit": "",
    }

    editor.post(review_url(article), data)

    claim.refresh_from_db()
    assert claim.statement == "Russian forces first captured the whole of Luhansk Oblast on 3 July 2022."
    assert claim.status == Claim.Status.UNVERIFIED


def test_an_edit_with_a_quote_not_in_the_text_is_refused(editor):
    article = imported(editor)
    claim = article.claims.get(quote__startswith="The occupiers first captured")
    prefix = f"{claim.pk}-"
    data = {
        "action": "edit",
        "claim": claim.pk,
        prefix + "statement": "Something",
        prefix + "quote": "words the article never used",
        prefix + "topic": "other",
    }

    response = editor.post(review_url(article), data)

    assert "These words do not occur in the article" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == Claim.Status.SUGGESTED


def test_accept_all_accepts_every_suggested_claim(editor):
    article = imported(editor)

    editor.post(review_url(article), {"action": "accept_all"})

    assert not article.claims.filter(status=Claim.Status.SUGGESTED).exists()


def test_accepting_a_suggested_region_moves_it_to_the_article_regions(editor):
    article = imported(editor)
    lyman = Region.objects.get(slug="lyman")

    editor.post(review_url(article), {"action": "region_accept", "region": lyman.pk})

    assert list(article.regions.all()) == [lyman]
    assert lyman not in article.suggested_regions.all()


def test_rejecting_a_suggested_region_removes_the_suggestion_only(editor):
    article = imported(editor)
    kherson = Region.objects.get(slug="kherson-oblast")

    editor.post(review_url(article), {"action": "region_reject", "region": kherson.pk})

    assert kherson not in article.suggested_regions.all()
    assert not article.regions.exists()


def test_reviewer_may_accept_claims_but_not_reject_them(client):
    client.force_login(staff_in("Editor"))
    article = imported(client)
    claim = article.claims.filter(status=Claim.Status.SUGGESTED).first()
    client.force_login(staff_in("Reviewer"))

    rejected = client.post(review_url(article), {"action": "reject", "claim": claim.pk})
    client.post(review_url(article), {"action": "accept", "claim": claim.pk})

    assert rejected.status_code == 403
    claim.refresh_from_db()
    assert claim.status == Claim.Status.UNVERIFIED


def test_review_queue_lists_articles_with_suggestions_waiting(editor):
    article = imported(editor)

    page = editor.get(QUEUE_URL).content.decode()

    assert f'href="{review_url(article)}"' in page


def test_review_queue_leaves_out_articles_once_everything_is_reviewed(editor):
    article = imported(editor)
    editor.post(review_url(article), {"action": "accept_all"})
    editor.post(review_url(article), {"action": "regions_accept_all"})

    page = editor.get(QUEUE_URL).content.decode()

    assert "Nothing is waiting for review." in page


def test_article_list_filter_shows_only_articles_awaiting_review(editor):
    article = imported(editor)
    editor.post(review_url(article), {"action": "accept_all"})
    editor.post(review_url(article), {"action": "regions_accept_all"})

    waiting = editor.get("/admin/reports/article/?review=waiting").content.decode()
    everything = editor.get("/admin/reports/article/").content.decode()

    change_link = f"/admin/reports/article/{article.pk}/change/"
    assert change_link in everything
    assert change_link not in waiting
