"""The roots are published over HTTP where anyone can keep copies: page, roots.txt, Atom feed, export header."""

import urllib.request

import feedparser
import pytest

from reports.services.integrity import archive_seal
from tests.factories import ClaimFactory
from tests.support import http_get

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_latest_root_is_on_the_page_in_roots_txt_in_the_feed_and_on_every_export(live_server):
    ClaimFactory(status="unverified")
    first = archive_seal()
    ClaimFactory()
    latest = archive_seal()

    page_status, page = http_get(f"{live_server.url}/integrity/")
    _, roots = http_get(f"{live_server.url}/integrity/roots.txt")
    _, feed_text = http_get(f"{live_server.url}/integrity/feed/")
    feed = feedparser.parse(feed_text)
    with urllib.request.urlopen(f"{live_server.url}/claims/?format=csv", timeout=30) as response:
        header = response.headers["X-Archive-Root"]

    assert page_status == 200 and latest.root in page
    assert [line.split()[1:] for line in roots.splitlines()] == [
        [str(first.last_seq), first.root],
        [str(latest.last_seq), latest.root],
    ]
    assert [entry.summary for entry in feed.entries][0].endswith(f"{latest.last_seq} {latest.root}")
    assert header == f"{latest.last_seq} {latest.root}"


def test_the_page_answers_before_anything_is_sealed(live_server):
    status, page = http_get(f"{live_server.url}/integrity/")

    assert status == 200 and "No root has been sealed yet." in page
