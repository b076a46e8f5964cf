"""Small promises of the API, over HTTP: what the schema says about times, and empty parameters refused."""

import datetime
import json
import re

import pytest

from tests.factories import ArticleFactory, ClaimFactory
from tests.support import http_get

pytestmark = pytest.mark.django_db(transaction=True)


def test_published_time_is_described_as_what_it_is_sent_as(live_server):
    ArticleFactory(slug="timed", published_time=datetime.time(18, 22))

    _, body = http_get(f"{live_server.url}/api/articles/timed/")
    _, schema_text = http_get(f"{live_server.url}/api/schema/")
    described = json.loads(schema_text)["components"]["schemas"]["Article"]["properties"]["published_time"]

    assert json.loads(body)["published_time"] == "18:22:00"
    assert described.get("format") != "time"  # RFC 3339's full-time needs an offset, which the archive never has
    assert re.fullmatch(described["pattern"], "18:22:00")


@pytest.mark.parametrize("query", ["published_from=", "region=", "q=", "region=UA-09&region=", "topic=", "limit="])
@pytest.mark.parametrize("name", ["claims", "articles"])
def test_an_empty_parameter_is_refused_with_a_reason(live_server, name, query):
    ClaimFactory()

    status, body = http_get(f"{live_server.url}/api/{name}/?{query}")

    assert status == 400
    errors = json.loads(body)["errors"]
    parameter = query.split("&")[-1].rstrip("=")
    assert any(error.startswith(f"{parameter}:") for error in errors), errors


def test_the_pages_still_take_the_empty_fields_their_forms_send(live_server):
    ClaimFactory()

    status, _ = http_get(f"{live_server.url}/claims/?published_from=&region=&q=")

    assert status == 200
