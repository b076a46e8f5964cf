import pytest

from reports.models import Region
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
