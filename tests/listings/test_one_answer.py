"""One question, one answer: for any query string, the page, its downloads, the API and the feed hold the same rows.

Random combinations of every filter run over HTTP against a generated archive (half of it marked real,
half synthetic) on real PostgreSQL. For each, the page's exact total, the CSV, JSON and JSON Lines row
counts and orders, the API's count and first page, the feed's entries and each facet's counts must
describe the same rows; a query the downloads refuse must be one the page names in a notice.
"""

import csv
import datetime
import io
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from xml.etree import ElementTree

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reports.models import Claim, Source
from reports.services.gazetteer import gazetteer_load
from reports.synthetic import archive_generate

pytestmark = pytest.mark.django_db(transaction=True)

ATOM = "{http://www.w3.org/2005/Atom}"
REGIONS = ["UA-14", "donetsk-oblast", "UA-09", "Луганщина", "lyman", "kharkiv-oblast", "UA-63", "ukraine", "atlantis"]
TOPICS = [value for value, _label in Claim.Topic.choices]
STATUSES = ["unverified", "corroborated", "disputed", "refuted"]
WORDS = ["Lyman", "Bakhmut", "forces", "shelling", "Покровськ", "advanced", '"Russian forces"', "drones OR missiles"]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture
def archive(live_server, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "1000000/minute"}}
    gazetteer_load()
    archive_generate(articles=160, seed=20261202)
    with connection.cursor() as cursor:
        # Half the archive becomes real reporting, so that the synthetic policy has something to leave out.
        cursor.execute("UPDATE reports_article SET is_synthetic = false WHERE id % 2 = 0")
    claimants = list(Source.objects.filter(claims__is_public=True).values_list("slug", flat=True).distinct()[:12])
    publishers = list(Source.objects.filter(published_articles__isnull=False).values_list("slug", flat=True).distinct()[:6])
    return live_server.url, claimants, publishers


def days():
    return st.dates(min_value=datetime.date(2022, 1, 1), max_value=datetime.date(2026, 12, 31)).map(datetime.date.isoformat)


def queries(claimants, publishers):
    """A list of (parameter, value) pairs: up to five filters, some values repeated, some not understood."""
    sources = claimants + publishers + ["nobody-at-all"]
    one = lambda strategy: strategy.map(lambda value: [value])  # noqa: E731
    some = lambda values: st.lists(st.sampled_from(values), min_size=1, max_size=2)  # noqa: E731
    choices = {
        "region": some(REGIONS),
        "source": some(sources),
        "claimant": some(claimants),
        "publisher": some(publishers),
        "topic": some(TOPICS),
        "status": some(STATUSES),
        "language": some(["en", "uk", "ru"]),
        "q": one(st.sampled_from(WORDS)),
        "published_from": one(days()),
        "published_to": one(days()),
        "asserted_from": one(days()),
        "asserted_to": one(days()),
        "occurred_from": one(days()),
        "occurred_to": one(days()),
        "sort": one(st.sampled_from(["newest", "oldest", "occurred", "relevance"])),
        "synthetic": one(st.sampled_from(["exclude", "include", "only"])),
    }
    names = st.lists(st.sampled_from(sorted(choices)), max_size=5, unique=True)
    chosen = names.flatmap(lambda picked: st.fixed_dictionaries({name: choices[name] for name in picked}))
    return chosen.map(lambda values: [(name, value) for name, items in values.items() for value in items])


def encoded(pairs, **extra):
    return urllib.parse.urlencode([*pairs, *extra.items()])


def csv_rows(base, pairs):
    status, text = get(f"{base}/claims/?{encoded(pairs, format='csv')}")
    return status, list(csv.DictReader(io.StringIO(text))) if status == 200 else text


def page_of(base, pairs):
    status, html = get(f"{base}/claims/?{encoded(pairs)}")
    assert status == 200, html[:500]
    total = re.search(r'data-total="(\d+)"', html)
    ids = [int(found) for found in re.findall(r'<li class="claim">\s*<a href="/claims/(\d+)/"', html)]
    facets = {}
    for name, body in re.findall(r'data-facet="(\w+)">(.*?)</section>', html, flags=re.S):
        facets[name] = {value: int(count) for value, count in re.findall(r'data-value="([^"]+)" data-count="(\d+)"', body)}
    notices = re.findall(r'<div class="notices".*?</div>', html, flags=re.S)
    return (int(total.group(1)) if total else None), ids, facets, notices


def check(base, pairs):
    status, rows = csv_rows(base, pairs)
    total, page_ids, facets, notices = page_of(base, pairs)
    if status == 400:
        # Refused for machines: the page must have said what it did not understand.
        assert notices, f"the download refused {pairs} but the page gave no notice"
        return "refused"
    assert status == 200, rows
    ids = [int(row["claim_id"]) for row in rows]

    assert total == len(ids), (pairs, total, len(ids))
    assert page_ids == ids[:50], pairs

    status, text = get(f"{base}/claims/?{encoded(pairs, format='json')}")
    assert status == 200 and [row["claim_id"] for row in json.loads(text)] == ids
    status, text = get(f"{base}/claims/?{encoded(pairs, format='jsonl')}")
    assert status == 200 and [json.loads(line)["claim_id"] for line in text.splitlines()] == ids

    status, text = get(f"{base}/api/claims/?{encoded(pairs, limit='200')}")
    assert status == 200, text
    answer = json.loads(text)
    assert (answer["count"], answer["count_estimated"]) == (len(ids), False)
    assert [record["id"] for record in answer["results"]] == ids[:200]

    feed_pairs = [(name, value) for name, value in pairs if name != "sort"]
    status, text = get(f"{base}/feeds/claims/?{encoded(feed_pairs)}")
    assert status == 200, text
    entries = ElementTree.fromstring(text).findall(f"{ATOM}entry")
    newest = [
        int(row["claim_id"]) for row in sorted(rows, key=lambda row: (row["asserted_on"], int(row["claim_id"])), reverse=True)
    ]
    assert [int(entry.find(f"{ATOM}id").text.rstrip("/").rsplit("/", 1)[1]) for entry in entries] == newest[:50]

    in_use = {name for name, _value in pairs}
    expected = {
        "topic": Counter(row["topic"] for row in rows),
        "status": Counter(row["status"] for row in rows),
        "language": Counter(row["language"] for row in rows),
        "source": Counter(row["claimant_slug"] for row in rows),
        "year": Counter(row["asserted_on"][:4] for row in rows),
    }
    parameters = {"topic": "topic", "status": "status", "language": "language", "source": "claimant"}
    for name, counts in expected.items():
        if name == "year" and "month" in facets:
            continue
        shown = facets.get(name, {})
        if parameters.get(name) in in_use:
            # A facet whose own filter is in use counts what each of its values would give on its own.
            for value, count in list(shown.items())[:2]:
                alone = [pair for pair in pairs if pair[0] != parameters[name]] + [(parameters[name], value)]
                assert count == len(csv_rows(base, alone)[1]), (pairs, name, value)
            continue
        top = dict(counts.most_common(12)) if name == "source" else dict(counts)
        assert shown == top or (name == "source" and set(shown.values()) == set(top.values())), (pairs, name, shown, top)
    return "rows" if ids else "empty"


def test_every_surface_gives_the_same_rows_for_random_filters(archive):
    base, claimants, publishers = archive

    outcomes = Counter()

    @settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(queries(claimants, publishers))
    def every_surface_agrees(pairs):
        outcomes[check(base, pairs)] += 1

    every_surface_agrees()
    print("outcomes of the random queries:", dict(outcomes))
    # The examples reached every kind of answer: rows, nothing, and a refusal.
    assert outcomes["rows"] >= 30 and outcomes["empty"] >= 1 and outcomes["refused"] >= 1, outcomes


def test_the_unfiltered_view_agrees_too(archive):
    base, _claimants, _publishers = archive

    assert check(base, []) == "rows"
    assert check(base, [("synthetic", "include")]) == "rows"
