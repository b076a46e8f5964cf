"""Placing regions on the map: settlements' own points from the shipped file, the rest at a region they lie in.

`reports/data/geo/points.csv` (written once by `scripts/mine_geodata.py` from GeoNames) gives a point for each
KATOTTG settlement it could match. A region with no point of its own is then placed at the nearest region
it lies in that has one (a village at its hromada's, else its raion's, else its oblast's point) and says so
in `location_precision`, so that a reader or a map never takes an oblast's centre for the village itself.
"""

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, transaction

from reports.models import Claim, Region
from reports.models.regions import path_ids_sql

POINTS_FILE = Path(__file__).resolve().parent.parent / "data" / "geo" / "points.csv"
COLUMNS = ["katottg", "latitude", "longitude", "geonames_id"]
KATOTTG_CODE = re.compile(r"^UA\d{17}$")
SETTLEMENT_CATEGORIES = ("M", "T", "X", "C")

OWN_POINTS_SQL = """
UPDATE reports_region AS region
SET latitude = point.latitude, longitude = point.longitude, location_precision = 'own'
FROM unnest(%s::text[], %s::float8[], %s::float8[]) AS point(code, latitude, longitude)
WHERE region.katottg = point.code AND region.location_precision <> 'own'
"""

# The ancestors' ids are read off the region's own path ("00000001/00000014/…/"), so finding the nearest
# located one costs a primary-key lookup per ancestor, whatever the size of the tree.
INHERITED_POINTS_SQL = f"""
WITH placed AS (
    SELECT region.id, ancestor.latitude, ancestor.longitude,
           CASE WHEN ancestor.latitude IS NULL THEN 'none' ELSE 'parent' END AS precision
    FROM reports_region AS region
    LEFT JOIN LATERAL (
        SELECT candidate.latitude, candidate.longitude
        FROM reports_region AS candidate
        WHERE candidate.id = ANY ({path_ids_sql("region.path")})
          AND candidate.id <> region.id AND candidate.location_precision = 'own'
        ORDER BY length(candidate.path) DESC
        LIMIT 1
    ) AS ancestor ON true
    WHERE region.location_precision <> 'own'
)
UPDATE reports_region AS region
SET latitude = placed.latitude, longitude = placed.longitude, location_precision = placed.precision
FROM placed
WHERE region.id = placed.id
  AND (region.latitude, region.longitude, region.location_precision)
      IS DISTINCT FROM (placed.latitude, placed.longitude, placed.precision)
"""


class GeodataError(ValueError):
    """The points file cannot be loaded; the message names the file and the line at fault."""


@dataclass
class GeodataResult:
    """own: regions that received their own point; placed: regions whose point taken from an ancestor changed."""

    own: int = 0
    placed: int = 0

    def __str__(self):
        return f"{self.own} given their own point, {self.placed} placed at a region they lie in"


@dataclass
class Coverage:
    """How many settlements have their own point, of all of them and of those claims name."""

    settlements: int
    settlements_located: int
    mentioned: int
    mentioned_located: int


def read_points(path: Path) -> list[tuple[str, float, float]]:
    """(KATOTTG code, latitude, longitude) for each line; GeodataError on anything malformed."""
    try:
        with path.open(newline="", encoding="utf-8") as source:
            reader = csv.reader(source)
            if next(reader, None) != COLUMNS:
                raise GeodataError(f"{path.name}: the first line must be {','.join(COLUMNS)}")
            points = [_point(path, reader.line_num, row) for row in reader]
    except OSError as error:
        raise GeodataError(f"{path}: cannot be read ({error.strerror or error})") from error
    except UnicodeDecodeError as error:
        raise GeodataError(f"{path.name}: not UTF-8 text") from error
    return points


def _point(path: Path, line: int, row: list[str]) -> tuple[str, float, float]:
    if len(row) != len(COLUMNS) or not KATOTTG_CODE.match(row[0]):
        raise GeodataError(f"{path.name}, line {line}: expected a KATOTTG code and three numbers")
    try:
        latitude, longitude = float(row[1]), float(row[2])
    except ValueError:
        raise GeodataError(f"{path.name}, line {line}: latitude and longitude must be numbers") from None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise GeodataError(f"{path.name}, line {line}: {latitude}, {longitude} is not a point on Earth")
    return row[0], latitude, longitude


@transaction.atomic
def geodata_load(*, path: Path | str | None = None) -> GeodataResult:
    """Give settlements their own point from the points file, then place every other region at its nearest
    located ancestor (or mark it not located). A point a region already has of its own (from the gazetteer,
    or typed in by an editor) is kept. Running it again changes nothing.
    """
    points = read_points(Path(path) if path is not None else POINTS_FILE)
    codes, latitudes, longitudes = (list(column) for column in zip(*points, strict=True)) if points else ([], [], [])
    with connection.cursor() as cursor:
        cursor.execute(OWN_POINTS_SQL, [codes, latitudes, longitudes])
        own = cursor.rowcount
        cursor.execute(INHERITED_POINTS_SQL)
        placed = cursor.rowcount
    return GeodataResult(own=own, placed=placed)


def geodata_coverage() -> Coverage:
    """Settlements of the codifier with their own point; and the same among those that claims name."""
    settlements = Region.objects.filter(kind=Region.Kind.SETTLEMENT, katottg_category__in=SETTLEMENT_CATEGORIES)
    mentioned = Region.objects.filter(kind=Region.Kind.SETTLEMENT, pk__in=Claim.regions.through.objects.values("region"))
    own = {"location_precision": Region.Precision.OWN}
    return Coverage(
        settlements=settlements.count(),
        settlements_located=settlements.filter(**own).count(),
        mentioned=mentioned.count(),
        mentioned_located=mentioned.filter(**own).count(),
    )
