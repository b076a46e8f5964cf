import datetime
from pathlib import Path

import pytest

from reports.importers.formats import ArticleRecord, RecordError
from reports.models import Article, Claim, Source
from reports.services import import_runs, importing, suggestions
from reports.services.gazetteer import gazetteer_load
from reports.services.sources import sources_load

pytestmark = pytest.mark.django_db

SAMPLE_BODY = (Path(__file__).resolve().parents[2] / "reports" / "data" / "demo" / "2025-04-02-unn-isw-luhansk.txt").read_text()


@pytest.fixture(autouse=True)
def shipped_data():
    gazetteer_load()
    sources_load()


def record(**changes):
    values = {
        "title": "Russian forces advance near Lyman",
        "published_on": datetime.date(2025, 4, 2),
        "publisher": "UNN",
        "cited": ("ISW",),
        "dateline": "Kyiv",
        "lead": "Analysts report an advance.",
        "body": "Analysts point out that Russian forces advanced northeast of Lyman on March 30.\nThe text goes on.",
        "url": "https://unn.example/news/1",
        "origin": "feed.jsonl:1",
    }
    values.update(changes)
    return ArticleRecord(**values)


def run(*records, dry_run=False, draft=False):
    return import_runs.articles_import(
        records=list(records), context=importing.import_context_build(draft=draft), dry_run=dry_run
    )


def test_an_article_is_created_with_its_publisher_cited_source_and_suggestions():
    summary = run(record())

    article = Article.objects.get()
    assert (summary.created, article.publisher.slug, [s.slug for s in article.cited_sources.all()]) == (1, "unn", ["isw"])
    assert [region.slug for region in article.suggested_regions.all()] == ["lyman"]
    claim = article.claims.get()
    assert (claim.status, claim.claimant.slug, claim.occurred_start) == ("suggested", "isw", datetime.date(2025, 3, 30))
    assert not article.regions.exists()


def test_a_new_article_and_its_claims_have_one_history_row_each():
    run(record())

    article = Article.objects.get()
    assert article.history.count() == 1
    assert [s.source.slug for s in article.history.get().cited_sources.all()] == ["isw"]
    assert Claim.history.filter(id=article.claims.get().pk).count() == 1


def test_importing_the_same_text_twice_creates_nothing_new():
    run(record())
    summary = run(record())

    assert (summary.created, summary.unchanged) == (0, 1)
    assert (Article.objects.count(), Claim.objects.count(), Article.history.count()) == (1, 1, 1)


def test_a_changed_text_for_the_same_url_updates_the_article_through_history():
    run(record())
    new_body = record().body + "\nISW assessed that Russian forces struck Kramatorsk yesterday."

    summary = run(record(body=new_body))

    article = Article.objects.get()
    assert summary.updated == 1
    assert article.body == new_body
    assert article.history.earliest().body == record().body
    assert article.claims.count() == 2


def test_a_rejected_suggestion_is_not_suggested_again_when_the_text_changes():
    run(record())
    suggestions.claim_reject(claim=Claim.objects.get(), user=None)

    run(record(body=record().body + "\nMore words."))

    assert not Claim.objects.exists()


def test_a_changed_text_that_drops_a_confirmed_quote_fails_and_keeps_the_article():
    run(record())
    suggestions.claim_accept(claim=Claim.objects.select_related("article").get(), user=None)

    summary = run(record(body="An entirely different text."))

    assert summary.failed == 1
    assert "feed.jsonl:1" in summary.failures[0]
    assert Article.objects.get().body == record().body


def test_an_unknown_source_is_created_and_flagged_for_review():
    run(record(publisher="Kyiv Post"))

    source = Source.objects.get(name="Kyiv Post")
    assert source.needs_review
    assert Article.objects.get().publisher == source


def test_sources_are_found_by_alias():
    run(record(cited=("Institute for the Study of War (ISW)",), publisher="Ukrainian National News"))

    article = Article.objects.get()
    assert (article.publisher.slug, article.cited_sources.get().slug) == ("unn", "isw")


def test_a_bad_record_is_reported_and_the_good_ones_imported():
    summary = run(RecordError("feed.jsonl", 2, "not valid JSON"), record())

    assert (summary.created, summary.failed, summary.failures) == (1, 1, ["feed.jsonl:2: not valid JSON"])


def test_a_record_the_database_refuses_leaves_nothing_behind():
    summary = run(record(title="x" * 600, publisher="A New Agency"))

    assert summary.failed == 1
    assert not Article.objects.exists()
    assert not Source.objects.filter(name="A New Agency").exists()


def test_a_dry_run_saves_nothing_but_counts_what_it_would_do():
    summary = run(record(), dry_run=True)

    assert summary.created == 1
    assert not Article.objects.exists()


def test_draft_keeps_new_articles_private():
    run(record(), draft=True)

    assert Article.objects.get().status == Article.Status.DRAFT


def test_the_sample_after_the_demo_article_is_recognised_as_the_same_article():
    from reports.importers.formats import read_records
    from reports.services.demo import demo_load

    demo_load()
    records = list(read_records("sample.txt", __import__("io").BytesIO(SAMPLE_BODY.encode())))

    summary = run(*records)

    assert (summary.unchanged, Article.objects.count()) == (1, 1)


def test_accepting_all_regions_moves_them_and_clears_the_suggestions():
    run(record())
    article = Article.objects.get()

    suggestions.regions_accept_all(article=article, user=None)

    assert [region.slug for region in article.regions.all()] == ["lyman"]
    assert not article.suggested_regions.exists()
