"""One rate limit for the whole site, over HTTP: the API, feeds and exports are limited per address, the
pages are not, and every process serving the site counts together."""

import json
import shutil
import socket
import subprocess
import time
import urllib.request
import uuid

import pytest

from tests.factories import ClaimFactory
from tests.support import free_port, production_env, running_server

pytestmark = pytest.mark.django_db(transaction=True)


def a_new_address():
    """A client address no earlier run has counted (the counts outlive a test, as they outlive a request)."""
    number = uuid.uuid4().int
    return f"10.{number % 250}.{number // 250 % 250}.{number // 62500 % 250 + 1}"


def get(url, address):
    request = urllib.request.Request(url, headers={"X-Forwarded-For": address})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture
def limited(settings):
    settings.NUM_PROXIES = 1
    settings.RATE_LIMITS = {"api": "3/hour", "feeds": "2/hour", "exports": "2/hour"}  # no window ends mid-test
    ClaimFactory()


@pytest.mark.parametrize(
    "path, allowed", [("/api/claims/", 3), ("/feeds/claims/", 2), ("/uk/feeds/articles/", 2), ("/claims/?format=csv", 2)]
)
def test_each_kind_of_data_address_is_limited_per_address(live_server, limited, path, allowed):
    address = a_new_address()
    statuses = [get(live_server.url + path, address)[0] for _ in range(allowed + 1)]

    assert statuses == [200] * allowed + [429]
    status, headers, _ = get(live_server.url + path, address)
    assert status == 429 and 1 <= int(headers["Retry-After"]) <= 3601
    assert get(live_server.url + path, a_new_address())[0] == 200  # another address has its own count


def test_a_refused_api_request_is_answered_in_json(live_server, limited):
    address = a_new_address()
    for _ in range(3):
        get(f"{live_server.url}/api/sources/", address)

    status, headers, body = get(f"{live_server.url}/api/sources/", address)

    assert status == 429
    assert headers["Content-Type"] == "application/json"
    assert "throttled" in json.loads(body)["detail"]


def test_the_pages_are_not_limited(live_server, limited):
    address = a_new_address()

    assert {get(f"{live_server.url}/claims/", address)[0] for _ in range(6)} == {200}


@pytest.fixture
def redis_url(tmp_path):
    """A Redis server of the test's own, on a free port, keeping nothing on disk."""
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    port = free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.parametrize("counted_in", ["database", "redis"])
def test_two_server_processes_share_one_count(live_server, request, counted_in):
    """Two gunicorn servers on one database, each with its own worker: requests alternate between them,
    and the limit is reached after the total, not after each one's share."""
    ClaimFactory()
    cache = {"CACHE_URL": request.getfixturevalue("redis_url")} if counted_in == "redis" else {}
    env = production_env(API_RATE_LIMIT="4/hour", NUM_PROXIES="1", **cache)
    address = a_new_address()
    with running_server(**env) as first, running_server(**env) as second:
        statuses = [get(f"{server}/api/sources/", address)[0] for server in (first, second) * 3]

    assert statuses == [200, 200, 200, 200, 429, 429]
