"""How the API behaves as HTTP: unknown parameters, methods, CORS, rate limits, schema and docs."""

import json

import pytest
from django.contrib.staticfiles import finders
from drf_spectacular.validation import validate_schema

from reports.filters import ClaimFilterSet
from tests.api.test_fuzzing import served_schema
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def test_an_unknown_parameter_gives_400_naming_it_and_the_known_ones(client):
    response = client.get("/api/claims/?regoin=UA-09")

    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert error.startswith("Unknown parameter: regoin. Known parameters: asserted_from, asserted_to, claimant, cursor,")


def test_a_filter_that_is_not_understood_gives_400_with_every_reason(client):
    response = client.get("/api/claims/?region=atlantis&published_from=yesterday")

    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == "The query was not understood."
    assert "No region is called “atlantis”." in body["errors"]
    assert any(error.startswith("Published from:") for error in body["errors"])


def test_a_record_takes_no_list_filters(client):
    claim = ClaimFactory()

    response = client.get(f"/api/claims/{claim.pk}/?region=UA-09")

    assert response.status_code == 400
    assert response.json()["errors"] == ["Unknown parameter: region. Known parameters: synthetic."]


def test_the_index_takes_no_parameters(client):
    assert client.get("/api/?x=1").status_code == 400


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client, method):
    claim = ClaimFactory()

    assert getattr(client, method)(f"/api/claims/{claim.pk}/").status_code == 405
    assert getattr(client, method)("/api/claims/").status_code == 405


def test_any_site_may_read_it(client):
    response = client.get("/api/claims/", headers={"Origin": "https://example.org"})

    assert response["Access-Control-Allow-Origin"] == "*"


def test_a_preflight_allows_reading_only(client):
    response = client.options("/api/claims/", headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"})

    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


def test_feeds_are_readable_from_other_sites_too(client):
    assert client.get("/feeds/claims/", headers={"Origin": "https://example.org"})["Access-Control-Allow-Origin"] == "*"


def test_the_schema_is_valid_openapi(client):
    response = client.get("/api/schema/")

    assert response.status_code == 200
    schema = json.loads(response.content)
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/",
        "/api/articles/",
        "/api/articles/{slug}/",
        "/api/claims/",
        "/api/claims/{id}/",
        "/api/regions/",
        "/api/regions/{slug}/",
        "/api/sources/",
        "/api/sources/{slug}/",
    }


def test_the_schema_documents_every_filter_of_the_claim_list(client):
    schema = json.loads(client.get("/api/schema/").content)

    documented = {parameter["name"] for parameter in schema["paths"]["/api/claims/"]["get"]["parameters"]}

    assert documented == {*ClaimFilterSet.base_filters, "cursor", "limit"}


def test_interactive_docs_use_only_local_files(client):
    page = client.get("/api/docs/").content.decode()

    assert "http://" not in page.replace("http://testserver", "")
    assert "https://" not in page
    for asset in (
        "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js",
        "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui.css",
    ):
        assert f"/static/{asset}" in page
        assert finders.find(asset)


def test_interactive_docs_start_from_a_script_file_not_an_inline_script(client):
    page = client.get("/api/docs/").content.decode()

    assert "<script>" not in page
    script = client.get("/api/docs/?script=")
    assert script["Content-Type"] == "application/javascript"
    assert "/api/schema/" in script.content.decode()


def test_an_unknown_address_under_api_is_answered_in_json(client):
    response = client.get("/api/claims/not-a-number/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_an_address_without_its_slash_is_redirected(client):
    assert client.get("/api/claims")["Location"] == "/api/claims/"


def test_an_unknown_address_with_a_newline_is_answered_in_json_too(client):
    response = client.get("/api/claims/z%0A/")

    assert (response.status_code, response["Content-Type"]) == (404, "application/json")


def test_the_fuzzing_uses_the_schema_the_api_serves(client):
    assert json.loads(client.get("/api/schema/").content) == served_schema()
