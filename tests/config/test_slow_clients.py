"""Slow readers cannot starve the site: a real gunicorn with the committed config (config/gunicorn.py),
ten clients that ask for a large export and never read it, and /healthz and the pages still answer."""

import socket
import time
import urllib.request

import pytest

from reports.models import Claim
from tests.factories import ClaimFactory
from tests.support import collect_static, production_env, running_server

pytestmark = pytest.mark.django_db(transaction=True)

ROWS = 5_000  # of about 3.6 kB each, 18 MB of CSV: far more than the loopback's socket buffers hold
STALLED_CLIENTS = 10


@pytest.fixture
def large_archive():
    template = ClaimFactory(statement="The first claim")
    Claim.objects.bulk_create(
        (
            Claim(
                article=template.article,
                claimant=template.claimant,
                statement=f"Claim number {number:05d} " + "padding " * 450,
                quote=template.quote,
                quote_start=template.quote_start,
                quote_end=template.quote_end,
                asserted_on=template.asserted_on,
                topic=template.topic,
            )
            for number in range(ROWS)
        ),
        batch_size=5000,
    )


def stall_on_export(base_url, number):
    """Ask for the whole CSV and read nothing, with a small receive buffer so that the server fills it fast."""
    host, port = base_url.removeprefix("http://").split(":")
    client = socket.socket()
    client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    client.connect((host, int(port)))
    client.sendall(f"GET /claims/?format=csv&sort=oldest HTTP/1.1\r\nHost: {host}\r\nX-Stalled: {number}\r\n\r\n".encode())
    return client


def timed_get(url):
    started = time.monotonic()
    with urllib.request.urlopen(url, timeout=10) as response:
        response.read()
        return response.status, time.monotonic() - started


def test_ten_stalled_export_readers_leave_healthz_and_the_pages_answering(large_archive):
    collect_static()
    env = production_env(EXPORT_RATE_LIMIT="1000/minute", API_RATE_LIMIT="100000/minute")
    with running_server(args=("--config", "config/gunicorn.py"), **env) as url:
        stalled = [stall_on_export(url, number) for number in range(STALLED_CLIENTS)]
        try:
            time.sleep(3)  # every export has started and filled its client's buffers
            answers = [timed_get(f"{url}{path}") for _ in range(3) for path in ("/healthz", "/claims/", "/", "/api/claims/")]
        finally:
            for client in stalled:
                client.close()

    print(f"with {STALLED_CLIENTS} stalled readers: slowest answer {max(seconds for _, seconds in answers):.3f} s")
    assert [status for status, _ in answers] == [200] * 12
    assert max(seconds for _, seconds in answers) < 5, answers


def test_a_reader_that_stops_reading_is_dropped_after_the_send_timeout(large_archive):
    env = production_env(EXPORT_RATE_LIMIT="1000/minute", API_RATE_LIMIT="100000/minute", SEND_TIMEOUT="2")
    with running_server(args=("--config", "config/gunicorn.py"), **env) as url:
        client = stall_on_export(url, 0)
        try:
            time.sleep(15)  # the export has started, filled the buffers, and made no progress for over 2 s
            client.settimeout(10)
            received = 0
            while chunk := client.recv(1 << 16):  # what was buffered, then the end: the server closed it
                received += len(chunk)
        finally:
            client.close()

    assert 0 < received < 10_000_000
