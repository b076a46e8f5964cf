"""ClaimReview JSON-LD on the pages of claims that reviewers have judged."""

import datetime
import json
import re

import pytest

from reports.models import Claim
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(client, claim):
    page = client.get(f"/claims/{claim.pk}/").content.decode()
    return [json.loads(block) for block in JSON_LD.findall(page)]


@pytest.fixture
def reviewed(settings):
    settings.ARCHIVE_NAME = "Conflict-report archive"
    article = ArticleFactory(
        title="Russia is slowing down the ceasefire",
        slug="ceasefire",
        publisher=SourceFactory(name="Ukrainian National News", slug="unn", website="https://unn.ua/"),
        url="https://unn.ua/en/news/ceasefire",
        published_on=datetime.date(2025, 4, 2),
    )
    return ClaimFactory(
        article=article,
        statement="Russian forces advanced northeast of Lyman",
        claimant=SourceFactory(name="Institute for the Study of War", slug="isw", website=""),
        asserted_on=datetime.date(2025, 4, 1),
        status=Claim.Status.REFUTED,
    )


def test_a_refuted_claim_carries_a_complete_claim_review(client, reviewed):
    (review,) = json_ld(client, reviewed)

    assert review == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"http://testserver/claims/{reviewed.pk}/",
        "inLanguage": "en",
        "claimReviewed": "Russian forces advanced northeast of Lyman",
        "datePublished": reviewed.updated_at.date().isoformat(),
        "author": {"@type": "Organization", "name": "Conflict-report archive", "url": "http://testserver/"},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": "Refuted",
            "ratingExplanation": "Reviewers found that the evidence shows it to be false.",
        },
        "itemReviewed": {
            "@type": "Claim",
            "author": {
                "@type": "Organization",
                "name": "Institute for the Study of War",
                "url": "http://testserver/sources/isw/",
            },
            "datePublished": "2025-04-01",
            "appearance": {
                "@type": "NewsArticle",
                "headline": "Russia is slowing down the ceasefire",
                "url": "https://unn.ua/en/news/ceasefire",
                "datePublished": "2025-04-02",
                "publisher": {"@type": "Organization", "name": "Ukrainian National News", "url": "https://unn.ua/"},
            },
        },
    }


@pytest.mark.parametrize(
    "status, rating, name",
    [
        (Claim.Status.CORROBORATED, 5, "Corroborated"),
        (Claim.Status.DISPUTED, 3, "Disputed"),
        (Claim.Status.REFUTED, 1, "Refuted"),
    ],
)
def test_each_review_status_maps_to_a_rating_and_its_name(client, reviewed, status, rating, name):
    reviewed.status = status
    reviewed.save()

    (review,) = json_ld(client, reviewed)

    assert (review["reviewRating"]["ratingValue"], review["reviewRating"]["alternateName"]) == (rating, name)


def test_an_unverified_claim_has_no_review(client, reviewed):
    reviewed.status = Claim.Status.UNVERIFIED
    reviewed.save()

    assert json_ld(client, reviewed) == []


def test_the_review_has_what_search_engines_require(client, reviewed):
    (review,) = json_ld(client, reviewed)

    # The properties Google's fact-check markup requires, and a rating within its own scale.
    assert {"@context", "@type", "url", "claimReviewed", "author", "reviewRating", "itemReviewed"} <= set(review)
    rating = review["reviewRating"]
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert review["itemReviewed"]["@type"] == "Claim"
    datetime.date.fromisoformat(review["datePublished"])


def test_text_that_could_close_the_script_element_is_escaped(client, reviewed):
    hostile = "</script><script>alert(1)</script> & more"
    article = ArticleFactory(body=f"They wrote {hostile}.")
    claim = ClaimFactory(article=article, statement=hostile, quote=hostile, status=Claim.Status.DISPUTED)

    page = client.get(f"/claims/{claim.pk}/").content.decode()

    assert "<script>alert(1)" not in page
    (review,) = json_ld(client, claim)
    assert review["claimReviewed"] == hostile


def test_the_review_speaks_the_page_language(client, reviewed):
    page = client.get(f"/uk/claims/{reviewed.pk}/").content.decode()

    (review,) = [json.loads(block) for block in JSON_LD.findall(page)]
    assert review["inLanguage"] == "uk"
