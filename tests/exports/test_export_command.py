"""manage.py export: the same rows as the download, written to files."""

import csv
import json
import os

import pytest
from django.core.management import CommandError, call_command

from tests.factories import ArticleFactory, ClaimFactory, RegionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def archive():
    ClaimFactory(statement="About Luhansk", topic="strikes").regions.add(RegionFactory(code="UA-09", name="Luhansk Oblast"))
    ClaimFactory(statement="About talks", topic="diplomacy")
    ClaimFactory(statement="Synthetic", article=ArticleFactory(is_synthetic=True))


def test_writes_the_filtered_claims_to_the_named_file(tmp_path):
    target = tmp_path / "luhansk.csv"

    call_command("export", "claims", query="region=UA-09", output=target, base_url="https://archive.example", verbosity=0)

    with target.open(newline="", encoding="utf-8") as file:
        (row,) = list(csv.DictReader(file))
    assert row["statement"] == "About Luhansk"
    assert row["permalink"].startswith("https://archive.example/claims/")


def test_writes_one_file_per_format_named_as_the_download(tmp_path):
    call_command(
        "export", "claims", formats=["csv", "json"], output_dir=tmp_path, base_url="https://archive.example", verbosity=0
    )

    names = sorted(path.name for path in tmp_path.iterdir())
    assert [name.rsplit(".", 1)[1] for name in names] == ["csv", "json"]
    assert all(name.startswith("claims_20") for name in names)
    (json_file,) = tmp_path.glob("*.json")
    assert sorted(record["statement"] for record in json.loads(json_file.read_text())) == ["About Luhansk", "About talks"]


def test_reports_the_file_and_its_row_count(tmp_path, capsys):
    call_command("export", "articles", output=tmp_path / "articles.jsonl", formats=["jsonl"], base_url="https://archive.example")

    assert f"{tmp_path / 'articles.jsonl'}: 2 articles" in capsys.readouterr().out


def test_a_filter_that_is_not_understood_stops_it_before_writing(tmp_path):
    with pytest.raises(CommandError, match="No region is called “atlantis”"):
        call_command("export", "claims", query="region=atlantis", output_dir=tmp_path, base_url="https://archive.example")

    assert list(tmp_path.iterdir()) == []


def test_permalinks_need_the_archive_address(tmp_path, settings):
    settings.SITE_URL = ""

    with pytest.raises(CommandError, match="--base-url"):
        call_command("export", "claims", output_dir=tmp_path, base_url="")


def test_the_file_gets_the_usual_permissions(tmp_path):
    target = tmp_path / "claims.csv"
    umask = os.umask(0o022)
    try:
        call_command("export", "claims", output=target, base_url="https://archive.example", verbosity=0)
    finally:
        os.umask(umask)

    assert target.stat().st_mode & 0o777 == 0o644
