"""Exports over HTTP, from a real server: streamed in chunks, whole, and cut off cleanly."""

import csv
import http.client
import io
import json
import urllib.request
from urllib.parse import urlsplit

import pytest

from reports.models import Claim
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db(transaction=True)


ROWS = 800  # about 200 kB of CSV: several chunks


@pytest.fixture
def many_claims():
    # Straight into the table (the quote's offsets given): saving them one by one would take most of the test.
    template = ClaimFactory(statement="The first claim")
    Claim.objects.bulk_create(
        Claim(
            article=template.article,
            claimant=template.claimant,
            statement=f"Claim number {number:04d} " + "x" * 60,
            quote=template.quote,
            quote_start=template.quote_start,
            quote_end=template.quote_end,
            asserted_on=template.asserted_on,
            topic=template.topic,
        )
        for number in range(ROWS - 1)
    )


def test_export_arrives_chunked_and_whole(live_server, many_claims):
    with urllib.request.urlopen(f"{live_server.url}/claims/?format=csv&sort=oldest", timeout=30) as response:
        assert response.headers["Transfer-Encoding"] == "chunked" or response.headers["Content-Length"] is None
        text = response.read().decode()

    statements = [row["statement"] for row in csv.DictReader(io.StringIO(text))]
    assert len(statements) == ROWS
    assert statements[0] == "The first claim"
    assert statements[1].startswith("Claim number 0000")
    assert statements[-1].startswith(f"Claim number {ROWS - 2:04d}")


def test_a_client_that_stops_reading_leaves_the_server_answering(live_server, many_claims):
    address = urlsplit(live_server.url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    connection.request("GET", "/claims/?format=jsonl")
    response = connection.getresponse()
    response.read(1000)
    connection.close()

    with urllib.request.urlopen(f"{live_server.url}/claims/?format=csv&q=%22Claim+number+0042%22", timeout=30) as response:
        rows = list(csv.DictReader(io.StringIO(response.read().decode())))
    assert [row["statement"][:17] for row in rows] == ["Claim number 0042"]


def test_bad_filter_over_http_is_a_400_in_text(live_server):
    try:
        urllib.request.urlopen(f"{live_server.url}/claims/?format=csv&region=atlantis", timeout=30)
    except urllib.error.HTTPError as error:
        assert error.code == 400
        assert error.headers["Content-Type"] == "text/plain; charset=utf-8"
        assert "No region is called" in error.read().decode()
    else:
        pytest.fail("expected a 400")


def test_geojson_arrives_chunked_and_whole_as_one_valid_collection(live_server, many_claims):
    with urllib.request.urlopen(f"{live_server.url}/claims/?format=geojson&sort=oldest", timeout=30) as response:
        assert response.headers["Content-Type"] == "application/geo+json; charset=utf-8"
        assert response.headers["Transfer-Encoding"] == "chunked" or response.headers["Content-Length"] is None
        collection = json.loads(response.read().decode())

    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert len(features) == ROWS  # these claims name no place: one feature each
    assert all(feature["type"] == "Feature" and feature["geometry"] is None for feature in features)
    assert features[0]["properties"]["statement"] == "The first claim"
    assert features[-1]["properties"]["statement"].startswith(f"Claim number {ROWS - 2:04d}")
