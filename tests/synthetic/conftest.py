import pytest

from reports.models import Region, Source
from reports.services.gazetteer import gazetteer_load
from tests.factories import RegionFactory, SourceFactory


@pytest.fixture
def gazetteer():
    ukraine = RegionFactory(name="Ukraine", name_uk="Україна", slug="ukraine", kind=Region.Kind.COUNTRY, code="UA")
    donetsk = RegionFactory(
        name="Donetsk Oblast", name_uk="Донецька область", slug="donetsk-oblast", code="UA-14", parent=ukraine
    )
    luhansk = RegionFactory(
        name="Luhansk Oblast", name_uk="Луганська область", slug="luhansk-oblast", code="UA-09", parent=ukraine
    )
    settlement = Region.Kind.SETTLEMENT
    lyman = RegionFactory(name="Lyman", name_uk="Лиман", slug="lyman", kind=settlement, parent=donetsk, aliases=["Лиман"])
    bakhmut = RegionFactory(name="Bakhmut", name_uk="Бахмут", slug="bakhmut", kind=settlement, parent=donetsk)
    sievierodonetsk = RegionFactory(
        name="Sievierodonetsk", name_uk="Сєвєродонецьк", slug="sievierodonetsk", kind=settlement, parent=luhansk
    )
    return [ukraine, donetsk, luhansk, lyman, bakhmut, sievierodonetsk]


@pytest.fixture
def shipped_gazetteer():
    """The gazetteer the archive ships, with a raion, a hromada and a city district under it: every kind of place."""
    gazetteer_load()
    donetsk = Region.objects.get(code="UA-14")
    raion = RegionFactory(
        name="Bakhmut", name_uk="Бахмутський", slug="bakhmut-raion", kind=Region.Kind.RAION, parent=donetsk,
        aliases=["Бахмутский район"],
    )  # fmt: skip
    hromada = RegionFactory(
        name="Soledar Hromada", name_uk="Соледарська міська громада", slug="soledar-hromada", kind=Region.Kind.HROMADA,
        parent=raion,
    )  # fmt: skip
    RegionFactory(name="Yakovlivka", name_uk="Яковлівка", slug="yakovlivka", kind=Region.Kind.SETTLEMENT, parent=hromada)
    kharkiv = Region.objects.get(code="UA-63")
    RegionFactory(
        name="Saltivskyi", name_uk="Салтівський", slug="saltivskyi-district", kind=Region.Kind.CITY_DISTRICT,
        parent=kharkiv, aliases=["Салтовский район"],
    )  # fmt: skip


@pytest.fixture
def isw():
    return SourceFactory(
        name="Institute for the Study of War", short_name="ISW", slug="isw", kind=Source.Kind.THINK_TANK, country="US"
    )
