"""What a list shows and counts: one page of rows, the total and the facets, by one count policy.

Counting exactly costs more than the page once a filter matches hundreds of thousands of rows, so the
policy is: count (with the facets, in one scan) what the planner expects to be small; beyond, the
facets are sampled and the total is an estimate, marked as such wherever it is shown.
"""

import datetime
from dataclasses import dataclass

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import SearchHeadline
from django.db.models import OuterRef
from django.db.models.functions import JSONObject

from reports.listings import facets as facet_queries
from reports.listings.paging import COUNT_CAP, PER_PAGE, capped_count, page_of, planned_rows
from reports.listings.querying import ListingQuery
from reports.listings.timeline import timeline_from_rows, timeline_query
from reports.models import Article, Claim, Region
from reports.models.search import websearch_query

# Marks around matched words that cannot occur in text; the template escapes the text, then turns them into <mark>.
MATCH_START, MATCH_END = "\x01", "\x02"


@dataclass
class Count:
    value: int | None
    estimated: bool


def highlighted(field, search_text, fragments=0):
    options = {"start_sel": MATCH_START, "stop_sel": MATCH_END, "max_words": 40, "min_words": 15}
    if fragments:
        options["max_fragments"] = fragments
    return SearchHeadline(field, websearch_query(search_text), config="english", **options)


# The columns a row of each list shows (in its list and table forms): the rest of a row (its search vector,
# lemmas and denormalised arrays, the article behind a claim) is never read on a list page.
SOURCE_SHOWN = ("name", "short_name", "slug")
CLAIM_SHOWN = (
    "statement", "quote", "is_synthetic", "asserted_on", "occurred_start", "occurred_end", "occurred_precision",
    "topic", "status", "quantity_value", "quantity_unit", "published_on", "language", "claimant_id", "publisher_id",
    *(f"claimant__{name}" for name in SOURCE_SHOWN),
    *(f"publisher__{name}" for name in SOURCE_SHOWN),
)  # fmt: skip
ARTICLE_SHOWN = (
    "title", "slug", "is_synthetic", "lead", "published_on", "language", "publisher_id",
    *(f"publisher__{name}" for name in SOURCE_SHOWN),
)  # fmt: skip


def places_shown():
    """A claim's places as its row shows them, by name: [{"slug", "name", "name_uk"}], in the row's own SELECT."""
    places = Region.objects.filter(claims=OuterRef("pk")).order_by("name")
    return ArraySubquery(places.values(place=JSONObject(slug="slug", name="name", name_uk="name_uk")))


def page_rows(listing_name, search_text=""):
    """What one row of a list page shows, loaded for the page's ids (with highlighted snippets when searching)."""
    if listing_name == "claim":
        rows = Claim.objects.select_related("claimant", "publisher").only(*CLAIM_SHOWN).annotate(places=places_shown())
        if search_text:
            rows = rows.annotate(
                statement_snippet=highlighted("statement", search_text), quote_snippet=highlighted("quote", search_text)
            )
        return rows
    rows = Article.objects.select_related("publisher").only(*ARTICLE_SHOWN)
    if search_text:
        rows = rows.annotate(body_snippet=highlighted("body", search_text, fragments=2))
    return rows


def one_year(listing_query: ListingQuery) -> int | None:
    """The year when the list's date range is exactly one calendar year (the year facet then opens into months)."""
    prefix = listing_query.listing.date_parameter
    start, end = listing_query.cleaned.get(f"{prefix}_from"), listing_query.cleaned.get(f"{prefix}_to")
    if start and end and start == datetime.date(start.year, 1, 1) and end == datetime.date(start.year, 12, 31):
        return start.year
    return None


def facets_of(listing_query: ListingQuery, query, *, sources=facet_queries.TOP_SOURCES, timeline=None):
    """The facets of a list: each facet whose filter is in use leaves that filter out when it counts.

    `timeline`: a TimelineQuery whose bars are counted in the same statement, over the same rows.
    """
    listing = listing_query.listing
    left_out = {}
    for facet, parameter in listing.facet_parameters.items():
        if query.getlist(parameter):
            others = query.copy()
            others.pop(parameter)
            left_out[facet] = listing.filterset_class(others, queryset=listing.public()).qs
    regions = facet_queries.region_candidates(listing_query.selected.get("region", []))
    matched = listing_query.queryset
    return facet_queries.facet_counts(
        matched,
        spec=listing.facets,
        regions=regions,
        try_exact=planned_rows(matched) <= 2 * COUNT_CAP,
        own_filter_left_out=left_out,
        by_month=one_year(listing_query) is not None,
        sources=sources,
        timeline=timeline,
    )


def list_page(listing_query: ListingQuery, query, *, number, per_page=PER_PAGE):
    """(page, facets, timeline) of an HTML list; the page's total is set when it is exact."""
    page = page_of(
        listing_query.queryset,
        ordering=listing_query.ordering,
        number=number,
        select=page_rows(listing_query.listing.name, listing_query.search_text),
        per_page=per_page,
    )
    facets = facets_of(listing_query, query, timeline=timeline_query(listing_query))
    exact = not (facets.unavailable or "total" in facets.estimated_groups)
    page.total = facets.total if exact else None
    spread = timeline_from_rows(listing_query.listing, *facets.timeline_rows, estimated="timeline" in facets.estimated_groups)
    return page, facets, spread


def total(listing_query: ListingQuery) -> Count:
    """How many rows match: exact up to COUNT_CAP, else the planner's estimate, marked."""
    counted = capped_count(listing_query.queryset)
    if counted is not None:
        return Count(counted, False)
    return Count(planned_rows(listing_query.queryset), True)
