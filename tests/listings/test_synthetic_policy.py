"""Synthetic records: left out of every public surface unless asked for, and marked wherever they show."""

import pytest

from reports.models import Region
from tests.factories import ArticleFactory, ClaimFactory, RegionFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    region = RegionFactory(name="Luhansk Oblast", slug="luhansk-oblast", code="UA-09", kind=Region.Kind.OBLAST)
    isw = SourceFactory(slug="isw", name="ISW")
    real = ClaimFactory(statement="Real claim", claimant=isw, article=ArticleFactory(title="Real report"))
    fake = ClaimFactory(
        statement="Synthetic claim", claimant=isw, article=ArticleFactory(title="Synthetic report", is_synthetic=True)
    )
    for claim in (real, fake):
        claim.regions.add(region)
    return real, fake


def text(response):
    return response.content.decode()


def test_the_claim_list_leaves_synthetic_claims_out_by_default_and_counts_without_them(client, archive):
    page = text(client.get("/claims/"))

    assert "Real claim" in page and "Synthetic claim" not in page
    assert 'data-total="1"' in page


def test_asking_for_synthetic_records_shows_them_marked_and_says_so(client, archive):
    page = text(client.get("/claims/?synthetic=include"))

    assert "Real claim" in page and "Synthetic claim" in page
    assert 'data-total="2"' in page
    assert page.count('class="badge synthetic"') == 1
    assert "This view includes synthetic records" in page


def test_only_synthetic_records_when_asked_for_only(client, archive):
    page = text(client.get("/articles/?synthetic=only"))

    assert "Synthetic report" in page and "Real report" not in page


def test_the_home_page_counts_and_lists_real_records_only(client, archive):
    page = text(client.get("/"))

    assert "Synthetic claim" not in page and "Synthetic report" not in page
    assert "Real claim" in page


def test_region_and_source_pages_leave_synthetic_claims_out_unless_asked(client, archive):
    for address in ("/regions/luhansk-oblast/", "/sources/isw/"):
        assert "Synthetic claim" not in text(client.get(address))
        asked = text(client.get(address + "?synthetic=include"))
        assert "Synthetic claim" in asked and "This view includes synthetic records" in asked


def test_the_sitemap_leaves_synthetic_records_out(client, archive):
    _real, fake = archive
    sitemap = text(client.get("/sitemap-claims.xml"))

    assert f"/claims/{fake.pk}/" not in sitemap


def test_a_synthetic_record_opened_by_its_address_is_marked(client, archive):
    _real, fake = archive

    assert "Generated to test the archive at scale" in text(client.get(f"/claims/{fake.pk}/"))
