"""The database itself refuses invalid rows, whatever path they take (forms, services, raw updates)."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from reports.models import Article, Claim, Region, Source
from tests.factories import ArticleFactory, ClaimFactory, RegionFactory, SourceFactory

pytestmark = pytest.mark.django_db


def refused(queryset, **values):
    with pytest.raises(IntegrityError), transaction.atomic():
        queryset.update(**values)
    return True


def test_occurred_start_after_end_is_refused_by_the_database():
    claim = ClaimFactory(
        occurred_start=datetime.date(2024, 5, 1), occurred_end=datetime.date(2024, 5, 31), occurred_precision="month"
    )
    assert refused(Claim.objects.filter(pk=claim.pk), occurred_start=datetime.date(2024, 6, 1))


def test_occurred_dates_without_precision_are_refused():
    claim = ClaimFactory()
    assert refused(
        Claim.objects.filter(pk=claim.pk), occurred_start=datetime.date(2024, 5, 1), occurred_end=datetime.date(2024, 5, 1)
    )


def test_unknown_precision_is_refused():
    claim = ClaimFactory(
        occurred_start=datetime.date(2024, 5, 1), occurred_end=datetime.date(2024, 5, 1), occurred_precision="day"
    )
    assert refused(Claim.objects.filter(pk=claim.pk), occurred_precision="fortnight")


def test_unknown_claim_status_is_refused():
    claim = ClaimFactory()
    assert refused(Claim.objects.filter(pk=claim.pk), status="maybe")


def test_unknown_article_status_is_refused():
    article = ArticleFactory()
    assert refused(Article.objects.filter(pk=article.pk), status="archived")


def test_reliability_outside_a_to_f_is_refused():
    source = SourceFactory()
    assert refused(Source.objects.filter(pk=source.pk), reliability="G")


def test_two_articles_cannot_share_a_url():
    ArticleFactory(url="https://example.org/report-1")
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(url="https://example.org/report-1")


def test_many_articles_may_have_no_url():
    ArticleFactory(url="")
    ArticleFactory(url="")
    assert Article.objects.filter(url="").count() == 2


def test_two_articles_cannot_share_a_slug():
    ArticleFactory(slug="same")
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(slug="same")


def test_two_regions_cannot_share_an_official_code():
    RegionFactory(code="UA-09")
    with pytest.raises(IntegrityError), transaction.atomic():
        RegionFactory(code="UA-09")


def test_regions_without_code_may_be_many():
    RegionFactory(code="")
    RegionFactory(code="")
    assert Region.objects.filter(code="").count() == 2


def test_stored_hash_must_be_sixty_four_hex_digits():
    article = ArticleFactory()
    assert refused(Article.objects.filter(pk=article.pk), sha256="not-a-hash")
