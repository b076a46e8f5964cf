import calendar
import datetime
import hashlib
from collections import Counter

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import transaction

from reports.models import Article, Claim, Region, Source
from reports.synthetic import SyntheticArchiveError, archive_generate, run
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def snapshot():
    """What a reader sees of the synthetic archive, without database ids."""
    return [
        (article.slug, article.title, article.body, [claim.quote for claim in article.claims.order_by("quote_start")])
        for article in Article.objects.filter(is_synthetic=True).order_by("slug")
    ]


def test_every_generated_article_and_source_is_marked_synthetic(gazetteer, isw):
    result = archive_generate(articles=40, seed=1)

    assert result.articles == 40
    assert Article.objects.count() == 40
    assert Article.objects.filter(is_synthetic=False).count() == 0
    assert all(slug.startswith("synthetic-") for slug in Article.objects.values_list("slug", flat=True))
    assert all(url.startswith("https://synthetic.invalid/") for url in Article.objects.values_list("url", flat=True))
    generated = Source.objects.exclude(pk=isw.pk)
    assert generated.count() == result.sources_created > 0
    assert generated.filter(is_synthetic=False).count() == 0
    assert all(source.slug.startswith("synthetic-") for source in generated)
    assert all(source.website.startswith("https://synthetic.invalid/") for source in generated)
    isw.refresh_from_db()
    assert isw.is_synthetic is False


def test_claims_of_generated_articles_are_marked_synthetic_too(gazetteer, isw):
    archive_generate(articles=40, seed=1)

    assert Claim.objects.count() > 0
    assert Claim.objects.filter(is_synthetic=False).count() == 0


def test_each_quote_is_the_exact_text_at_its_offsets(gazetteer, isw):
    archive_generate(articles=40, seed=1)

    claims = Claim.objects.select_related("article")
    assert claims.count() > 0
    for claim in claims:
        assert claim.quote
        assert claim.article.body[claim.quote_start : claim.quote_end] == claim.quote


def test_each_article_has_two_to_eight_claims_and_one_to_three_regions(gazetteer, isw):
    archive_generate(articles=40, seed=1)

    for article in Article.objects.prefetch_related("claims__regions", "regions"):
        assert 2 <= article.claims.count() <= 8
        assert 1 <= article.regions.count() <= 3
        for claim in article.claims.all():
            assert 1 <= claim.regions.count() <= 2


def test_article_hash_is_the_sha256_of_its_text(gazetteer, isw):
    archive_generate(articles=40, seed=1)

    for body, sha256 in Article.objects.values_list("body", "sha256"):
        assert sha256 == hashlib.sha256(body.encode()).hexdigest()
        assert 900 <= len(body) <= 3500


def test_full_text_search_finds_generated_articles(gazetteer, isw):
    archive_generate(articles=40, seed=1)

    mentioning = set(Article.objects.filter(language="en", body__contains="Donetsk").values_list("pk", flat=True))
    found = set(Article.objects.filter(search=SearchQuery("Donetsk", config="simple")).values_list("pk", flat=True))
    assert mentioning
    assert mentioning <= found


def test_same_seed_gives_the_same_archive(gazetteer, isw):
    archive_generate(articles=40, seed=7)
    first = snapshot()

    archive_generate(articles=40, seed=7, replace=True)

    assert snapshot() == first
    archive_generate(articles=40, seed=8, replace=True)
    assert snapshot() != first


@pytest.mark.django_db(transaction=True)
def test_writing_on_several_connections_gives_the_same_archive(gazetteer, isw, monkeypatch):
    # Small batches, so that outside a transaction most of them go through the concurrent writers.
    monkeypatch.setattr(run, "BATCH_ARTICLES", 10)
    on_own_connection = []
    write = run._write_on_own_connection
    monkeypatch.setattr(run, "_write_on_own_connection", lambda batch: on_own_connection.append(batch) or write(batch))
    archive_generate(articles=40, seed=7)
    assert len(on_own_connection) == 3  # the first batch is written before the writers start
    concurrent = snapshot()
    claims = Claim.objects.count()

    with transaction.atomic():
        archive_generate(articles=40, seed=7, replace=True)

    assert snapshot() == concurrent
    assert Claim.objects.count() == claims
    assert [article.slug for article in Article.objects.order_by("slug")][-1] == "synthetic-000040"


def test_replace_removes_earlier_synthetic_data_and_keeps_real_articles(gazetteer, isw):
    real = ArticleFactory(publisher=isw, slug="real-report")
    real_claim = ClaimFactory(article=real)
    archive_generate(articles=40, seed=1)

    result = archive_generate(articles=10, seed=2, replace=True)

    assert result.deleted_articles == 40
    assert Article.objects.filter(is_synthetic=True).count() == 10
    assert sorted(Article.objects.filter(is_synthetic=True).values_list("slug", flat=True))[0] == "synthetic-000001"
    assert Claim.objects.filter(article__is_synthetic=True).count() == result.claims
    assert Source.objects.filter(is_synthetic=True).count() == result.sources_created
    real.refresh_from_db()
    assert real.is_synthetic is False
    assert list(real.claims.all()) == [real_claim]
    assert real.body.startswith("Russian forces advanced northeast of Lyman")


def test_generating_again_appends_with_new_slugs_and_reuses_sources(gazetteer, isw):
    archive_generate(articles=5, seed=1)

    again = archive_generate(articles=5, seed=2)

    slugs = sorted(Article.objects.values_list("slug", flat=True))
    assert slugs == [f"synthetic-{number:06d}" for number in range(1, 11)]
    assert again.sources_created == 0


def test_occurred_ranges_match_their_precision(gazetteer, isw):
    archive_generate(articles=200, seed=3)

    dated = Claim.objects.exclude(occurred_precision="")
    assert set(dated.values_list("occurred_precision", flat=True)) == {"day", "week", "month", "season", "year", "approximate"}
    for start, end, precision in dated.values_list("occurred_start", "occurred_end", "occurred_precision"):
        if precision == "day":
            assert start == end
        elif precision == "week":
            assert start.isoweekday() == 1 and end - start == datetime.timedelta(days=6)
        elif precision == "month":
            assert start.day == 1 and (end.year, end.month) == (start.year, start.month)
            assert end.day == calendar.monthrange(end.year, end.month)[1]
        elif precision == "season":
            assert start.day == 1 and start.month in (3, 6, 9, 12)
            assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == 2
        elif precision == "year":
            assert (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year
        else:
            assert start.day in (1, 11, 21) and start.month == end.month and end.day >= start.day + 7


def test_distributions_are_plausible(gazetteer, isw):
    archive_generate(articles=500, seed=1)

    articles, claims = Article.objects.all(), Claim.objects.all()
    languages = Counter(articles.values_list("language", flat=True))
    assert 0.40 <= languages["en"] / 500 <= 0.60
    assert 0.25 <= languages["uk"] / 500 <= 0.45
    assert 0.08 <= languages["ru"] / 500 <= 0.22
    assert 0.01 <= articles.filter(status="draft").count() / 500 <= 0.10
    assert 3.5 <= claims.count() / 500 <= 4.5
    assert 0.60 <= claims.exclude(occurred_precision="").count() / claims.count() <= 0.80
    assert 0.12 <= claims.filter(quantity_value__isnull=False).count() / claims.count() <= 0.28
    assert set(claims.values_list("topic", flat=True)) == set(Claim.Topic.values)
    statuses = Counter(claims.values_list("status", flat=True))
    assert set(statuses) == set(Claim.Status.values)
    assert statuses.most_common(1)[0][0] == "unverified"
    assert set(claims.exclude(quantity_unit="").values_list("quantity_unit", flat=True)) == {
        "km²",
        "%",
        "people",
        "assaults",
        "drones",
    }
    published = articles.values_list("published_on", flat=True)
    assert min(published) >= datetime.date(2022, 2, 24) and max(published) <= datetime.date(2026, 10, 31)
    # The front-line oblast weighs more than the other one: Donetsk's tree is named more often than Luhansk's.
    donetsk, luhansk = Region.objects.get(code="UA-14"), Region.objects.get(code="UA-09")
    assert articles.in_region(donetsk).count() > articles.in_region(luhansk).count()


def test_refuses_without_regions(isw):
    with pytest.raises(SyntheticArchiveError, match="run load_gazetteer first"):
        archive_generate(articles=10, seed=1)
    assert Article.objects.count() == 0
