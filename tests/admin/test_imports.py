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


def _paste(client, title, publisher, day):
    text = (
        f" date 2025-04-{day:02d} {title} - ISW\nKyiv • {publisher}\nThe lead.\n"
        "ISW assessed that Russian forces advanced near Lyman on March 30.\n"
    )
    client.post(IMPORT_URL, {"text": text, "draft": "on"})
    run_queued_jobs()
    return Article.objects.get(title=title)


def test_review_queue_is_newest_first_says_how_many_wait_and_filters_by_publisher(editor):
    older = _paste(editor, "Older report on Lyman", "UNN", 1)
    newer = _paste(editor, "Newer report on Lyman", "Ukrinform", 2)

    page = editor.get(QUEUE_URL).content.decode()
    assert "2 articles wait for review, newest first." in page
    assert page.index(newer.title) < page.index(older.title)

    only = editor.get(QUEUE_URL, {"publisher": older.publisher_id}).content.decode()
    assert older.title in only and newer.title not in only
    assert editor.get(QUEUE_URL, {"publisher": "not-a-number"}).status_code == 200


def test_history_never_shows_none_as_the_change_reason(admin_client):
    from reports.models import Source

    editor = User.objects.get(is_superuser=True)
    source = Source(name="Regional Military Administration", slug="rma")
    source._history_user = editor  # a user on every version: the user column says None only when there is none
    source.save()
    source.description = "Edited without a reason."
    source._history_user = editor
    source.save()

    page = admin_client.get(f"/admin/reports/source/{source.pk}/history/").content.decode()
    assert "None" not in page
    assert list(Source.history.filter(id=source.pk).values_list("history_change_reason", flat=True)) == ["", ""]


def test_claimant_autocomplete_offers_the_exact_name_first(admin_client):
    from reports.models import Source

    Source.objects.create(name="Joint Forces of the Steppe Command", short_name="SCC", slug="scc")
    Source.objects.create(name="Steppe", slug="steppe", aliases=["Steppe group"])
    Source.objects.create(name="Steppeland Monitor", slug="steppeland")
    answer = admin_client.get(
        "/admin/autocomplete/", {"app_label": "reports", "model_name": "claim", "field_name": "claimant", "term": "Steppe"}
    ).json()
    names = [result["text"] for result in answer["results"]]
    assert names[:3] == ["Steppe", "Steppeland Monitor", "SCC"]  # a source shows as its short name
    short = admin_client.get(
        "/admin/autocomplete/", {"app_label": "reports", "model_name": "claim", "field_name": "claimant", "term": "SCC"}
    ).json()
    assert [result["text"] for result in short["results"]][0] == "SCC"


def test_the_review_screen_edits_the_claimant_through_the_autocomplete(editor):
    article = imported(editor)
    page = editor.get(review_url(article)).content.decode()
    assert "admin-autocomplete" in page  # the widget, not a list of every source
    assert "autocomplete.js" in page and "css/review.css" in page
    import re

    claimant_lists = re.findall(r'<select name="\d+-claimant"[^>]*>(.*?)</select>', page, re.DOTALL)
    assert claimant_lists and all(options.count("<option") <= 2 for options in claimant_lists)  # the chosen one only


def test_the_admin_home_links_to_import_and_to_the_review_queue(editor):
    page = editor.get("/admin/").content.decode()
    assert f'href="{IMPORT_URL}"' in page and f'href="{QUEUE_URL}"' in page
