"""How a list's result spreads over time: bars of a granularity chosen by the span, each a link to its dates.

Claims are placed by the period they speak of (occurred), articles by their publication day. A claim
counts in every bar its period overlaps, because that is what the bar's link asks for: narrowing the
list to a bar's dates keeps the claims whose period overlaps them, so a bar's number is the number of
rows its link shows. Claims that give no date are counted apart. Over many rows the bars are counted
on a sample of the table, by the same rule as the facets, and marked as estimates.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from reports.listings.facets import matching_rows_sql, run_within_budget
from reports.listings.paging import COUNT_CAP, planned_rows
from reports.listings.querying import ListingQuery

MAX_DAYS, MAX_WEEKS, MAX_MONTHS = 62, 60, 84


@dataclass
class Bar:
    start: datetime.date
    end: datetime.date
    count: int
    label: str
    tick: str = ""  # a short label under the axis where a new year, month or week begins; empty elsewhere


@dataclass
class Timeline:
    granularity: str = ""  # day, week, month or year
    bars: list = field(default_factory=list)
    undated: int = 0
    estimated: bool = False
    parameter: str = ""  # the list's date parameter the bars narrow: occurred, published

    @property
    def peak(self) -> int:
        return max((bar.count for bar in self.bars), default=0)


# The granularity by the span the bars cover, decided by PostgreSQL in the statement that counts them.
GRANULARITY_SQL = f"""CASE WHEN last - first < {MAX_DAYS} THEN 'day'
    WHEN last - first < {MAX_WEEKS * 7} THEN 'week'
    WHEN (extract(year FROM last) - extract(year FROM first)) * 12 + extract(month FROM last) - extract(month FROM first)
         < {MAX_MONTHS} THEN 'month'
    ELSE 'year' END"""


def bucket_start(day: datetime.date, granularity: str) -> datetime.date:
    if granularity == "week":
        return day - datetime.timedelta(days=day.weekday())
    if granularity == "month":
        return day.replace(day=1)
    if granularity == "year":
        return day.replace(month=1, day=1)
    return day


def bucket_end(start: datetime.date, granularity: str) -> datetime.date:
    if granularity == "week":
        return start + datetime.timedelta(days=6)
    if granularity == "month":
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if granularity == "year":
        return start.replace(month=12, day=31)
    return start


def label(start: datetime.date, granularity: str) -> str:
    if granularity == "year":
        return str(start.year)
    if granularity == "month":
        return date_format(start, "YEAR_MONTH_FORMAT")
    if granularity == "week":
        return _("week of %(date)s") % {"date": date_format(start, "MONTH_DAY_FORMAT")}
    return date_format(start, "MONTH_DAY_FORMAT")


def ticks(bars: list, granularity: str) -> None:
    """Label the axis sparsely: years under months, months under weeks and days, with room between labels."""
    previous = None
    for index, bar in enumerate(bars):
        if granularity == "year":
            bar.tick = str(bar.start.year) if len(bars) <= 12 or bar.start.year % 5 == 0 else ""
        elif granularity == "month":
            # The first bar is labelled too, unless a January follows too closely for both labels to fit.
            bar.tick = str(bar.start.year) if bar.start.month == 1 or (index == 0 and bar.start.month <= 9) else ""
        else:
            month = (bar.start.year, bar.start.month)
            new_month = month != previous
            previous = month
            wanted = new_month if granularity == "week" else index % 7 == 0
            bar.tick = date_format(bar.start, "M j" if granularity == "day" else "M Y") if wanted else ""
    if granularity == "week" and len(bars) > 30:
        # Past half a year of weeks, every other month is enough.
        for bar in bars:
            bar.tick = bar.tick if bar.tick and bar.start.month % 2 == 1 else ""


def timeline(listing_query: ListingQuery) -> Timeline:
    """The bars of the list's result; empty when nothing matches or nothing is dated. One statement."""
    listing = listing_query.listing
    start_column, end_column, parameter = listing.timeline
    result = Timeline(parameter=parameter)
    matched = listing_query.queryset
    if matched.query.is_empty():
        return result
    exact_total = 0 if planned_rows(matched) <= 2 * COUNT_CAP else None
    sql, params, scale, estimated = matching_rows_sql(
        matched.order_by().values(start_column, end_column), listing.facets.table, exact_total
    )
    chosen = listing_query.cleaned
    statement = f"""
        WITH matched AS MATERIALIZED ({sql}),
        extent AS (
            SELECT greatest(min({start_column}), %s::date) AS first, least(max({end_column}), %s::date) AS last,
                   count(*) FILTER (WHERE {start_column} IS NULL) AS undated
            FROM matched),
        span AS (SELECT first, last, undated, {GRANULARITY_SQL} AS unit FROM extent)
        SELECT unit, first, last, undated, NULL::date, 0 FROM span
        UNION ALL
        SELECT span.unit, NULL, NULL, NULL, bucket::date, count(*)
        FROM span, matched, generate_series(
            date_trunc(span.unit, greatest(matched.{start_column}, span.first)),
            least(matched.{end_column}, span.last), ('1 ' || span.unit)::interval) AS bucket
        WHERE matched.{start_column} IS NOT NULL AND span.first <= span.last
        GROUP BY 1, 5"""
    asked = [chosen.get(f"{parameter}_from"), chosen.get(f"{parameter}_to")]
    rows = run_within_budget(statement, [*params, *asked])
    if not rows:
        return result
    granularity, first, last, undated = rows[0][:4]
    result.undated = round((undated or 0) * scale)
    if first is None or last is None or first > last:
        return result
    counts = {bucket: round(count * scale) for *_, bucket, count in rows[1:]}
    bars, start = [], bucket_start(first, granularity)
    while start <= last:
        end = bucket_end(start, granularity)
        # A bar's link asks for its dates within the list's own range, so that it never widens the view.
        bars.append(Bar(max(start, first), min(end, last), counts.get(start, 0), label(start, granularity)))
        start = end + datetime.timedelta(days=1)
    ticks(bars, granularity)
    result.granularity, result.bars, result.estimated = granularity, bars, estimated
    return result


def bar_links(listing, query, result: Timeline, path: str = "") -> list[str]:
    """Each bar's address: the view (`query` on the list at `path`) narrowed to the bar's dates."""
    from reports.listings.canonical import narrowed

    return [
        path
        + narrowed(
            listing, query, **{f"{result.parameter}_from": bar.start.isoformat(), f"{result.parameter}_to": bar.end.isoformat()}
        )
        for bar in result.bars
    ]
