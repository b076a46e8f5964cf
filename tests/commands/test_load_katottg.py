from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from reports.models import Region
from tests.factories import RegionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sevastopol():
    ukraine = RegionFactory(name="Ukraine", slug="ukraine", kind=Region.Kind.COUNTRY, code="UA")
    return RegionFactory(name="Sevastopol", slug="sevastopol", kind=Region.Kind.SPECIAL_CITY, code="UA-40", parent=ukraine)


def test_prints_a_summary_of_what_it_did(sevastopol):
    out = StringIO()

    call_command("load_katottg", "--under", "UA-40", stdout=out, stderr=StringIO())

    assert out.getvalue().startswith("KATOTTG: 4 created, 1 linked, 0 updated, 0 unchanged (5 units in ")


def test_second_run_reports_everything_unchanged(sevastopol):
    call_command("load_katottg", "--under", "UA-40", stdout=StringIO(), stderr=StringIO())
    out = StringIO()

    call_command("load_katottg", "--under", "UA-40", stdout=out, stderr=StringIO())

    assert out.getvalue().startswith("KATOTTG: 0 created, 0 linked, 0 updated, 5 unchanged")


def test_missing_first_level_unit_is_a_one_line_error(sevastopol):
    with pytest.raises(
        CommandError,
        match=r"^first-level units missing from the archive \(UA-09 Луганська\); run `manage.py load_gazetteer` first\.$",
    ):
        call_command("load_katottg", "--under", "UA-09", stdout=StringIO(), stderr=StringIO())


def test_quiet_run_prints_nothing(sevastopol):
    out = StringIO()

    call_command("load_katottg", "--under", "UA-40", verbosity=0, stdout=out, stderr=StringIO())

    assert out.getvalue() == ""
    assert Region.objects.filter(parent=sevastopol, kind=Region.Kind.CITY_DISTRICT).count() == 4
