"""What a list's map shows: how many of its rows concern each outlined first-level unit and each located place.

One aggregate statement over the matching rows (sampled, and marked as estimates, when they are many, as the
facets are), then the few regions it names: never the result set itself.
"""

from dataclasses import dataclass, field

from django.templatetags.static import static
from django.utils.translation import gettext as _

from reports.listings.canonical import addresses
from reports.listings.facets import matching_rows_sql, run_within_budget
from reports.listings.paging import COUNT_CAP, planned_rows
from reports.listings.querying import ListingQuery
from reports.maps import OUTLINED
from reports.models import Region

MAX_POINTS = 500


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

    def data(self, label) -> dict:
        """What the page's script draws, for json_script."""

        def entry(place):
            return {"code": place.region.code, "name": place.region.local_name, "count": place.count, "link": place.link}

        return {
            "boundaries": static("geo/boundaries.geojson"),
            "label": label,
            "attribution": _("Outlines: Natural Earth, GeoNames"),
            "estimated": self.estimated,
            "units": [entry(unit) for unit in self.units],
            "places": [{**entry(place), "point": [place.region.latitude, place.region.longitude]} for place in self.places],
        }


def map_counts(listing_query: ListingQuery, query, path="") -> MapCounts:
    """The counts of the map of a list (`query`, canonical, on the list at `path`).

    Each place links to the same view narrowed to it.
    """
    listing, matched = listing_query.listing, listing_query.queryset
    result = MapCounts()
    if matched.query.is_empty():
        return result
    exact_total = 0 if planned_rows(matched) <= 2 * COUNT_CAP else None
    sql, params, scale, result.estimated = matching_rows_sql(
        matched.order_by().values("region_ids"), listing.facets.table, exact_total
    )
    regions = Region._meta.db_table
    rows = run_within_budget(
        f"SELECT region.id, count(*) FROM ({sql}) AS matched, unnest(matched.region_ids) AS place"
        f" JOIN {regions} AS region ON region.id = place"
        " WHERE region.code = ANY(%s) OR (region.kind = %s AND region.location_precision = %s)"
        " GROUP BY region.id ORDER BY 2 DESC LIMIT %s",
        [*params, sorted(OUTLINED), Region.Kind.SETTLEMENT, Region.Precision.OWN, len(OUTLINED) + MAX_POINTS],
    )
    counts = {region_id: round(count * scale) for region_id, count in rows or []}
    found = Region.objects.in_bulk(list(counts))
    in_region = addresses(listing, query, ("region",))
    for region_id, count in counts.items():
        region = found[region_id]
        place = MapPlace(region, count, path + in_region([region.slug]))
        (result.units if region.code in OUTLINED else result.places).append(place)
    return result
