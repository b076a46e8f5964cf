"""sitemap.xml and robots.txt: what crawlers are offered, and what they are not."""

import xml.etree.ElementTree as ET

import pytest

from reports.models import Article, Claim
from tests.factories import ArticleFactory, ClaimFactory, RegionFactory, SourceFactory

pytestmark = pytest.mark.django_db
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [element.text for element in ET.fromstring(response.content).findall(".//sm:loc", NS)]


def test_sitemap_index_lists_a_section_per_kind_and_language(client):
    sections = locations(client, "/sitemap.xml")

    assert "http://testserver/sitemap-claims.xml" in sections
    assert "http://testserver/sitemap-articles-uk.xml" in sections
    assert "http://testserver/sitemap-regions.xml" in sections
    assert "http://testserver/sitemap-sources.xml" in sections


def test_claim_section_lists_public_real_claims_only(client):
    kept = ClaimFactory()
    ClaimFactory(status=Claim.Status.SUGGESTED)
    ClaimFactory(article=ArticleFactory(status=Article.Status.DRAFT))
    ClaimFactory(article=ArticleFactory(is_synthetic=True))

    assert locations(client, "/sitemap-claims.xml") == [f"http://testserver/claims/{kept.pk}/"]
    assert locations(client, "/sitemap-claims-uk.xml") == [f"http://testserver/uk/claims/{kept.pk}/"]


def test_article_section_lists_published_real_articles_only(client):
    ArticleFactory(slug="published")
    ArticleFactory(slug="draft", status=Article.Status.DRAFT)
    ArticleFactory(slug="synthetic-1", is_synthetic=True)

    assert locations(client, "/sitemap-articles.xml") == ["http://testserver/articles/published/"]


def test_region_and_source_sections_list_their_pages(client):
    RegionFactory(slug="lyman")
    SourceFactory(slug="isw")

    assert "http://testserver/regions/lyman/" in locations(client, "/sitemap-regions.xml")
    assert "http://testserver/sources/isw/" in locations(client, "/sitemap-sources.xml")


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_off_the_admin_and_query_strings(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /*?" in lines
