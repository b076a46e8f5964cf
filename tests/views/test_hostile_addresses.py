"""Plain addresses that once answered 500, asked over HTTP: each now gets a 4xx (or a page with a notice)."""

import json
import urllib.request

import pytest

from tests.factories import ClaimFactory
from tests.support import http_get

pytestmark = pytest.mark.django_db(transaction=True)

UNICODE_DIGITS = ["%C2%B2", "%C2%B9%C2%B2", "%E2%91%A0", "%D9%A3", "%EF%BC%95"]  # ², ¹², ①, Arabic-Indic 3, fullwidth 5
LISTS = ["/claims/", "/articles/", "/uk/claims/", "/uk/articles/"]


@pytest.fixture
def claim():
    return ClaimFactory()


def response_of(url, method="GET"):
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.mark.parametrize("digits", UNICODE_DIGITS)
@pytest.mark.parametrize("path", LISTS)
def test_a_page_number_in_unicode_digits_shows_the_first_page_with_a_notice(live_server, claim, path, digits):
    status, body = http_get(f"{live_server.url}{path}?page={digits}")

    assert status == 200
    assert "page number" in body or "номер сторінки" in body


@pytest.mark.parametrize("digits", UNICODE_DIGITS)
@pytest.mark.parametrize("name", ["claims", "articles", "regions", "sources"])
def test_an_api_limit_in_unicode_digits_is_refused_in_json(live_server, claim, name, digits):
    status, headers, body = response_of(f"{live_server.url}/api/{name}/?limit={digits}")

    assert status == 400
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body)["errors"] == ["limit: a whole number from 1 to 200."]


@pytest.mark.parametrize(
    "path",
    [
        "/regions/%00/",
        "/uk/regions/%00/",
        "/sources/%00/",
        "/articles/%00/",
        "/claims/%00/",
        "/regions/a%00b/",
        "/regions/%01/",
    ],
)
def test_a_control_character_in_a_page_address_is_not_found(live_server, claim, path):
    status, headers, body = response_of(live_server.url + path)

    assert status == 404
    assert "Nothing here" in body or "Тут нічого немає" in body  # the site's own page, in its language


@pytest.mark.parametrize(
    "path", ["/api/regions/%00/", "/api/articles/%00/", "/api/sources/%00/", "/api/claims/%00/", "/api/regions/x%00y/"]
)
def test_a_control_character_in_an_api_address_is_not_found_in_json(live_server, claim, path):
    status, headers, body = response_of(live_server.url + path)

    assert status == 404
    assert headers["Content-Type"] == "application/json"


@pytest.mark.parametrize("feed", ["/feeds/claims/", "/feeds/articles/", "/uk/feeds/claims/"])
@pytest.mark.parametrize("query", ["q=%08", "q=Lyman%01", "region=%1F", "topic=%00", "%0B=1", "published_from=%0C"])
def test_a_control_character_in_a_feed_parameter_is_refused_with_the_reason(live_server, claim, feed, query):
    status, body = http_get(f"{live_server.url}{feed}?{query}")

    assert status == 400
    assert "control character" in body or "керівний символ" in body  # /uk/ says it in Ukrainian


@pytest.mark.parametrize("method", ["TRACE", "CONNECT", "PROPFIND", "FOO"])
@pytest.mark.parametrize("path", ["/", "/claims/", "/api/claims/", "/healthz", "/feeds/claims/"])
def test_a_method_no_address_answers_gets_405(live_server, method, path):
    status, headers, _ = response_of(live_server.url + path, method=method)

    assert status == 405
    assert "GET" in headers["Allow"]


@pytest.mark.parametrize("method", ["OPTIONS", "POST", "DELETE"])
def test_the_api_docs_answer_other_methods_with_405(live_server, method):
    status, headers, _ = response_of(f"{live_server.url}/api/docs/", method=method)

    assert status == 405
