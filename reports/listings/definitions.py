"""The public lists, one definition each: what the public may see, how it is filtered, ordered and counted.

Every surface that lists records (the HTML lists, every download format, the Atom feeds, the API, the
sitemap, and the counts on the home, region and source pages) starts from one of these, so that a
question asked in one place gets the same rows in every other.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from reports.filters import ArticleFilterSet, ClaimFilterSet, RegionFilterSet, SourceFilterSet
from reports.listings.facets import FacetSpec
from reports.listings.grains import ARTICLE_GRAINS, CLAIM_GRAINS
from reports.models import Article, Claim, Region, Source


@dataclass(frozen=True)
class Listing:
    """One kind of public list."""

    name: str  # "claim": the URL names' prefix (claim_feed, api:claim-list)
    plural: str  # "claims": file names, the API's keys
    filterset_class: type
    public: Callable  # () -> the QuerySet of everything the public may ever see in it (synthetic rows included)
    orderings: dict  # sort name -> queryset ordering; every ordering ends on the id, so pages never overlap
    facets: FacetSpec | None = None
    # Which facet answers which filter parameter: a facet leaves out its own filter when it counts, so
    # that choosing a value keeps the others visible with what each would add.
    facet_parameters: dict = field(default_factory=dict)
    date_parameter: str = ""  # the `<prefix>_from`/`_to` pair the year facet narrows
    # The timeline's dates: (first day column, last day column, the `<prefix>_from`/`_to` pair its bars narrow).
    timeline: tuple = ()

    @property
    def filter_names(self) -> list[str]:
        return list(self.filterset_class.base_filters)


CLAIMS = Listing(
    name="claim",
    plural="claims",
    filterset_class=ClaimFilterSet,
    public=lambda: Claim.objects.public(),
    orderings={
        "newest": ("-asserted_on", "-id"),
        "oldest": ("asserted_on", "id"),
        "occurred": (F("occurred_start").desc(nulls_last=True), "-id"),
        "relevance": ("-rank", "-asserted_on", "-id"),
    },
    facets=FacetSpec(
        table="reports_claim",
        year_column="asserted_on",
        source_column="claimant_id",
        choices={
            "topic": dict(Claim.Topic.choices),
            "status": {value: label for value, label in Claim.Status.choices if value != "suggested"},
            "language": dict(Article.Language.choices),
        },
        grains=CLAIM_GRAINS,
        columns={
            "topic": "topic",
            "status": "status",
            "language": "language",
            "claimant": "claimant_id",
            "publisher": "publisher_id",
        },
        spread=("source_id",),
    ),
    facet_parameters={"topic": "topic", "status": "status", "language": "language", "source": "claimant"},
    date_parameter="asserted",
    timeline=("occurred_start", "occurred_end", "occurred"),
)

ARTICLES = Listing(
    name="article",
    plural="articles",
    filterset_class=ArticleFilterSet,
    public=lambda: Article.objects.published(),
    orderings={
        "newest": ("-published_on", "-id"),
        "oldest": ("published_on", "id"),
        "occurred": ("-published_on", "-id"),
        "relevance": ("-rank", "-published_on", "-id"),
    },
    facets=FacetSpec(
        table="reports_article",
        year_column="published_on",
        source_column="publisher_id",
        choices={"language": dict(Article.Language.choices)},
        grains=ARTICLE_GRAINS,
        columns={"language": "language", "publisher": "publisher_id"},
    ),
    facet_parameters={"language": "language", "source": "publisher"},
    date_parameter="published",
    timeline=("published_on", "published_on", "published"),
)

REGIONS = Listing("region", "regions", RegionFilterSet, lambda: Region.objects.all(), {"name": ("name", "id")})
SOURCES = Listing("source", "sources", SourceFilterSet, lambda: Source.objects.all(), {"name": ("name", "id")})

LISTINGS = {listing.plural: listing for listing in (CLAIMS, ARTICLES, REGIONS, SOURCES)}

FACET_TITLES = {
    "region": _("Where"),
    "topic": _("Topic"),
    "status": _("Status"),
    "language": _("Language"),
    "year": _("Year"),
    "month": _("Month"),
}
