"""Cursor pagination: every record exactly once, forwards and back, in any order the lists offer."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory, ClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db


def walk(client, url, direction="next"):
    """Every page's ids, following the links from `url`."""
    pages = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        data = response.json()
        pages.append([record["id"] for record in data["results"]])
        url = data[direction]
    return pages


@pytest.fixture
def claims_over_three_days():
    """Seven claims, several on the same day, so that the order needs its second key."""
    article = ArticleFactory()
    made = []
    for day in (1, 1, 1, 2, 2, 3, 3):
        made.append(ClaimFactory(article=article, asserted_on=datetime.date(2025, 3, day)))
    return made


def test_pages_follow_the_order_and_hold_each_claim_once(client, claims_over_three_days):
    newest_first = [claim.pk for claim in sorted(claims_over_three_days, key=lambda c: (c.asserted_on, c.pk), reverse=True)]

    pages = walk(client, "/api/claims/?limit=3")

    assert [len(page) for page in pages] == [3, 3, 1]
    assert [pk for page in pages for pk in page] == newest_first


def test_previous_links_walk_back_through_the_same_pages(client, claims_over_three_days):
    forward = walk(client, "/api/claims/?limit=3&sort=oldest")
    last_page = client.get("/api/claims/?limit=3&sort=oldest").json()
    while last_page["next"]:
        last_page = client.get(last_page["next"]).json()

    backward = walk(client, last_page["previous"], direction="previous")

    assert backward == list(reversed(forward[:-1]))


def test_first_page_has_no_previous_and_last_page_no_next(client, claims_over_three_days):
    first = client.get("/api/claims/?limit=7").json()

    assert (first["previous"], first["next"]) == (None, None)


def test_claims_added_while_paging_do_not_shift_the_pages(client, claims_over_three_days):
    first = client.get("/api/claims/?limit=3").json()
    ClaimFactory(asserted_on=datetime.date(2025, 3, 4))

    second = client.get(first["next"]).json()

    expected = sorted(claims_over_three_days, key=lambda c: (c.asserted_on, c.pk), reverse=True)[3:6]
    assert [record["id"] for record in second["results"]] == [claim.pk for claim in expected]


def test_occurred_order_pages_through_undated_claims_last(client):
    article = ArticleFactory()
    dated = [
        ClaimFactory(
            article=article,
            occurred_start=datetime.date(2024, 1, day),
            occurred_end=datetime.date(2024, 1, day),
            occurred_precision="day",
        )
        for day in (5, 9)
    ]
    undated = [ClaimFactory(article=article) for _ in range(3)]

    pages = walk(client, "/api/claims/?sort=occurred&limit=2")

    assert [pk for page in pages for pk in page] == [dated[1].pk, dated[0].pk, *sorted((c.pk for c in undated), reverse=True)]


def test_relevance_order_pages_through_every_match(client):
    article = ArticleFactory(body="Shelling near Lyman. Fighting near Kupiansk.")
    one_place = ClaimFactory(article=article, statement="Shelled", quote="Shelling near Lyman.").pk
    both_places = ClaimFactory(article=article, statement="Lyman shelled", quote="Fighting near Kupiansk.").pk
    also_one_place = ClaimFactory(article=article, statement="Shelled", quote="Shelling near Lyman.").pk

    pages = walk(client, "/api/claims/?q=Lyman+OR+Kupiansk&limit=1")

    # The best match first; equal matches newest first, then by id.
    assert [pk for page in pages for pk in page] == [both_places, also_one_place, one_place]


def test_region_and_source_lists_page_by_name(client):
    for name in ("Charlie", "Alpha", "Bravo"):
        SourceFactory(name=name)

    pages = walk(client, "/api/sources/?limit=2")

    assert [len(page) for page in pages] == [2, 1]


@pytest.mark.parametrize(
    "cursor",
    [
        "not-a-cursor",
        "eyJrIjogWyJuYW1lIl0sICJ2IjogWzFdLCAiYiI6IGZhbHNlfQ",  # another list's keys
        "eyJrIjogWyJhc3NlcnRlZF9vbiIsICJpZCJdLCAidiI6IFsiMjAyNS0xMy00NSIsIDVdLCAiYiI6IGZhbHNlfQ",  # no such date
        "eyJrIjogWyJhc3NlcnRlZF9vbiIsICJpZCJdLCAidiI6IFsiXHUwMDAwIiwgNV0sICJiIjogZmFsc2V9",  # a NUL
        "x" * 2000,
    ],
)
def test_a_cursor_that_is_not_one_gives_400(client, cursor):
    response = client.get(f"/api/claims/?cursor={cursor}")

    assert response.status_code == 400
    assert "cursor" in response.json()["errors"][0]


@pytest.mark.parametrize("limit", ["0", "201", "ten", "-1"])
def test_a_limit_out_of_range_gives_400(client, limit):
    response = client.get(f"/api/claims/?limit={limit}")

    assert response.status_code == 400
    assert response.json()["errors"] == ["limit: a whole number from 1 to 200."]


def test_a_cursor_page_starts_from_an_indexable_range(client, claims_over_three_days):
    next_page = client.get("/api/claims/?limit=3").json()["next"]

    with CaptureQueriesContext(connection) as queries:
        client.get(next_page)

    (claims_query,) = [
        query["sql"]
        for query in queries.captured_queries
        if 'FROM "reports_claim"' in query["sql"] and "COUNT(*)" not in query["sql"]
    ][:1]
    # A plain bound on the order's first column lets the index scan begin at the cursor, whatever the page number.
    assert '"reports_claim"."asserted_on" <= ' in claims_query
    assert "IS NULL" not in claims_query
