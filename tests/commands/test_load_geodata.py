import re

import pytest
from django.core.management import CommandError, call_command

from reports.models import Region

pytestmark = pytest.mark.django_db


def test_load_geodata_places_the_gazetteer_and_reports_coverage(capsys):
    call_command("load_gazetteer")
    capsys.readouterr()

    call_command("load_geodata")

    output = capsys.readouterr().out
    assert re.match(r"Places on the map: \d+ given their own point, \d+ placed at a region they lie in\.\n", output)
    assert "Settlements with their own point: " in output
    assert not Region.objects.filter(location_precision="none").exists()


def test_a_bad_points_file_stops_it_with_the_reason(tmp_path):
    bad = tmp_path / "points.csv"
    bad.write_text("katottg,latitude,longitude,geonames_id\nUA1,1,2,3\n", encoding="utf-8")

    with pytest.raises(CommandError, match="points.csv, line 2"):
        call_command("load_geodata", "--points", str(bad))
