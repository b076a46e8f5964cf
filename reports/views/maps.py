"""The clustered places of a list's map, for its script: `/claims/map.json` (and `/articles/map.json`) with
the list's own filters, `zoom` and `bbox` (west,south,east,north).

Always answers JSON: what is not understood is named in `notices` and left out, as on the page.
"""

from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from reports.caching import cached
from reports.listings import ARTICLES, CLAIMS, evaluate
from reports.listings.canonical import PAGE_PARAMETERS, canonical_query, with_query
from reports.listings.clusters import map_clusters, viewport_of
from reports.listings.limits import COUNTS_TIMEOUT

VIEWPORT_PARAMETERS = ("zoom", "bbox")
LISTINGS_BY_PLURAL = {listing.plural: listing for listing in (CLAIMS, ARTICLES)}


@require_GET
def map_points(request, plural):
    listing = LISTINGS_BY_PLURAL.get(plural)
    if listing is None:
        raise Http404
    notices = []
    viewport = viewport_of(request.GET, notices)
    query = canonical_query(listing, request.GET)
    for name in (*PAGE_PARAMETERS, *VIEWPORT_PARAMETERS):
        query.pop(name, None)
    listing_query = evaluate(listing, query, strict=False)
    # Each cluster links to the map of the same list narrowed to its places.
    query["view"] = "map"

    def points():
        clusters = map_clusters(listing_query, query, viewport=viewport, path=reverse(f"reports:{listing.name}_list"))
        return clusters.data([*listing_query.notices, *notices])

    # The same address gives the same points until the next write (reports/caching.py).
    key = ["map-points", plural, get_language(), request.GET.urlencode()]
    return JsonResponse(cached(key, points, COUNTS_TIMEOUT))


def map_points_address(listing, query) -> str:
    """The address of the clustered places of the list `query` (canonical): its filters alone."""
    kept = query.copy()
    for name in PAGE_PARAMETERS:
        kept.pop(name, None)
    return reverse("reports:map_points", kwargs={"plural": listing.plural}) + with_query(kept)
