"""Restoring a deleted record through the admin brings back the links it had when it was deleted."""

import pytest
from django.contrib.auth.models import Group, User

from reports.models import Article, Claim, ClaimLink, DeletedRelations, Region, Source
from tests.factories import ArticleFactory, ClaimFactory, RegionFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    editor = User.objects.create_user("editor", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    client.force_login(editor)
    return client


@pytest.fixture
def admin_user_client(admin_client):
    return admin_client


def deletion_url(model, pk):
    record = model.history.filter(id=pk, history_type="-").order_by("-history_id").first()
    return f"/admin/reports/{model._meta.model_name}/{pk}/history/{record.history_id}/"


def article_with_claims():
    regions = RegionFactory.create_batch(2)
    suggested = RegionFactory()
    sources = SourceFactory.create_batch(3)
    article = ArticleFactory()
    article.regions.set(regions)
    article.suggested_regions.set([suggested])
    article.cited_sources.set(sources)
    first = ClaimFactory(article=article)
    second = ClaimFactory(article=article, statement="Ukrainian forces held", quote="Lyman")
    first.regions.set(regions[:1])
    second.regions.set(regions)
    ClaimLink.objects.create(from_claim=first, to_claim=second, relation="corroborates", note="same day")
    return article, regions, suggested, sources, first, second


def test_restoring_an_article_brings_back_its_regions_sources_and_claims_in_one_step(editor_client):
    article, regions, suggested, sources, first, second = article_with_claims()
    article_id = article.pk
    assert editor_client.post(f"/admin/reports/article/{article_id}/delete/", {"post": "yes"}).status_code == 302
    assert not Claim.objects.filter(pk__in=[first.pk, second.pk]).exists()

    page = editor_client.get(deletion_url(Article, article_id)).content.decode()
    assert "Also restore the 2 claims deleted with it" in page
    response = editor_client.post(deletion_url(Article, article_id), {"with_claims": "1"})

    assert response.status_code == 302
    restored = Article.objects.get(pk=article_id)
    assert set(restored.regions.all()) == set(regions)
    assert set(restored.suggested_regions.all()) == {suggested}
    assert set(restored.cited_sources.all()) == set(sources)
    assert sorted(restored.region_ids) == sorted(region.pk for region in regions)  # the triggers ran
    assert set(restored.claims.values_list("pk", flat=True)) == {first.pk, second.pk}
    assert set(Claim.objects.get(pk=first.pk).regions.all()) == set(regions[:1])
    assert set(Claim.objects.get(pk=second.pk).regions.all()) == set(regions)
    link = ClaimLink.objects.get(from_claim=first.pk, to_claim=second.pk)
    assert (link.relation, link.note) == ("corroborates", "same day")
    latest = restored.history.order_by("-history_id").first()
    assert {row.region_id for row in latest.regions.all()} == {region.pk for region in regions}


def test_restoring_an_article_without_its_claims_leaves_them_deleted(editor_client):
    article, *_, first, second = article_with_claims()
    editor_client.post(f"/admin/reports/article/{article.pk}/delete/", {"post": "yes"})

    editor_client.post(deletion_url(Article, article.pk), {})

    assert Article.objects.filter(pk=article.pk).exists()
    assert not Claim.objects.filter(pk__in=[first.pk, second.pk]).exists()


def test_restoring_a_claim_brings_back_its_regions_and_links_both_ways(editor_client):
    article, regions, _, _, first, second = article_with_claims()
    third = ClaimFactory(article=article)
    ClaimLink.objects.create(from_claim=third, to_claim=second, relation="contradicts")
    editor_client.post(f"/admin/reports/claim/{second.pk}/delete/", {"post": "yes"})
    assert not ClaimLink.objects.filter(to_claim=second.pk).exists()

    response = editor_client.post(deletion_url(Claim, second.pk), {})

    assert response.status_code == 302
    claim = Claim.objects.get(pk=second.pk)
    assert set(claim.regions.all()) == set(regions)
    assert set(ClaimLink.objects.filter(to_claim=claim).values_list("from_claim", "relation")) == {
        (first.pk, "corroborates"),
        (third.pk, "contradicts"),
    }


def test_restoring_a_region_brings_back_the_articles_and_claims_about_it(admin_user_client):
    article, regions, suggested, _, first, second = article_with_claims()
    region = regions[0]
    admin_user_client.post(f"/admin/reports/region/{region.pk}/delete/", {"post": "yes"})
    assert not Region.objects.filter(pk=region.pk).exists()
    assert region not in article.regions.all()

    response = admin_user_client.post(deletion_url(Region, region.pk), {})

    assert response.status_code == 302
    assert set(Region.objects.get(pk=region.pk).articles.all()) == {article}
    assert set(Region.objects.get(pk=region.pk).claims.all()) == {first, second}
    article.refresh_from_db()
    assert region.pk in article.region_ids
    latest = article.history.order_by("-history_id").first()
    assert latest.history_type == "~" and region.pk in {row.region_id for row in latest.regions.all()}


def test_restoring_a_source_brings_back_the_articles_citing_it(admin_user_client):
    article, _, _, sources, *_ = article_with_claims()
    source = sources[0]
    admin_user_client.post(f"/admin/reports/source/{source.pk}/delete/", {"post": "yes"})
    assert not Source.objects.filter(pk=source.pk).exists()

    response = admin_user_client.post(deletion_url(Source, source.pk), {})

    assert response.status_code == 302
    assert set(Source.objects.get(pk=source.pk).cited_in.all()) == {article}


def test_a_claim_whose_article_is_deleted_is_refused_with_a_reason(editor_client):
    article, *_, first, _ = article_with_claims()
    editor_client.post(f"/admin/reports/article/{article.pk}/delete/", {"post": "yes"})

    response = editor_client.post(deletion_url(Claim, first.pk), {}, follow=True)

    assert "is deleted too: restore that first" in response.content.decode()
    assert not Claim.objects.filter(pk=first.pk).exists()


def test_a_deletion_older_than_the_kept_links_is_restored_with_the_links_its_history_recorded(editor_client):
    article, regions, _, sources, *_ = article_with_claims()
    editor_client.post(f"/admin/reports/article/{article.pk}/delete/", {"post": "yes"})
    DeletedRelations.objects.all().delete()  # as for a record deleted before the archive kept links

    page = editor_client.get(deletion_url(Article, article.pk)).content.decode()
    editor_client.post(deletion_url(Article, article.pk), {})

    assert "No links were kept for this deletion" in page
    restored = Article.objects.get(pk=article.pk)
    assert set(restored.regions.all()) == set(regions)
    assert set(restored.cited_sources.all()) == set(sources)
