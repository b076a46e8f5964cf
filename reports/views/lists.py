"""The filterable lists, /claims/ and /articles/: thin adapters over the listing core."""

import uuid

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from reports.exports.views import data_links, export_response
from reports.filters import SORTS
from reports.listings import ARTICLES, CLAIMS, evaluate
from reports.listings.canonical import PAGE_PARAMETERS, canonical_query, chips, with_query
from reports.listings.display import COLUMNS, PAGE_SIZES, SORTABLE, display_of
from reports.listings.limits import ALL_SOURCES
from reports.listings.maps import map_counts
from reports.listings.paging import parse_page
from reports.listings.results import facets_of, list_page, one_year
from reports.listings.rows import rows_of
from reports.listings.timeline import bar_links
from reports.views.maps import map_points_address

# Filters that the form does not edit directly: kept through a new search as hidden fields.
KEPT_PARAMETERS = ["region", "source", "publisher", "claimant", "topic", "status", "language", "synthetic"]


class ArchiveListView(View):
    listing = None
    template_name = None
    list_title = feed_title = timeline_caption = ""

    def get(self, request):
        if "format" in request.GET:
            # A machine asked: answered as asked, or refused with the reasons; never redirected.
            return export_response(request, self.listing)
        query = canonical_query(self.listing, request.GET)
        if query.urlencode() != request.GET.urlencode():
            return redirect(request.path + (f"?{query.urlencode()}" if query else ""), permanent=True)
        listing_query = evaluate(self.listing, query, strict=False, allowed=PAGE_PARAMETERS)
        notices = listing_query.notices
        number = parse_page(query.get("page"), notices)
        display = display_of(self.listing, query, notices)
        page, facets, spread, version = list_page(listing_query, query, number=number, per_page=display.per_page)
        if not page.items and number > 1:
            notices.append(_("There is no page %(number)d for these filters.") % {"number": number})
        places = map_counts(listing_query, query) if display.is_map else None
        map_label = _("Map of this list: counts by place")
        source_roles = listing_query.selected.get("source", [])
        columns = display.columns if display.is_table else ()
        rows = [] if display.is_map else rows_of(self.listing.name, page.items, source_roles=source_roles, columns=columns)
        context = {
            "places": places,
            "map_data": places.data(map_label, map_points_address(self.listing, query)) if places else None,
            "listing": self.listing,
            "model_name": self.listing.name,
            "list_title": self.list_title,
            "feed_title": self.feed_title,
            "query": query,
            "kept_params": KEPT_PARAMETERS,
            "active_filters": chips(listing_query, query),
            "form": listing_query.filterset.form,
            "page": page,
            "rows": rows,
            "facets": facets,
            "year": one_year(listing_query),
            "notices": notices,
            "sort": listing_query.sort,
            "sorts": SORTS,
            "selected": listing_query.selected,
            "source_roles": source_roles,
            "includes_synthetic": listing_query.includes_synthetic,
            "data_links": data_links(query, self.listing),
            "timeline": spread,
            # Keys the cached facets and timeline fragments: a new version (any write) renders them afresh.
            "counts_version": version if version is not None else f"unversioned-{uuid.uuid4().hex}",
            "timeline_links": bar_links(self.listing, query, spread),
            "timeline_caption": self.timeline_caption,
            "display": display,
            "columns": [(name, COLUMNS[self.listing.name][name]) for name in display.columns],
            "column_choices": COLUMNS[self.listing.name],
            "sortable": SORTABLE[self.listing.name],
            "page_sizes": PAGE_SIZES,
        }
        return render(request, self.template_name, context)


class ClaimListView(ArchiveListView):
    listing = CLAIMS
    template_name = "reports/claim_list.html"
    list_title = gettext_lazy("Claims")
    feed_title = gettext_lazy("Claims matching these filters")
    timeline_caption = gettext_lazy("Claims by when the events happened")


class ArticleListView(ArchiveListView):
    listing = ARTICLES
    template_name = "reports/article_list.html"
    list_title = gettext_lazy("Articles")
    feed_title = gettext_lazy("Articles matching these filters")
    timeline_caption = gettext_lazy("Articles by day of publication")


def facet_values(request, plural, facet):
    """Every value of one long facet ("Claimed by", "Published by", "Where") with its count, for the list's filters."""
    listing = {listing.plural: listing for listing in (CLAIMS, ARTICLES)}.get(plural)
    if listing is None or facet not in ("source", "region"):
        raise Http404
    query = canonical_query(listing, request.GET)
    for name in ("page", "format", "view", "columns", "per_page"):
        query.pop(name, None)
    if query.urlencode() != request.GET.urlencode():
        return redirect(request.path + (f"?{query.urlencode()}" if query else ""), permanent=True)
    listing_query = evaluate(listing, query, strict=False)
    facets = facets_of(listing_query, query, sources=ALL_SOURCES)
    context = {
        "listing": listing,
        "model_name": listing.name,
        "query": query,
        "facet": facet,
        "values": facets.groups.get(facet, []),
        "facets": facets,
        "notices": listing_query.notices,
        "list_url": reverse(f"reports:{listing.name}_list") + with_query(query),
    }
    return render(request, "reports/facet_values.html", context)
