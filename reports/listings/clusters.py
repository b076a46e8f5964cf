"""The located places of a list's map, clustered on the server: one count per grid cell at the map's zoom.

The world, as the map projects it (Web Mercator, 256 × 2^zoom pixels wide), is cut into squares of
CELL_PIXELS. Every (matching row, located place) pair falls in the cell of its place, and each cell
in view answers with how many distinct rows it holds, how many places, their centre and their
bounds: one aggregate statement over the same matching rows as the list's own counts, then the names of
the few places the answer links to. Every count is exact: when few places are in view (zoomed in), only
the rows naming one of them are read.
What the browser receives is bounded by the cells of one screen, not by the archive: at most MAX_CELLS,
whatever the number of places or rows.
"""

import math
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from reports.listings.canonical import narrowed
from reports.listings.maps import over_matching_rows
from reports.listings.querying import ListingQuery
from reports.models import Region

CELL_PIXELS = 64  # wider than the widest disc the map draws (52 px and its halo), so that two never overlap
MIN_ZOOM, MAX_ZOOM = 0, 12
DEFAULT_ZOOM = 5
MAX_CELLS = 600
NARROWED_PLACES = 2_000  # a view with more located places is counted over the list's rows, not over its own
LINKED_PLACES = 12  # a cluster of at most this many places also links to the view narrowed to them
MAX_LATITUDE = 85.05112878  # where Web Mercator ends
WHOLE_WORLD = (-180.0, -MAX_LATITUDE, 180.0, MAX_LATITUDE)

# Cell coordinates of a place, for a world `%(side)s` cells wide (Web Mercator, y growing southwards).
CELL_X = "floor((region.longitude + 180) / 360 * %(side)s)::int"
_PHI = f"radians(LEAST(GREATEST(region.latitude, -{MAX_LATITUDE}), {MAX_LATITUDE}))"
CELL_Y = f"floor((1 - ln(tan({_PHI}) + 1 / cos({_PHI})) / pi()) / 2 * %(side)s)::int"


@dataclass(frozen=True)
class Viewport:
    """The part of the map asked for: a zoom level and a box of longitudes and latitudes."""

    zoom: int = DEFAULT_ZOOM
    box: tuple = WHOLE_WORLD  # (west, south, east, north)

    @property
    def side(self) -> int:
        """How many cells the world is wide (and high) at this zoom."""
        return max(1, (256 << self.zoom) // CELL_PIXELS)

    def cell_ranges(self) -> tuple:
        """(first x, last x, first y, last y): the cells the box touches, whole cells only."""
        west, south, east, north = self.box
        return (*sorted((self._x(west), self._x(east))), *sorted((self._y(north), self._y(south))))

    def cells_box(self) -> tuple:
        """(west, south, east, north) of the whole cells the box touches."""
        first_x, last_x, first_y, last_y = self.cell_ranges()

        def latitude(y):
            return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / self.side))))

        return (first_x / self.side * 360 - 180, latitude(last_y + 1), (last_x + 1) / self.side * 360 - 180, latitude(first_y))

    def _x(self, longitude):
        return min(self.side - 1, max(0, math.floor((longitude + 180) / 360 * self.side)))

    def _y(self, latitude):
        phi = math.radians(min(MAX_LATITUDE, max(-MAX_LATITUDE, latitude)))
        y = (1 - math.log(math.tan(phi) + 1 / math.cos(phi)) / math.pi) / 2
        return min(self.side - 1, max(0, math.floor(y * self.side)))


def viewport_of(query, notices) -> Viewport:
    """The viewport `zoom` and `bbox` (west,south,east,north) ask for; what is not understood is named in
    `notices` and replaced by the default (zoom 5, the whole map)."""
    zoom, box = DEFAULT_ZOOM, WHOLE_WORLD
    raw_zoom = (query.get("zoom") or "").strip()
    if raw_zoom:
        try:
            zoom = min(MAX_ZOOM, max(MIN_ZOOM, round(float(raw_zoom))))
        except (ValueError, OverflowError):
            notices.append(_("“%(value)s” is not a zoom level; showing zoom %(zoom)d.") % {"value": raw_zoom[:40], "zoom": zoom})
    raw_box = (query.get("bbox") or "").strip()
    if raw_box:
        try:
            west, south, east, north = (float(part) for part in raw_box.split(","))
            if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
                raise ValueError
            box = (west, south, east, north)
        except ValueError:
            notices.append(
                _("“%(value)s” is not a box of west,south,east,north degrees; showing the whole map.") % {"value": raw_box[:80]}
            )
    return Viewport(zoom=zoom, box=box)


@dataclass
class MapClusters:
    viewport: Viewport
    shown: int = 0  # the matching rows with a located place in the cells in view
    clusters: list = field(default_factory=list)
    truncated: bool = False  # more than MAX_CELLS cells in view: the busiest are given
    unavailable: bool = False  # the count ran past its time budget

    def data(self, notices) -> dict:
        return {
            "zoom": self.viewport.zoom,
            "cell": CELL_PIXELS,
            "shown": self.shown,
            "truncated": self.truncated,
            "unavailable": self.unavailable,
            "clusters": self.clusters,
            "notices": [str(notice) for notice in notices],
        }


def map_clusters(listing_query: ListingQuery, query, *, viewport: Viewport, path="") -> MapClusters:
    """The clusters of located places of the list `query` (canonical, on the list at `path`) in `viewport`.

    A cluster of one place links to the view narrowed to it; a cluster of a few places to the view
    narrowed to them all (the `region` parameter repeated means either).
    """
    result = MapClusters(viewport=viewport)
    matched = listing_query.queryset
    if matched.query.is_empty():
        return result
    first_x, last_x, first_y, last_y = viewport.cell_ranges()
    cell = {"side": viewport.side}
    # Zoomed in, few rows have a place in view: those alone are read, and counted exactly.
    west, south, east, north = viewport.cells_box()
    in_view = Region.objects.filter(
        kind=Region.Kind.SETTLEMENT,
        location_precision=Region.Precision.OWN,
        latitude__range=(south, north),
        longitude__range=(west, east),
    ).values_list("id", flat=True)

    def rows_in_view():
        places = list(in_view[: NARROWED_PLACES + 1])
        return Q(region_ids__overlap=places) if len(places) <= NARROWED_PLACES else None

    statement = (
        ", pairs AS (SELECT matched.id AS row_id, region.id AS place, region.latitude, region.longitude,"
        f" {CELL_X % cell} AS x, {CELL_Y % cell} AS y"
        f" FROM matched, unnest(matched.region_ids) AS place JOIN {Region._meta.db_table} AS region ON region.id = place"
        " WHERE region.kind = %s AND region.location_precision = %s),"
        " shown AS (SELECT * FROM pairs WHERE x BETWEEN %s AND %s AND y BETWEEN %s AND %s)"
        " (SELECT 1 AS part, count(DISTINCT row_id), 0::bigint, 0.0::float8, 0.0::float8, 0.0::float8, 0.0::float8,"
        " 0.0::float8, 0.0::float8, NULL::bigint[] FROM shown)"
        " UNION ALL (SELECT 2, count(DISTINCT row_id), count(DISTINCT place), avg(latitude), avg(longitude),"
        " min(latitude), min(longitude), max(latitude), max(longitude),"
        f" (array_agg(DISTINCT place))[1:{LINKED_PLACES + 1}]"
        f" FROM shown GROUP BY x, y ORDER BY 2 DESC, 4, 5 LIMIT {MAX_CELLS + 1})"
    )
    rows = over_matching_rows(
        listing_query,
        ["id", "region_ids"],
        statement,
        [Region.Kind.SETTLEMENT, Region.Precision.OWN, first_x, last_x, first_y, last_y],
        within=rows_in_view,
    )
    if rows is None:
        result.unavailable = True
        return result
    cells = [row for row in rows if row[0] == 2]
    result.truncated = len(cells) > MAX_CELLS
    cells = cells[:MAX_CELLS]
    totals = {row[0]: row[1] for row in rows if row[0] < 2}
    result.shown = totals.get(1, 0)
    linked = {place for cell_row in cells if cell_row[2] <= LINKED_PLACES for place in cell_row[9]}
    places = Region.objects.only("slug", "name", "name_uk").in_bulk(linked)
    result.clusters = [_cluster(cell_row, places, listing_query.listing, query, path) for cell_row in cells]
    return result


def _cluster(cell_row, places, listing, query, path) -> dict:
    _part, count, place_count, latitude, longitude, south, west, north, east, place_ids = cell_row
    cluster = {
        "count": count,
        "places": place_count,
        "point": [round(latitude, 5), round(longitude, 5)],
        "bounds": [[south, west], [north, east]],
    }
    named = [places[place] for place in place_ids if place in places] if place_count <= LINKED_PLACES else []
    if named:
        if place_count == 1:
            cluster["name"] = named[0].local_name
        cluster["link"] = path + narrowed(listing, query, region=sorted(place.slug for place in named))
    return cluster
