"""Every count a list shows is exact, whatever the filters, and stays exact through every kind of write.

Random filter combinations run over HTTP against a generated archive. Each number the page shows (the
total, each facet value, each timeline bar and the undated rest, each place of the map) must equal
`SELECT count(*)` of the rows it describes, counted here straight from the listing's matching rows. Some
of these are read from the count tables the triggers keep and some counted over the matching rows: both
must agree with count(*), including right after an ORM save, a bulk import, a deletion and region moves.
"""

import datetime
import html
import re
import urllib.parse
import urllib.request
from collections import Counter

import pytest
from django.db import connection
from django.db.models import Count, F
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reports.importers.formats import ArticleRecord
from reports.listings import ARTICLES, CLAIMS, evaluate
from reports.listings.facets import region_candidates
from reports.listings.results import facets_of
from reports.listings.timeline import timeline_query
from reports.models import Article, Claim, Region, Source
from reports.services import import_runs, importing
from reports.services.gazetteer import gazetteer_load
from reports.services.sources import sources_load
from reports.synthetic import archive_generate
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db(transaction=True)

REGIONS = ["UA-14", "donetsk-oblast", "UA-09", "lyman", "bakhmut", "kharkiv-oblast", "ukraine"]
TOPICS = [value for value, _label in Claim.Topic.choices]
# Whole months and years (which the count tables hold) and odd days (which they do not).
RANGES = [
    ("2023-01-01", "2023-12-31"),
    ("2024-03-01", "2024-05-31"),
    ("2022-02-01", ""),
    ("", "2024-06-30"),
    ("2024-03-05", "2024-07-20"),
]
# A claim matches an occurred range when its period overlaps it. Whole months (either bound or both) are read
# from the occurred count tables; days inside months from the period tables (total, places, timeline) and
# the matching rows (the rest).
OCCURRED = [
    ("2024-01-01", "2024-12-31"),
    ("2023-06-01", "2023-08-31"),
    ("2024-03-01", ""),
    ("", "2023-05-31"),
    ("2024-03-05", "2024-07-20"),
    ("2023-11-15", ""),
    ("", "2024-02-10"),
]
LISTS = {"claims": CLAIMS, "articles": ARTICLES}
DATE_COLUMN = {"claims": "asserted_on", "articles": "published_on"}
SOURCE_PARAMETER = {"claims": ("claimant", "claimant__slug"), "articles": ("publisher", "publisher__slug")}


@pytest.fixture
def archive(live_server):
    gazetteer_load()
    archive_generate(articles=120, seed=20261203)
    # Half the archive becomes real reporting, so that the synthetic choice has something to tell apart.
    Article.objects.alias(odd=F("id") % 2).filter(odd=0).update(is_synthetic=False)
    sources = list(Source.objects.filter(claims__is_public=True).values_list("slug", flat=True).distinct()[:8])
    return live_server.url, sources


def get(url):
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read().decode()


def shown(base, plural, pairs):
    """What the page shows: (total, {facet: {value: count}}, [(bar link, count)], undated, [(place link, count)])."""
    page = get(f"{base}/{plural}/?{urllib.parse.urlencode(pairs)}")
    total = re.search(r'data-total="(\d+)"', page)
    facets = {
        name: {value: int(count) for value, count in re.findall(r'data-value="([^"]+)" data-count="(\d+)"', body)}
        for name, body in re.findall(r'data-facet="(\w+)">(.*?)</section>', page, flags=re.S)
    }
    table = re.search(r'<details class="timeline-table">(.*?)</details>', page, flags=re.S)
    row = r'<a href="([^"]+)">[^<]*</a></td><td>([\d,]+)</td>'
    bars = (
        [(html.unescape(link), int(count.replace(",", ""))) for link, count in re.findall(row, table.group(1))] if table else []
    )
    undated = re.search(r"([\d,]+) more gives? no date", page)
    maps = re.search(r'<div class="map-tables">(.*?)</div>', page, flags=re.S)
    places = (
        [(html.unescape(link), int(count.replace(",", ""))) for link, count in re.findall(row, maps.group(1))] if maps else []
    )
    return (
        int(total.group(1)) if total else None,
        facets,
        bars,
        int(undated.group(1).replace(",", "")) if undated else 0,
        places,
    )


def matching(plural, pairs):
    query = QueryDict(mutable=True)
    for name, value in pairs:
        query.appendlist(name, value)
    return evaluate(LISTS[plural], query, strict=False)


def without(pairs, parameter):
    return [(name, value) for name, value in pairs if name != parameter]


def expected_facet(plural, pairs, name, listing_query):
    """{value: count(*)} of one facet, over the rows it counts (all filters, or all but its own)."""
    parameter = LISTS[plural].facet_parameters.get(name)
    rows = matching(plural, without(pairs, parameter)).queryset if parameter in dict(pairs) else listing_query.queryset
    rows = rows.order_by()
    if name == "source":
        column = SOURCE_PARAMETER[plural][1]
        return dict(rows.values_list(column).annotate(count=Count("id")))
    if name in ("year", "month"):
        column = DATE_COLUMN[plural]
        counts = Counter(str(day)[: 4 if name == "year" else 7] for day in rows.values_list(column, flat=True))
        return dict(counts)
    if name == "region":
        regions = region_candidates(listing_query.selected.get("region", []))
        counts = {region.slug: rows.filter(region_ids__contains=[region.pk]).count() for region in regions}
        return {slug: count for slug, count in counts.items() if count}
    return dict(rows.values_list(name).annotate(count=Count("id")))


def check(base, plural, pairs):
    total, facets, bars, undated, places = shown(base, plural, pairs)
    listing_query = matching(plural, pairs)
    rows = listing_query.queryset.order_by()
    assert total == rows.count(), (plural, pairs, "total")
    for name, counts in facets.items():
        expected = expected_facet(plural, pairs, name, listing_query)
        # A page names twelve values a facet at most, each exactly counted: the most frequent places and
        # sources (none left out counts more than one shown), the latest years and months, every other value.
        assert all(expected.get(value) == count for value, count in counts.items()), (plural, pairs, name, counts, expected)
        assert len(counts) == min(12, len(expected)), (plural, pairs, name, counts, expected)
        if name in ("source", "region"):
            left_out = [count for value, count in expected.items() if value not in counts]
            assert max(left_out, default=0) <= min(counts.values(), default=0), (plural, pairs, name)
        elif name in ("year", "month"):
            assert sorted(counts, reverse=True) == sorted(expected, reverse=True)[:12], (plural, pairs, name)
    for link, count in bars:
        bar_pairs = urllib.parse.parse_qsl(urllib.parse.urlsplit(link).query)
        assert count == matching(plural, bar_pairs).queryset.count(), (plural, pairs, link)
    if plural == "claims" and bars:
        assert undated == rows.filter(occurred_start__isnull=True).count(), (pairs, "undated")
    for link, count in places:
        slug = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(link).query))["region"]
        region = Region.objects.get(slug=slug)
        assert count == rows.filter(region_ids__contains=[region.pk]).count(), (plural, pairs, slug)
    return "rows" if total else "empty"


def filters(sources, *, always=()):
    """Random filter combinations of up to four filters of claims or articles; `always`: these claims' filters in each."""
    some = lambda values: st.lists(st.sampled_from(values), min_size=1, max_size=2, unique=True)  # noqa: E731
    one = lambda values: st.sampled_from(values).map(lambda value: [value])  # noqa: E731
    claims = {
        "region": st.one_of(one(REGIONS), some(REGIONS)),
        "claimant": some(sources),
        "publisher": some(sources),
        "source": one(sources),
        "topic": some(TOPICS),
        "status": some(["unverified", "corroborated", "disputed", "refuted"]),
        "language": some(["en", "uk", "ru"]),
        "q": one(["Lyman", "forces", "drones OR missiles"]),
        "asserted": st.sampled_from(RANGES),
        "occurred": st.sampled_from(OCCURRED),
        "synthetic": one(["include", "only", "exclude"]),
        "view": one(["map", "list"]),
    }
    articles = {name: claims[name] for name in ("region", "publisher", "source", "language", "q", "synthetic")}
    articles["published"] = st.sampled_from(RANGES)

    def pairs(chosen):
        result = []
        for name, values in chosen.items():
            if name in ("asserted", "occurred", "published"):
                result += [(f"{name}_from", values[0]), (f"{name}_to", values[1])]
            else:
                result += [(name, value) for value in values]
        return [(name, value) for name, value in result if value]

    def of(plural, choices):
        others = sorted(set(choices) - set(always))
        names = st.lists(st.sampled_from(others), max_size=4 - len(always), unique=True).map(lambda picked: [*always, *picked])
        chosen = names.flatmap(lambda picked: st.fixed_dictionaries({name: choices[name] for name in picked}))
        return st.tuples(st.just(plural), chosen.map(pairs))

    if always:
        return of("claims", claims)
    return st.one_of(of("claims", claims), of("articles", articles))


def test_every_shown_count_equals_count_star_for_random_filters(archive):
    base, sources = archive
    outcomes = Counter()

    @settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(filters(sources))
    def counts_are_exact(case):
        plural, pairs = case
        outcomes[check(base, plural, pairs)] += 1

    counts_are_exact()
    assert outcomes["rows"] >= 30 and outcomes["empty"] >= 1, outcomes


def test_every_shown_count_equals_count_star_for_random_filters_with_an_occurred_range(archive):
    base, sources = archive
    outcomes = Counter()

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(filters(sources, always=("occurred",)))
    def counts_are_exact(case):
        plural, pairs = case
        outcomes[check(base, plural, pairs)] += 1

    counts_are_exact()
    assert outcomes["rows"] >= 20, outcomes


def counting_statement(pairs):
    """The SQL of the one statement that counts a claims list's total, facets and timeline."""
    query = QueryDict(urllib.parse.urlencode(pairs))
    listing_query = evaluate(CLAIMS, query, strict=False)
    with CaptureQueriesContext(connection) as captured:
        facets_of(listing_query, query, timeline=timeline_query(listing_query))
    (statement,) = [query["sql"] for query in captured.captured_queries if "'timeline_span'" in query["sql"]]
    return statement


def tables_read(statement):
    return set(re.findall(r"reports_claimcount_\w+", statement)) | ({"claims"} if '"reports_claim"' in statement else set())


OCCURRED_TABLES = {"reports_claimcount_occurred_kind", "reports_claimcount_occurred_claimant"}


@pytest.mark.parametrize(
    ("pairs", "read"),
    [
        (
            [("occurred_from", "2024-01-01"), ("occurred_to", "2024-12-31"), ("synthetic", "include")],
            {*OCCURRED_TABLES, "reports_claimcount_period"},
        ),
        ([("occurred_from", "2024-03-01"), ("synthetic", "only")], {*OCCURRED_TABLES, "reports_claimcount_period"}),
        # No table counts by claimant and topic together, nor the period with topics: those two over the rows.
        (
            [("occurred_to", "2023-05-31"), ("topic", "strikes"), ("status", "unverified")],
            {"reports_claimcount_occurred_kind", "claims"},
        ),
    ],
)
def test_an_occurred_range_on_whole_months_is_read_from_the_count_tables(archive, pairs, read):
    base, _sources = archive
    assert tables_read(counting_statement(pairs)) == read
    check(base, "claims", pairs)


def test_an_occurred_range_inside_months_reads_only_the_period_table_and_the_matching_rows(archive):
    base, _sources = archive
    pairs = [("occurred_from", "2024-03-05"), ("occurred_to", "2024-07-20"), ("synthetic", "include")]
    assert tables_read(counting_statement(pairs)) == {"reports_claimcount_period", "claims"}
    check(base, "claims", pairs)


FIXED = [
    [],
    [("synthetic", "include")],
    [("synthetic", "include"), ("view", "map")],
    [("region", "UA-14"), ("synthetic", "include")],
    [("region", "UA-09"), ("synthetic", "include")],
    [("region", "UA-63"), ("synthetic", "include")],
    [("region", "lyman"), ("synthetic", "include")],
    [("region", "donetsk-oblast"), ("topic", "territorial_control")],
    [("asserted_from", "2025-04-01"), ("asserted_to", "2025-04-30"), ("synthetic", "include")],
    [("occurred_from", "2024-01-01"), ("occurred_to", "2024-12-31"), ("synthetic", "include")],
    [("occurred_from", "2024-03-01"), ("region", "UA-14"), ("synthetic", "include")],
    [("occurred_to", "2024-06-30"), ("region", "UA-09"), ("topic", "territorial_control")],
    [("occurred_from", "2024-03-05"), ("occurred_to", "2024-07-20"), ("region", "UA-14")],
    [("occurred_from", "2023-01-01"), ("asserted_from", "2024-01-01"), ("asserted_to", "2024-12-31")],
]


def check_all(base):
    for pairs in FIXED:
        check(base, "claims", pairs)
        check(base, "articles", [pair for pair in pairs if pair[0] in ("region", "synthetic", "view")])


def test_counts_stay_exact_after_saves_imports_deletions_and_region_moves(archive):
    base, _sources = archive
    places = {region.slug: region for region in Region.objects.filter(slug__in=["lyman", "bakhmut", "ukraine"])}
    places |= {region.code: region for region in Region.objects.filter(code__in=["UA-09", "UA-14", "UA-63"])}
    check_all(base)

    # An ORM save: a new claim about Lyman, then an existing one changed.
    created = ClaimFactory(topic=Claim.Topic.STRIKES, status=Claim.Status.UNVERIFIED, asserted_on=datetime.date(2025, 4, 2))
    created.regions.set([places["lyman"]])
    changed = Claim.objects.public().filter(is_synthetic=False).order_by("id").first()
    changed.topic, changed.status = Claim.Topic.DIPLOMACY, Claim.Status.DISPUTED
    changed.save()
    check_all(base)

    # Occurred dates changed: one claim moved into 2024, one made undated, then every 2023 period moved on.
    dated = Claim.objects.public().filter(occurred_start__isnull=False).order_by("id")
    moved, undated = dated[0], dated[1]
    moved.occurred_start, moved.occurred_end = datetime.date(2024, 6, 10), datetime.date(2024, 7, 2)
    moved.save()
    undated.occurred_start = undated.occurred_end = None
    undated.occurred_precision = ""
    undated.save()
    later = datetime.timedelta(days=300)
    in_2023 = Claim.objects.public().filter(occurred_start__year=2023)
    assert in_2023.update(occurred_start=F("occurred_start") + later, occurred_end=F("occurred_end") + later)
    check_all(base)

    # A bulk import, its suggested claims then confirmed in one statement.
    body = (
        "Analysts point out that Russian forces advanced northeast of Lyman on March 30.\n"
        "The General Staff reported that the enemy attacked 17 times near Pokrovsk in Donetsk oblast yesterday.\n"
    )
    records = [
        ArticleRecord(
            title=f"Fighting near Lyman {number}",
            published_on=datetime.date(2025, 4, 2),
            publisher="UNN",
            cited=("ISW",),
            dateline="Kyiv",
            lead="An advance.",
            body=body,
            url=f"https://unn.example/{number}",
            origin=f"feed:{number}",
        )
        for number in range(5)
    ]
    sources_load()
    summary = import_runs.articles_import(records=records, context=importing.import_context_build(), batch_size=2)
    assert summary.created == 5, summary.failures
    imported = Claim.objects.filter(article__url__startswith="https://unn.example/")
    assert imported.count() >= 5
    check_all(base)  # published articles, their claims still suggestions
    imported.update(status=Claim.Status.UNVERIFIED)
    check_all(base)

    # Deletions: one claim, then a whole article with its claims.
    Claim.objects.filter(pk=created.pk).delete()
    Article.objects.filter(pk=imported.first().article_id).delete()
    check_all(base)

    # Region moves: a town to another oblast, then to the first level; an oblast under another (no longer
    # first-level), then back.
    lyman, luhansk = places["lyman"], places["UA-09"]
    lyman.parent = places["UA-63"]
    lyman.save()
    check_all(base)
    lyman.parent = places["ukraine"]  # a place of its own at the first level, as a named area can be
    lyman.save()
    check_all(base)
    luhansk.parent = places["UA-14"]
    luhansk.save()
    check_all(base)
    luhansk.parent = places["ukraine"]
    luhansk.save()
    check_all(base)
