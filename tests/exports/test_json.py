"""format=json and format=jsonl: the same fields as the CSV, typed as JSON."""

import datetime
import json
from decimal import Decimal

import pytest

from reports.models import Claim
from tests.exports.test_csv import CLAIM_COLUMNS
from tests.factories import ArticleFactory, ClaimFactory, RegionFactory, SourceFactory

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content).decode("utf-8")


@pytest.fixture
def claim():
    made = ClaimFactory(
        statement='A "quoted" statement\nover two lines',
        quote="Russian forces advanced northeast of Lyman",
        claimant=SourceFactory(name="Institute for the Study of War", slug="isw"),
        occurred_start=datetime.date(2022, 7, 3),
        occurred_end=datetime.date(2022, 7, 3),
        occurred_precision=Claim.Precision.DAY,
        quantity_value=Decimal("1.500"),
        quantity_unit="%",
    )
    made.regions.set([RegionFactory(name="Luhansk Oblast", code="UA-09"), RegionFactory(name="Lyman", slug="lyman")])
    return made


def test_json_is_an_array_of_objects_with_the_csv_columns_as_keys(client, claim):
    response = client.get("/claims/?format=json")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    (record,) = json.loads(body(response))
    assert list(record) == CLAIM_COLUMNS


def test_json_values_are_typed(client, claim):
    (record,) = json.loads(body(client.get("/claims/?format=json")))

    assert record["claim_id"] == claim.pk
    assert record["statement"] == 'A "quoted" statement\nover two lines'
    assert record["occurred_start"] == "2022-07-03"
    assert record["quantity_value"] == 1.5
    assert record["region_codes"] == ["UA-09", "lyman"]
    assert record["region_names"] == ["Luhansk Oblast", "Lyman"]
    assert record["article_url"] is None
    assert record["synthetic"] is False


def test_json_lines_hold_one_object_per_line(client, claim):
    ClaimFactory(statement="Second")

    response = client.get("/claims/?format=jsonl")

    assert response["Content-Type"] == "application/x-ndjson; charset=utf-8"
    lines = body(response).splitlines()
    # Newest first; the two were asserted the same day, so the later one leads.
    assert [json.loads(line)["statement"] for line in lines] == ["Second", 'A "quoted" statement\nover two lines']


def test_an_empty_result_is_an_empty_array(client):
    assert json.loads(body(client.get("/claims/?format=json"))) == []


def test_an_empty_result_is_an_empty_json_lines_file(client):
    assert body(client.get("/claims/?format=jsonl")) == ""


def test_a_claim_without_regions_has_empty_lists(client):
    ClaimFactory()

    (record,) = json.loads(body(client.get("/claims/?format=json")))

    assert (record["region_codes"], record["region_names"]) == ([], [])


def test_article_json_has_typed_lists_and_counts(client):
    article = ArticleFactory(title="Report", published_time=datetime.time(10, 30))
    article.cited_sources.set([SourceFactory(name="ISW", slug="isw")])
    ClaimFactory(article=article)

    (record,) = json.loads(body(client.get("/articles/?format=json")))

    assert record["cited_sources"] == ["ISW"]
    assert record["cited_source_slugs"] == ["isw"]
    assert record["published_time"] == "10:30:00"
    assert record["claim_count"] == 1
