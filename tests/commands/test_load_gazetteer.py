import json
import re

import pytest
from django.core.management import CommandError, call_command

from reports.models import Region

pytestmark = pytest.mark.django_db

SUMMARY = re.compile(r"Gazetteer: (\d+) created, (\d+) updated, (\d+) unchanged\.\n")


def load(*args):
    call_command("load_gazetteer", *args)


def test_load_gazetteer_prints_how_many_regions_it_created(capsys):
    load()

    summary = SUMMARY.fullmatch(capsys.readouterr().out)
    assert summary is not None
    assert summary.groups() == (str(Region.objects.count()), "0", "0")


def test_a_second_run_reports_every_region_unchanged(capsys):
    load()
    capsys.readouterr()

    load()

    assert SUMMARY.fullmatch(capsys.readouterr().out).groups() == ("0", "0", str(Region.objects.count()))


def test_a_file_with_an_unknown_parent_fails_with_a_one_line_message(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text(json.dumps([{"slug": "lyman", "name": "Lyman", "kind": "settlement", "parent": "donetsk-oblast"}]))

    with pytest.raises(CommandError) as error:
        load("--file", str(path))

    assert "entry 1 (lyman): unknown parent 'donetsk-oblast'" in str(error.value)
    assert "\n" not in str(error.value)
    assert error.value.returncode == 1
    assert Region.objects.count() == 0


def test_a_missing_file_fails_with_a_clear_message(tmp_path):
    with pytest.raises(CommandError, match="cannot be read"):
        load("--file", str(tmp_path / "absent.json"))


def test_a_file_that_is_not_json_fails_with_a_clear_message(tmp_path):
    path = tmp_path / "gazetteer.json"
    path.write_text("[{", encoding="utf-8")

    with pytest.raises(CommandError, match="not valid JSON"):
        load("--file", str(path))
