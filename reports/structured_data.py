"""schema.org ClaimReview for claim pages, so that search engines and fact-check tools read the verdict.

Only a claim that reviewers have judged gets one: "unverified" says that the source said it, not
whether it is true, so it is no review. The rating runs from 1 (refuted) to 5 (corroborated), and its
textual name is the status as the page shows it.
"""

import json

from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from reports.permalinks import permalink as permalink_of
from reports.presentation import status_explanation

RATINGS = {"corroborated": 5, "disputed": 3, "refuted": 1}
BEST_RATING, WORST_RATING = 5, 1
# What must not appear raw inside a <script> element.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _organisation(source, url):
    return {"@type": "Organization", "name": source.name, "url": url}


def claim_review(claim, *, permalink, site_url) -> dict | None:
    """The ClaimReview of a claim with a review status, else None. `permalink` and `site_url` are absolute."""
    if claim.status not in RATINGS:
        return None
    article = claim.article
    claimant = claim.claimant
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": permalink,
        "inLanguage": get_language() or settings.LANGUAGE_CODE,
        "claimReviewed": claim.statement,
        "datePublished": claim.updated_at.date().isoformat(),
        "author": {"@type": "Organization", "name": settings.ARCHIVE_NAME, "url": site_url.rstrip("/") + "/"},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATINGS[claim.status],
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": str(claim.get_status_display()).capitalize(),
            "ratingExplanation": str(status_explanation(claim.status)),
        },
        "itemReviewed": {
            "@type": "Claim",
            "author": _organisation(claimant, claimant.website or permalink_of(claimant, site_url)),
            "datePublished": claim.asserted_on.isoformat(),
            "appearance": {
                "@type": "NewsArticle",
                "headline": article.title,
                "url": article.url or permalink_of(article, site_url),
                "datePublished": article.published_on.isoformat(),
                "publisher": _organisation(
                    article.publisher, article.publisher.website or permalink_of(article.publisher, site_url)
                ),
            },
        },
    }


def json_ld_script(data) -> str:
    """A <script type="application/ld+json"> element: data, not code, so the CSP lets it be."""
    if data is None:
        return ""
    text = json.dumps(data, ensure_ascii=False, indent=2).translate(SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
