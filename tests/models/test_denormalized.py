"""The filter columns PostgreSQL keeps on articles and claims follow every change they copy."""

import datetime

import pytest

from reports.models import Article, Claim, Region
from tests.factories import ArticleFactory, ClaimFactory, RegionFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    ukraine = RegionFactory(kind=Region.Kind.COUNTRY, slug="ukraine")
    donetsk = RegionFactory(parent=ukraine, slug="donetsk-oblast")
    lyman = RegionFactory(parent=donetsk, kind=Region.Kind.SETTLEMENT, slug="lyman")
    luhansk = RegionFactory(parent=ukraine, slug="luhansk-oblast")
    return ukraine, donetsk, lyman, luhansk


def fresh(instance):
    instance.refresh_from_db()
    return instance


def test_a_claim_about_a_town_is_found_under_its_oblast_and_country(tree):
    ukraine, donetsk, lyman, luhansk = tree
    claim = ClaimFactory()
    claim.regions.add(lyman)

    assert sorted(fresh(claim).region_ids) == sorted([ukraine.pk, donetsk.pk, lyman.pk])
    assert list(Claim.objects.in_region(donetsk)) == [claim]
    assert list(Claim.objects.in_region(luhansk)) == []


def test_removing_a_region_from_a_claim_forgets_its_ancestors(tree):
    ukraine, donetsk, lyman, luhansk = tree
    claim = ClaimFactory()
    claim.regions.set([lyman, luhansk])
    claim.regions.remove(lyman)

    assert sorted(fresh(claim).region_ids) == sorted([ukraine.pk, luhansk.pk])


def test_moving_a_region_moves_its_claims_and_articles_with_it(tree):
    ukraine, donetsk, lyman, luhansk = tree
    claim = ClaimFactory()
    claim.regions.add(lyman)
    claim.article.regions.add(lyman)

    lyman.parent = luhansk
    lyman.save()

    assert luhansk.pk in fresh(claim).region_ids and donetsk.pk not in claim.region_ids
    assert list(Article.objects.in_region(luhansk)) == [claim.article]


def test_saving_a_claim_keeps_the_regions_set_since_it_was_loaded(tree):
    ukraine, donetsk, lyman, luhansk = tree
    claim = ClaimFactory()
    stale = Claim.objects.get(pk=claim.pk)
    claim.regions.add(luhansk)

    stale.statement = "Edited elsewhere"
    stale.save()

    assert luhansk.pk in fresh(claim).region_ids


def test_claims_follow_their_article_into_and_out_of_public_view():
    article = ArticleFactory(status=Article.Status.DRAFT)
    claim = ClaimFactory(article=article)
    assert not fresh(claim).is_public

    article.status = Article.Status.PUBLISHED
    article.save()
    assert fresh(claim).is_public
    assert list(Claim.objects.public()) == [claim]

    article.status = Article.Status.DRAFT
    article.save()
    assert not fresh(claim).is_public


def test_claims_copy_their_articles_date_language_and_publisher():
    publisher = SourceFactory()
    article = ArticleFactory(publisher=publisher, published_on=datetime.date(2024, 2, 24), language="uk")
    claim = fresh(ClaimFactory(article=article))

    assert (claim.published_on, claim.language, claim.publisher_id) == (datetime.date(2024, 2, 24), "uk", publisher.pk)


def test_a_source_filter_matches_publisher_cited_source_and_claimant():
    unn, isw, mfa, other = SourceFactory(), SourceFactory(), SourceFactory(), SourceFactory()
    article = ArticleFactory(publisher=unn)
    claim = ClaimFactory(article=article, claimant=mfa)
    article.cited_sources.add(isw)

    assert sorted(fresh(claim).source_ids) == sorted([unn.pk, isw.pk, mfa.pk])
    for source in (unn, isw, mfa):
        assert list(Claim.objects.from_source(source)) == [claim]
        assert list(Article.objects.from_source(source)) == ([article] if source != mfa else [])
    assert list(Claim.objects.from_source(other)) == []


def test_uncited_source_leaves_the_claims():
    isw = SourceFactory()
    claim = ClaimFactory()
    claim.article.cited_sources.add(isw)
    claim.article.cited_sources.remove(isw)

    assert isw.pk not in fresh(claim).source_ids


def test_claims_are_searchable_by_statement_and_quote():
    ClaimFactory(statement="Russian forces advanced northeast of Lyman", quote="Russian forces advanced northeast of Lyman")
    ClaimFactory(statement="Kyiv protested", quote="Kyiv protested the forced mobilization in the occupied territories")

    assert [claim.statement for claim in Claim.objects.search("advancing Lyman")] == [
        "Russian forces advanced northeast of Lyman"
    ]
    assert [claim.statement for claim in Claim.objects.search('"forced mobilization"')] == ["Kyiv protested"]
    assert Claim.objects.search("Lyman -advanced").count() == 0


def test_claims_of_synthetic_articles_are_marked_synthetic():
    synthetic = ArticleFactory()
    Article.objects.filter(pk=synthetic.pk).update(is_synthetic=True)
    claim_of_synthetic = ClaimFactory(article=synthetic)
    real_claim = ClaimFactory()

    assert fresh(claim_of_synthetic).is_synthetic
    assert not fresh(real_claim).is_synthetic
