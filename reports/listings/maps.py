"""What a list's map shows: how many of its rows concern each outlined first-level unit and each located place.

One aggregate statement, exact: over a count table when the filters allow (grains.py), else over the matching
rows; then the few regions it names: never the result set itself. The points on the map are clusters counted
per grid cell at the map's zoom (clusters.py), over the matching rows in the same way.
"""

from dataclasses import dataclass, field

from django.templatetags.static import static
from django.utils.translation import gettext as _

from reports.caching import cached
from reports.listings.canonical import addresses
from reports.listings.facets import run_within_budget
from reports.listings.grains import conditions_of, place_counts
from reports.listings.limits import COUNTS_TIMEOUT, TABLE_PLACES
from reports.listings.querying import ListingQuery
from reports.maps import OUTLINED
from reports.models import Region


@dataclass
class MapPlace:
    region: Region
    count: int
    link: str


@dataclass
class MapCounts:
    units: list = field(default_factory=list)  # MapPlace of outlined first-level units, most first
    places: list = field(default_factory=list)  # MapPlace of settlements with a point of their own, most first

    def data(self, label, points) -> dict:
        """What the page's script draws, for json_script; `points` is the address of the clustered places."""

        def entry(place):
            return {"code": place.region.code, "name": place.region.local_name, "count": place.count, "link": place.link}

        return {
            "boundaries": static("geo/boundaries.geojson"),
            "label": label,
            "attribution": _("Outlines: Natural Earth, GeoNames"),
            "units": [entry(unit) for unit in self.units],
            "points": points,
            "strings": {"cluster": _("{count} in {places} places: choose to zoom in")},
        }


def over_matching_rows(listing_query: ListingQuery, columns, statement, params, within=None):
    """The rows of `statement` over the list's matching rows, counted exactly, or None past the time budget.

    `statement` reads the matching rows (`columns` of them) as the CTE `matched` (it may add CTEs of its own,
    starting with a comma); `params` follow the matching rows' own. `within`, when given, is asked for a filter
    that keeps every row the statement counts (the rows with a place in a map's view, say), or None: the
    statement then reads only those rows.
    """
    matched = listing_query.queryset
    narrower = within() if within is not None else None
    if narrower is not None:
        matched = matched.filter(narrower)
    sql, matched_params = matched.order_by().values(*columns).query.sql_with_params()
    return run_within_budget(f"WITH matched AS ({sql}) {statement}", [*matched_params, *params])


def map_counts(listing_query: ListingQuery, query, path="") -> MapCounts:
    """The counts of the map of a list (`query`, canonical, on the list at `path`): its outlined units, and
    the TABLE_PLACES busiest places with a point of their own (the map's points come from clusters.py).

    Each place links to the same view narrowed to it.
    """
    listing, matched = listing_query.listing, listing_query.queryset
    result = MapCounts()
    if matched.query.is_empty():
        return result
    regions = Region._meta.db_table
    shown = (
        f"SELECT id FROM {regions} WHERE code = ANY(%s) OR (kind = %s AND location_precision = %s)",
        [sorted(OUTLINED), Region.Kind.SETTLEMENT, Region.Precision.OWN],
    )
    held = place_counts(listing.facets.grains, conditions_of(listing, listing_query.filterset))
    if held:
        grain, condition, params = held
        statement = (
            f"SELECT place_id, sum(row_count) FROM {grain.table} WHERE {condition} AND place_id IN ({shown[0]})"
            " GROUP BY 1 HAVING sum(row_count) > 0 ORDER BY 2 DESC, 1 LIMIT %s"
        )
    else:
        sql, params = matched.order_by().values("region_ids").query.sql_with_params()
        statement = (
            f"SELECT place, count(*) FROM ({sql}) AS matched, unnest(matched.region_ids) AS place"
            f" WHERE place IN ({shown[0]}) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT %s"
        )
    params = [*params, *shown[1], len(OUTLINED) + TABLE_PLACES]
    rows = cached(["counts", statement, params], lambda: run_within_budget(statement, params), COUNTS_TIMEOUT)
    counts = {region_id: int(count) for region_id, count in rows or []}
    found = Region.objects.in_bulk(list(counts))
    in_region = addresses(listing, query, ("region",))
    for region_id, count in counts.items():
        region = found[region_id]
        place = MapPlace(region, count, path + in_region([region.slug]))
        (result.units if region.code in OUTLINED else result.places).append(place)
    return result
