"""What a list shows and counts: one page of rows, the exact total and the facets.

The total, the facets and the timeline are counted in one statement (facets.py), from the count tables where
the filters allow and over the matching rows elsewhere; every number is exact.
"""

import datetime

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import SearchHeadline
from django.db.models import OuterRef
from django.db.models.functions import JSONObject
from django.utils.translation import get_language

from reports.caching import cached, data_version
from reports.listings import facets as facet_queries
from reports.listings.grains import conditions_of
from reports.listings.limits import COUNTS_TIMEOUT, PER_PAGE, TOP_SOURCES
from reports.listings.paging import page_of
from reports.listings.querying import ListingQuery
from reports.listings.timeline import timeline_from_rows, timeline_query
from reports.models import Article, Claim, Region
from reports.models.search import websearch_query

# Marks around matched words that cannot occur in text; the template escapes the text, then turns them into <mark>.
MATCH_START, MATCH_END = "\x01", "\x02"


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


def facets_of(listing_query: ListingQuery, query, *, sources=TOP_SOURCES, timeline=None):
    """The facets of a list: each facet whose filter is in use leaves that filter out when it counts.

    `timeline`: a TimelineQuery whose bars are counted in the same statement, over the same rows.
    """
    listing = listing_query.listing
    parts = [facet_queries.Part("matched", listing_query.queryset, conditions_of(listing, listing_query.filterset), [])]
    parts[0].timeline = timeline
    for facet, parameter in listing.facet_parameters.items():
        if query.getlist(parameter):
            others = query.copy()
            others.pop(parameter)
            filterset = listing.filterset_class(others, queryset=listing.public())
            rows = filterset.qs
            parts.append(facet_queries.Part(f"without_{facet}", rows, conditions_of(listing, filterset), [facet]))
    regions = facet_queries.region_candidates(listing_query.selected.get("region", []))
    return facet_queries.facet_counts(
        parts, spec=listing.facets, regions=regions, by_month=one_year(listing_query) is not None, sources=sources
    )


def list_page(listing_query: ListingQuery, query, *, number, per_page=PER_PAGE):
    """(page, facets, timeline, data version) of an HTML list; the page's total is set unless counting ran past its budget."""
    page = page_of(
        listing_query.queryset,
        ordering=listing_query.ordering,
        number=number,
        select=page_rows(listing_query.listing.name, listing_query.search_text),
        per_page=per_page,
    )
    listing = listing_query.listing

    def counts():
        facets = facets_of(listing_query, query, timeline=timeline_query(listing_query))
        return None if facets.unavailable else (facets, timeline_from_rows(listing, *facets.timeline_rows))

    # Labelled counts and bars, kept for the same address under the archive's data version (caching.py).
    version = data_version() if settings.COUNTS_CACHE else None
    counted = cached([listing.name, get_language(), query.urlencode()], counts, COUNTS_TIMEOUT, version=version)
    if counted is None:  # counting ran past its budget: rows without counts
        counted = facet_queries.Facets(unavailable=True), timeline_from_rows(listing, (), ())
    facets, spread = counted
    page.total = None if facets.unavailable else facets.total
    return page, facets, spread, version


def total(listing_query: ListingQuery) -> int | None:
    """How many rows match, exactly (None only when counting ran past its budget)."""
    if listing_query.queryset.query.is_empty():
        return 0
    listing = listing_query.listing
    if listing.facets is None:
        return listing_query.queryset.count()
    conditions = conditions_of(listing, listing_query.filterset)
    part = facet_queries.Part("matched", listing_query.queryset, conditions, ["total"])
    raw = facet_queries.counted([part], spec=listing.facets, regions=[])
    return None if raw is None else raw.get("total", [("", 0)])[0][1]
