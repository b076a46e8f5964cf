"""Atom feeds of the lists, for the same filters, read with feedparser as a feed reader would."""

import datetime

import feedparser
import pytest

from reports.models import Article, Claim
from tests.factories import ArticleFactory, ClaimFactory, RegionFactory, SourceFactory

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.fixture
def luhansk():
    return RegionFactory(name="Luhansk Oblast", slug="luhansk-oblast", code="UA-09")


def test_claim_feed_is_valid_atom_with_the_newest_claims_first(client):
    ClaimFactory(statement="Older claim", asserted_on=datetime.date(2025, 3, 1))
    ClaimFactory(statement="Newer claim", asserted_on=datetime.date(2025, 4, 1))

    feed = parse(client.get("/feeds/claims/"))

    assert feed.version == "atom10"
    assert [entry.title for entry in feed.entries] == ["Newer claim", "Older claim"]


def test_claim_feed_applies_the_list_filters(client, luhansk):
    ClaimFactory(statement="In Luhansk", topic="strikes").regions.add(luhansk)
    ClaimFactory(statement="In Luhansk, talks", topic="diplomacy").regions.add(luhansk)
    ClaimFactory(statement="Elsewhere", topic="strikes")

    feed = parse(client.get("/feeds/claims/?region=UA-09&topic=strikes"))

    assert [entry.title for entry in feed.entries] == ["In Luhansk"]
    assert "region UA-09" in feed.feed.title


def test_claim_entry_links_to_the_claim_and_names_its_claimant(client):
    claim = ClaimFactory(
        statement="Russian forces advanced northeast of Lyman",
        claimant=SourceFactory(name="Institute for the Study of War"),
        asserted_on=datetime.date(2025, 4, 2),
    )

    (entry,) = parse(client.get("/feeds/claims/")).entries

    assert entry.link == f"http://testserver/claims/{claim.pk}/"
    assert entry.id == f"http://testserver/claims/{claim.pk}/"
    assert entry.author == "Institute for the Study of War"
    assert entry.published.startswith("2025-04-02")
    assert "Russian forces advanced northeast of Lyman" in entry.summary


def test_feed_links_back_to_the_list_it_follows(client):
    feed = parse(client.get("/feeds/claims/?topic=strikes"))

    assert feed.feed.link == "http://testserver/claims/?topic=strikes"


def test_article_feed_lists_published_articles(client):
    ArticleFactory(title="Published report", lead="What happened.")
    ArticleFactory(title="Draft report", status=Article.Status.DRAFT)

    (entry,) = parse(client.get("/feeds/articles/")).entries

    assert entry.title == "Published report"
    assert entry.summary == "What happened."


def test_feeds_leave_out_suggested_claims_and_synthetic_records(client):
    ClaimFactory(statement="Confirmed")
    ClaimFactory(statement="Suggested", status=Claim.Status.SUGGESTED)
    ClaimFactory(statement="Synthetic", article=ArticleFactory(is_synthetic=True))

    assert [entry.title for entry in parse(client.get("/feeds/claims/")).entries] == ["Confirmed"]


def test_a_filter_that_is_not_understood_gives_400_in_text(client):
    response = client.get("/feeds/claims/?region=atlantis")

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "No region is called “atlantis”." in response.content.decode()


def test_sort_and_page_copied_from_a_list_link_are_accepted(client):
    ClaimFactory(statement="Kept")

    assert [entry.title for entry in parse(client.get("/feeds/claims/?sort=oldest&page=3")).entries] == ["Kept"]


def test_list_pages_link_their_feed_as_alternate(client):
    page = client.get("/claims/?topic=strikes&page=2").content.decode()

    assert '<link rel="alternate" type="application/atom+xml"' in page
    assert 'href="/feeds/claims/?topic=strikes"' in page


def test_article_list_links_its_feed_and_downloads(client):
    page = client.get("/articles/?language=uk").content.decode()

    assert 'href="/feeds/articles/?language=uk"' in page
    assert 'href="?language=uk&amp;format=csv"' in page
    assert 'href="?language=uk&amp;format=json"' in page


def test_feed_entries_are_limited(client):
    article = ArticleFactory()
    for number in range(55):
        ClaimFactory(article=article, statement=f"Claim {number}")

    assert len(parse(client.get("/feeds/claims/")).entries) == 50
