"""A digest of everything the generator writes that a reader or an export can see, without database ids."""

import hashlib

from reports.models import Article, Claim, Source


def archive_fingerprint() -> str:
    """The sha256 of the synthetic articles, claims and sources, each row named by slugs instead of ids."""
    digest = hashlib.sha256()
    sources = Source.objects.filter(is_synthetic=True).order_by("slug")
    for row in sources.values_list("slug", "name", "short_name", "kind", "country", "website", "reliability"):
        digest.update(repr(row).encode())
    articles = Article.objects.filter(is_synthetic=True).order_by("slug").prefetch_related("regions", "cited_sources")
    for article in articles.select_related("publisher"):
        digest.update(
            repr(
                (
                    article.slug, article.title, article.url, article.published_on, article.published_time,
                    article.dateline, article.language, article.lead, article.body, article.status, article.sha256,
                    article.created_at, article.updated_at, article.publisher.slug,
                    sorted(region.slug for region in article.regions.all()),
                    sorted(source.slug for source in article.cited_sources.all()),
                )
            ).encode()
        )  # fmt: skip
    claims = Claim.objects.filter(article__is_synthetic=True).select_related("article", "claimant")
    for claim in claims.prefetch_related("regions").order_by("article__slug", "quote_start"):
        digest.update(
            repr(
                (
                    claim.article.slug, claim.statement, claim.quote, claim.quote_start, claim.quote_end,
                    claim.claimant.slug if claim.claimant else None, claim.asserted_on, claim.occurred_start,
                    claim.occurred_end, claim.occurred_precision, claim.topic, claim.quantity_value, claim.quantity_unit,
                    claim.status, claim.created_at, claim.updated_at, sorted(region.slug for region in claim.regions.all()),
                )
            ).encode()
        )  # fmt: skip
    return digest.hexdigest()
