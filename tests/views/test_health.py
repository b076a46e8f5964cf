import pytest

from tests.support import http_get, running_server


@pytest.mark.django_db(transaction=True)
def test_healthz_answers_200_when_the_database_answers(live_server):
    status, body = http_get(f"{live_server.url}/healthz")

    assert status == 200
    assert '"database": "up"' in body


def test_healthz_answers_503_when_the_database_is_down():
    with running_server(DEBUG="1", DATABASE_URL="postgres://postgres@127.0.0.1:9/nowhere") as url:
        status, body = http_get(f"{url}/healthz")

    assert status == 503
    assert '"database": "down"' in body
