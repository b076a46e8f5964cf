import pytest

from reports.models import Region
from reports.services.geodata import POINTS_FILE, GeodataError, geodata_coverage, geodata_load, read_points
from tests.factories import ClaimFactory, RegionFactory

pytestmark = pytest.mark.django_db

HEADER = "katottg,latitude,longitude,geonames_id\n"
KREMINNA = "UA44080050010066567"
VILLAGE = "UA44080050020012345"


def points_file(tmp_path, *lines, header=HEADER):
    path = tmp_path / "points.csv"
    path.write_text(header + "".join(f"{line}\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture
def tree():
    """Ukraine (located) › Luhansk Oblast (located) › a hromada (no point) › Kreminna and a village."""
    ukraine = RegionFactory(slug="ukraine", kind=Region.Kind.COUNTRY, latitude=48.4, longitude=31.2, location_precision="own")
    oblast = RegionFactory(slug="luhansk-oblast", parent=ukraine, latitude=48.6, longitude=39.3, location_precision="own")
    hromada = RegionFactory(slug="kreminna-hromada", kind=Region.Kind.HROMADA, parent=oblast)
    settlement = {"kind": Region.Kind.SETTLEMENT, "parent": hromada, "katottg_category": "M"}
    town = RegionFactory(slug="kreminna", katottg=KREMINNA, **settlement)
    village = RegionFactory(slug="village", katottg=VILLAGE, **settlement)
    return {"ukraine": ukraine, "oblast": oblast, "hromada": hromada, "town": town, "village": village}


def fresh(region):
    region.refresh_from_db()
    return (region.latitude, region.longitude, region.location_precision)


def test_a_settlement_in_the_points_file_gets_its_own_point(tree, tmp_path):
    geodata_load(path=points_file(tmp_path, f"{KREMINNA},49.0476,38.2174,704422"))

    assert fresh(tree["town"]) == (49.0476, 38.2174, "own")


def test_a_region_without_a_point_is_placed_at_its_nearest_located_ancestor(tree, tmp_path):
    geodata_load(path=points_file(tmp_path, f"{KREMINNA},49.0476,38.2174,704422"))

    assert fresh(tree["hromada"]) == (48.6, 39.3, "parent")
    assert fresh(tree["village"]) == (48.6, 39.3, "parent")


def test_a_region_with_no_located_ancestor_is_marked_not_located(tmp_path):
    lone = RegionFactory(slug="nowhere", kind=Region.Kind.COUNTRY)
    inside = RegionFactory(slug="inside-nowhere", parent=lone)

    geodata_load(path=points_file(tmp_path))

    assert fresh(lone) == (None, None, "none")
    assert fresh(inside) == (None, None, "none")


def test_a_point_the_region_already_has_of_its_own_is_kept(tree, tmp_path):
    tree["town"].latitude, tree["town"].longitude, tree["town"].location_precision = 49.05, 38.22, "own"
    tree["town"].save()

    geodata_load(path=points_file(tmp_path, f"{KREMINNA},1.0,2.0,704422"))

    assert fresh(tree["town"]) == (49.05, 38.22, "own")


def test_a_second_load_changes_nothing(tree, tmp_path):
    path = points_file(tmp_path, f"{KREMINNA},49.0476,38.2174,704422")
    first = geodata_load(path=path)
    before = {region.pk: fresh(region) for region in tree.values()}

    second = geodata_load(path=path)

    assert (first.own, first.placed) == (1, 2)
    assert (second.own, second.placed) == (0, 0)
    assert {region.pk: fresh(region) for region in tree.values()} == before


def test_a_point_added_to_an_ancestor_reaches_the_regions_inside_on_the_next_load(tree, tmp_path):
    path = points_file(tmp_path)
    geodata_load(path=path)
    tree["hromada"].latitude, tree["hromada"].longitude = 49.0, 38.2
    tree["hromada"].full_clean(exclude=["path"])
    tree["hromada"].save()

    geodata_load(path=path)

    assert fresh(tree["hromada"]) == (49.0, 38.2, "own")
    assert fresh(tree["village"]) == (49.0, 38.2, "parent")


@pytest.mark.parametrize(
    ("header", "line", "message"),
    [
        ("katottg,lat,lon\n", f"{KREMINNA},49,38", "first line"),
        (HEADER, "Kreminna,49,38,1", "line 2: expected a KATOTTG code"),
        (HEADER, f"{KREMINNA},north,38,1", "line 2: latitude and longitude must be numbers"),
        (HEADER, f"{KREMINNA},91,38,1", "line 2: 91.0, 38.0 is not a point on Earth"),
        (HEADER, f"{KREMINNA},49,38", "line 2: expected a KATOTTG code"),
    ],
)
def test_a_malformed_points_file_is_refused_and_nothing_changes(tree, tmp_path, header, line, message):
    with pytest.raises(GeodataError, match=message):
        geodata_load(path=points_file(tmp_path, line, header=header))

    assert fresh(tree["town"]) == (None, None, "none")
    assert fresh(tree["village"]) == (None, None, "none")


def test_a_missing_points_file_is_refused_with_its_name(tmp_path):
    with pytest.raises(GeodataError, match="missing.csv"):
        geodata_load(path=tmp_path / "missing.csv")


def test_the_shipped_points_file_is_well_formed_and_covers_thousands_of_settlements():
    points = read_points(POINTS_FILE)

    assert len(points) > 3000
    assert len({code for code, _, _ in points}) == len(points)
    # Ukraine with Crimea lies within these bounds.
    assert all(44 < latitude < 53 and 22 < longitude < 41 for _, latitude, longitude in points)


def test_coverage_counts_settlements_with_their_own_point_overall_and_among_those_claims_name(tree, tmp_path):
    geodata_load(path=points_file(tmp_path, f"{KREMINNA},49.0476,38.2174,704422"))
    ClaimFactory().regions.add(tree["village"])

    coverage = geodata_coverage()

    assert (coverage.settlements, coverage.settlements_located) == (2, 1)
    assert (coverage.mentioned, coverage.mentioned_located) == (1, 0)
