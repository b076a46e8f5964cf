"""What a list's map shows: how many of its rows concern each outlined first-level unit and each located place.

One aggregate statement over the matching rows (sampled, and marked as estimates, when they are many, as the
facets are), then the few regions it names: never the result set itself. The points on the map are clusters
counted per grid cell at the map's zoom (clusters.py), over the same rows in the same way.
"""

from dataclasses import dataclass, field

from django.templatetags.static import static
from django.utils.translation import gettext as _

from reports.listings.canonical import addresses
from reports.listings.facets import EXACT_LIMIT, matching_rows_sql, run_within_budget
from reports.listings.paging import COUNT_CAP, planned_rows
from reports.listings.querying import ListingQuery
from reports.maps import OUTLINED
from reports.models import Region

TABLE_PLACES = 50  # the busiest places, in the table beside the map


@dataclass
class MapPlace:
    region: Region
    count: int
    link: str


@dataclass
class MapCounts:
    units: list = field(default_factory=list)  # MapPlace of outlined first-level units, most first
    places: list = field(default_factory=list)  # MapPlace of settlements with a point of their own, most first
    estimated: bool = False

    def data(self, label, points) -> dict:
        """What the page's script draws, for json_script; `points` is the address of the clustered places."""

        def entry(place):
            return {"code": place.region.code, "name": place.region.local_name, "count": place.count, "link": place.link}

        return {
            "boundaries": static("geo/boundaries.geojson"),
            "label": label,
            "attribution": _("Outlines: Natural Earth, GeoNames"),
            "estimated": self.estimated,
            "units": [entry(unit) for unit in self.units],
            "points": points,
            "strings": {"cluster": _("{count} in {places} places: choose to zoom in")},
        }


def over_matching_rows(listing_query: ListingQuery, columns, statement, params, size_of, within=None):
    """The rows of `statement` over the list's matching rows, counted as the list's own total and facets are.

    `statement` reads the matching rows (`columns` of them) as the CTE `matched` (it may add CTEs of its
    own, starting with a comma); `params` follow the matching rows' own; `size_of(rows)` reads from its
    answer how many rows `matched` held. The rows are counted exactly when there are at most EXACT_LIMIT of
    them, else over the same sample of the table the facets use (so an estimate here is the page's
    estimate). `within`, when the list is too long to count exactly, is asked for a filter that keeps every
    row the statement counts (the rows with a place in a map's view, say), or None: when the rows it keeps
    are few enough, they alone are counted, exactly. Returns (rows, scale, estimated), or None when a
    statement ran past its time budget.
    """
    listing, matched = listing_query.listing, listing_query.queryset

    def run(queryset, exact_total):
        values = queryset.order_by().values(*columns)
        if exact_total is not None:
            values = values[: EXACT_LIMIT + 1]
        sql, matched_params, scale, estimated = matching_rows_sql(values, listing.facets.table, exact_total)
        rows = run_within_budget(f"WITH matched AS MATERIALIZED ({sql}) {statement}", [*matched_params, *params])
        return None if rows is None else (rows, scale, estimated)

    def exactly(queryset):
        if planned_rows(queryset) > 2 * COUNT_CAP:
            return None
        answer = run(queryset, 0)
        return answer if answer is None or size_of(answer[0]) <= EXACT_LIMIT else None

    answer = exactly(matched)
    if answer is None and within is not None:
        narrower = within()
        answer = exactly(matched.filter(narrower)) if narrower is not None else None
    return answer or run(matched, None)


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
    answer = over_matching_rows(
        listing_query,
        ["region_ids"],
        "(SELECT NULL::bigint, count(*) FROM matched) UNION ALL"
        " (SELECT region.id, count(*) FROM matched, unnest(matched.region_ids) AS place"
        f" JOIN {regions} AS region ON region.id = place"
        " WHERE region.code = ANY(%s) OR (region.kind = %s AND region.location_precision = %s)"
        " GROUP BY region.id ORDER BY region.code = ANY(%s) DESC, 2 DESC, 1 LIMIT %s)",
        [sorted(OUTLINED), Region.Kind.SETTLEMENT, Region.Precision.OWN, sorted(OUTLINED), len(OUTLINED) + TABLE_PLACES],
        size_of=lambda rows: next(count for region_id, count in rows if region_id is None),
    )
    if answer is None:
        return result
    rows, scale, result.estimated = answer
    counts = {region_id: round(count * scale) for region_id, count in rows if region_id is not None}
    found = Region.objects.in_bulk(list(counts))
    in_region = addresses(listing, query, ("region",))
    for region_id, count in counts.items():
        region = found[region_id]
        place = MapPlace(region, count, path + in_region([region.slug]))
        (result.units if region.code in OUTLINED else result.places).append(place)
    result.places = result.places[:TABLE_PLACES]
    return result
