"""Reads for the home page and the directory pages, each through the listing core."""

from django.http import QueryDict

from reports.caching import cached
from reports.listings import ARTICLES, CLAIMS, SOURCES, evaluate
from reports.listings.results import facets_of, total
from reports.models import Region


def everything(listing):
    """What the public sees of `listing` when it asks for nothing in particular (real records, newest first)."""
    return evaluate(listing, QueryDict(), strict=True)


def archive_counts() -> dict:
    """How much the archive holds, exactly as the lists count it. Cached a minute."""

    def compute():
        return {
            "articles": total(everything(ARTICLES)),
            "claims": total(everything(CLAIMS)),
            "sources": total(everything(SOURCES)),
            "regions": Region.objects.count(),
        }

    return cached(["archive-counts"], compute, 60)


def latest_articles(limit=10):
    return everything(ARTICLES).ordered.select_related("publisher").defer("body")[:limit]


def latest_claims(limit=10):
    return everything(CLAIMS).ordered.select_related("claimant", "article__publisher").defer("article__body")[:limit]


def first_level_regions(country_code="UA"):
    return Region.objects.first_level().filter(parent__code=country_code).order_by("name")


def prominent_sources(limit=30):
    return everything(SOURCES).ordered[:limit]


def first_level_claim_counts():
    """The first-level regions with how many public claims concern each, as the list's "Where" facet counts them; cached."""

    def compute():
        regions = {region.slug: region for region in first_level_regions()}
        facets = facets_of(everything(CLAIMS), QueryDict())
        counts = {item.value: item.count for item in facets.groups.get("region", [])}
        return [(region, counts.get(slug, 0)) for slug, region in regions.items()]

    return cached(["first-level-claim-counts"], compute, 300)
