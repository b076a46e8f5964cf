"""The timeline of a list: a granularity chosen by the span, bars counted as their links narrow the list."""

import datetime
import re

import pytest
from django.http import QueryDict

from reports.listings import ARTICLES, CLAIMS, evaluate
from reports.listings.timeline import timeline
from tests.factories import ArticleFactory, ClaimFactory

D = datetime.date


@pytest.mark.parametrize(
    "first, last, expected",
    [
        (D(2025, 3, 1), D(2025, 3, 31), "day"),
        (D(2025, 1, 1), D(2025, 12, 31), "week"),
        (D(2022, 2, 24), D(2025, 12, 31), "month"),
        (D(2014, 1, 1), D(2025, 12, 31), "year"),
    ],
)
@pytest.mark.django_db
def test_the_granularity_follows_the_span(first, last, expected):
    ArticleFactory(published_on=first)
    ArticleFactory(published_on=last)

    result = timeline(evaluate(ARTICLES, QueryDict(), strict=True))

    assert result.granularity == expected
    assert (result.bars[0].start, result.bars[-1].end) == (first, last)
    assert sum(bar.count for bar in result.bars) == 2


def claim(start, end, precision="day"):
    return ClaimFactory(occurred_start=start, occurred_end=end, occurred_precision=precision)


@pytest.mark.django_db
def test_a_claim_counts_in_every_bar_its_period_overlaps_and_undated_ones_apart():
    claim(D(2024, 1, 10), D(2024, 1, 10))
    claim(D(2024, 1, 20), D(2024, 3, 5), "approximate")
    claim(D(2024, 6, 1), D(2024, 6, 30), "month")
    ClaimFactory()  # no date

    result = timeline(evaluate(CLAIMS, QueryDict("occurred_from=2024-01-01&occurred_to=2024-12-31"), strict=True))

    assert result.granularity == "week"
    # Bars are weeks from Monday; the first starts where the claims do (within the asked range).
    weeks = {bar.start - datetime.timedelta(days=bar.start.weekday()): bar.count for bar in result.bars}
    assert weeks[D(2024, 1, 8)] == 1
    assert weeks[D(2024, 1, 15)] == 1  # the long period, from its first week
    assert weeks[D(2024, 3, 4)] == 1  # …to its last
    # One week for the day, eight for 20 January – 5 March, five for June (which starts on a Saturday).
    assert sum(1 for count in weeks.values() if count) == 1 + 8 + 5
    assert result.undated == 0  # the date range leaves undated claims out


@pytest.mark.django_db
def test_articles_are_placed_by_their_day_of_publication():
    for day in (D(2025, 4, 1), D(2025, 4, 1), D(2025, 4, 20)):
        ArticleFactory(published_on=day)

    result = timeline(evaluate(ARTICLES, QueryDict(), strict=True))

    assert result.granularity == "day"
    assert {bar.start: bar.count for bar in result.bars if bar.count} == {D(2025, 4, 1): 2, D(2025, 4, 20): 1}


@pytest.mark.django_db
def test_each_bar_links_to_the_list_narrowed_to_its_dates_and_holds_as_many_as_its_count(client):
    claim(D(2023, 5, 2), D(2023, 5, 2))
    claim(D(2023, 5, 30), D(2023, 6, 2), "week")
    claim(D(2023, 9, 9), D(2023, 9, 9))

    page = client.get("/claims/").content.decode()
    bars = re.findall(r'<a href="([^"]+)"><rect class="bar"[^>]*><title>([^<]+): (\d+)</title>', page)

    assert bars, "the page draws a timeline"
    for link, _label, count in bars:
        narrowed = client.get("/claims/" + link.replace("&amp;", "&")).content.decode()
        assert f'data-total="{count}"' in narrowed, link


@pytest.mark.django_db
def test_the_list_counts_its_timeline_with_its_facets_and_gets_the_same_bars_as_on_its_own():
    from reports.listings.results import list_page

    claim(D(2023, 5, 2), D(2023, 5, 2))
    claim(D(2023, 5, 30), D(2023, 8, 2), "approximate")
    ClaimFactory()
    query = QueryDict("topic=territorial_control")
    listing_query = evaluate(CLAIMS, query, strict=True)

    _page, _facets, together, _version = list_page(listing_query, query, number=1)
    alone = timeline(listing_query)

    assert [(bar.start, bar.end, bar.count) for bar in together.bars] == [(bar.start, bar.end, bar.count) for bar in alone.bars]
    assert (together.granularity, together.undated) == (alone.granularity, alone.undated) == ("week", 1)
