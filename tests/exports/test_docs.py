"""docs/data.md documents every column the exports write."""

import re
from pathlib import Path

from reports.exports.columns import article_columns, claim_columns

DOC = Path(__file__).resolve().parents[2] / "docs" / "data.md"


def documented_columns(section):
    text = DOC.read_text()
    body = text.split(f"## {section}", 1)[1].split("\n## ", 1)[0]
    return {
        name for row in body.splitlines() if row.startswith("| `") for name in re.findall(r"`([a-z0-9_]+)`", row.split("|")[1])
    }


def test_every_claim_column_is_documented():
    assert {column.name for column in claim_columns("https://archive.example")} == documented_columns("Claims")


def test_every_article_column_is_documented():
    assert {column.name for column in article_columns("https://archive.example")} == documented_columns("Articles")
