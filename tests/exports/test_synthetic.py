"""Synthetic records never end up in an export by accident: only when asked for by name."""

import csv
import io

import pytest

from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def archive():
    ClaimFactory(statement="Real claim", article=ArticleFactory(title="Real report"))
    ClaimFactory(statement="Synthetic claim", article=ArticleFactory(title="Synthetic report", is_synthetic=True))


def statements(response, column="statement"):
    text = b"".join(response.streaming_content).decode()
    return sorted(row[column] for row in csv.DictReader(io.StringIO(text)))


def test_exports_leave_synthetic_claims_out_by_default(client):
    assert statements(client.get("/claims/?format=csv")) == ["Real claim"]


def test_synthetic_include_exports_both(client):
    assert statements(client.get("/claims/?format=csv&synthetic=include")) == ["Real claim", "Synthetic claim"]


def test_synthetic_only_exports_the_synthetic_ones(client):
    assert statements(client.get("/claims/?format=csv&synthetic=only")) == ["Synthetic claim"]


def test_article_exports_leave_synthetic_articles_out_by_default(client):
    assert statements(client.get("/articles/?format=csv"), "title") == ["Real report"]


def test_the_synthetic_column_marks_them(client):
    text = b"".join(client.get("/claims/?format=csv&synthetic=include&sort=oldest").streaming_content).decode()

    assert {row["statement"]: row["synthetic"] for row in csv.DictReader(io.StringIO(text))} == {
        "Real claim": "false",
        "Synthetic claim": "true",
    }
