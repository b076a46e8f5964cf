import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from reports.models import Region
from reports.models.regions import path_ids, path_ids_sql
from tests.factories import RegionFactory

pytestmark = pytest.mark.django_db


def test_descendants_include_every_level_below_and_nothing_beside():
    ukraine = RegionFactory(kind=Region.Kind.COUNTRY)
    donetsk = RegionFactory(parent=ukraine)
    kramatorsk_raion = RegionFactory(parent=donetsk, kind=Region.Kind.RAION)
    lyman = RegionFactory(parent=kramatorsk_raion, kind=Region.Kind.SETTLEMENT)
    luhansk = RegionFactory(parent=ukraine)

    assert set(donetsk.descendants()) == {kramatorsk_raion, lyman}
    assert set(Region.objects.inside(ukraine)) == {ukraine, donetsk, kramatorsk_raion, lyman, luhansk}
    assert list(lyman.ancestors()) == [ukraine, donetsk, kramatorsk_raion]


def test_moving_a_region_carries_everything_inside_it():
    ukraine = RegionFactory(kind=Region.Kind.COUNTRY)
    donetsk = RegionFactory(parent=ukraine)
    luhansk = RegionFactory(parent=ukraine)
    direction = RegionFactory(parent=donetsk, kind=Region.Kind.AREA)
    village = RegionFactory(parent=direction, kind=Region.Kind.SETTLEMENT)

    direction.parent = luhansk
    direction.save()

    village.refresh_from_db()
    assert list(village.ancestors()) == [ukraine, luhansk, direction]
    assert set(luhansk.descendants()) == {direction, village}
    assert not donetsk.descendants().exists()


def test_a_region_cannot_be_moved_inside_its_own_subtree():
    oblast = RegionFactory()
    raion = RegionFactory(parent=oblast, kind=Region.Kind.RAION)

    oblast.parent = raion
    with pytest.raises(ValidationError):
        oblast.full_clean()
    with pytest.raises(ValidationError):
        oblast.save()


def test_descendants_are_found_with_the_path_index():
    oblast = RegionFactory()
    RegionFactory(parent=oblast)

    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")  # a tiny table would otherwise be scanned whole
    plan = Region.objects.inside(oblast).explain()

    assert "region_path_prefix" in plan


def test_regions_are_found_by_alias_in_any_script():
    luhansk = RegionFactory(name="Luhansk Oblast", aliases=["Lugansk", "Луганщина", "Луганщини"])

    assert list(Region.objects.named("Луганщини")) == [luhansk]
    assert list(Region.objects.named("luhansk oblast")) == [luhansk]


def test_a_region_is_looked_up_by_slug_or_official_code():
    luhansk = RegionFactory(slug="luhansk-oblast", code="UA-09")

    assert list(Region.objects.lookup("UA-09")) == [luhansk]
    assert list(Region.objects.lookup("ua-09")) == [luhansk]
    assert list(Region.objects.lookup("luhansk-oblast")) == [luhansk]


def test_every_spelling_of_a_region_is_indexed_and_follows_edits():
    from reports.models import RegionName

    region = RegionFactory(name="Luhansk Oblast", name_uk="Луганська область", aliases=["Луганщина"])
    assert set(RegionName.objects.filter(region=region).values_list("name", flat=True)) == {
        "luhansk oblast",
        "луганська область",
        "луганщина",
    }

    region.aliases = ["Lugansk region"]
    region.save()

    assert set(RegionName.objects.filter(region=region).values_list("name", flat=True)) == {
        "luhansk oblast",
        "луганська область",
        "lugansk region",
    }


def test_a_path_names_the_ids_from_the_country_down_to_the_region_itself():
    ukraine = RegionFactory(kind=Region.Kind.COUNTRY)
    donetsk = RegionFactory(parent=ukraine)
    lyman = RegionFactory(parent=donetsk, kind=Region.Kind.SETTLEMENT)

    assert path_ids(lyman.path) == [ukraine.pk, donetsk.pk, lyman.pk]
    assert lyman.ancestor_ids == [ukraine.pk, donetsk.pk]
    assert path_ids(ukraine.path) == [ukraine.pk] and ukraine.ancestor_ids == []
    assert path_ids("") == []


def test_sql_reads_a_path_as_python_does():
    lyman = RegionFactory(parent=RegionFactory(parent=RegionFactory(kind=Region.Kind.COUNTRY)), kind=Region.Kind.SETTLEMENT)

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {path_ids_sql('path')} FROM reports_region WHERE id = %s", [lyman.pk])
        assert cursor.fetchone()[0] == path_ids(lyman.path)


def test_first_level_regions_are_the_regions_directly_under_every_country():
    ukraine = RegionFactory(kind=Region.Kind.COUNTRY, code="UA")
    russia = RegionFactory(kind=Region.Kind.COUNTRY, code="RU")
    donetsk = RegionFactory(parent=ukraine, kind=Region.Kind.OBLAST)
    crimea = RegionFactory(parent=ukraine, kind=Region.Kind.AUTONOMOUS_REPUBLIC)
    kyiv = RegionFactory(parent=ukraine, kind=Region.Kind.SPECIAL_CITY)
    krasnodar = RegionFactory(parent=russia, kind=Region.Kind.KRAI)
    front = RegionFactory(parent=donetsk, kind=Region.Kind.AREA)
    raion = RegionFactory(parent=donetsk, kind=Region.Kind.RAION)

    assert set(Region.objects.first_level()) == {donetsk, crimea, kyiv, krasnodar}
    assert [region.is_first_level for region in (donetsk, krasnodar, front, raion, ukraine)] == [True, True, False, False, False]
    raion.parent = ukraine
    raion.save()
    assert raion.is_first_level and raion in Region.objects.first_level()
