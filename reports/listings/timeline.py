"""How a list's result spreads over time: bars of a granularity chosen by the span, each a link to its dates.

Claims are placed by the period they speak of (occurred), articles by their publication day. A claim
counts in every bar its period overlaps, because that is what the bar's link asks for: narrowing the
list to a bar's dates keeps the claims whose period overlaps them, so a bar's number is the number of
rows its link shows. Claims that give no date are counted apart. The bars are exact: read from a count
table when the list's filters allow (grains.py), else counted over the matching rows.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from reports.listings.facets import Part, counted
from reports.listings.grains import conditions_of
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


@dataclass
class TimelineQuery:
    """The SQL of a timeline over a set of matching rows: the span and granularity, then a count per bar."""

    start_column: str
    end_column: str
    first: datetime.date | None = None  # the list's own date range, when it has one
    last: datetime.date | None = None

    @property
    def columns(self) -> tuple:
        return (self.start_column, self.end_column)

    def statements(self, rows: str) -> tuple[list, list, list]:
        """(CTEs, SELECTs giving (rows, group, value, count), CTE parameters) over the CTE named `rows`.

        Each row of `rows` stands for `weight` claims or articles: 1 for a matching row, more for a count table's.
        """
        start, end = self.start_column, self.end_column
        ctes = [
            f"timeline_extent AS (SELECT greatest(min({start}), %s::date) AS first, least(max({end}), %s::date) AS last,"
            f" coalesce(sum(weight) FILTER (WHERE {start} IS NULL), 0) AS undated FROM {rows})",
            f"timeline_span AS (SELECT first, last, undated, {GRANULARITY_SQL} AS unit FROM timeline_extent)",
        ]
        selects = [
            f"SELECT '{rows}', 'timeline_span', unit || '|' || coalesce(first::text, '') || '|' || coalesce(last::text, ''),"
            " undated FROM timeline_span",
            # The rows are first gathered by the bars they begin and end in: a few thousand spans at most, whatever
            # the number of rows, each then spread over its bars.
            f"SELECT '{rows}', 'timeline', bucket::date::text, sum(spans.weight) FROM timeline_span, ("
            f"SELECT date_trunc(timeline_span.unit, greatest({rows}.{start}, timeline_span.first)) AS first_bar,"
            f" date_trunc(timeline_span.unit, least({rows}.{end}, timeline_span.last)) AS last_bar, sum(weight) AS weight"
            f" FROM timeline_span, {rows} WHERE {rows}.{start} IS NOT NULL AND timeline_span.first <= timeline_span.last"
            " GROUP BY 1, 2) AS spans, generate_series(spans.first_bar, spans.last_bar, ('1 ' || timeline_span.unit)::interval)"
            " AS bucket GROUP BY 3",
        ]
        return ctes, selects, [self.first, self.last]


def timeline_query(listing_query: ListingQuery) -> TimelineQuery:
    start_column, end_column, parameter = listing_query.listing.timeline
    chosen = listing_query.cleaned
    return TimelineQuery(start_column, end_column, chosen.get(f"{parameter}_from"), chosen.get(f"{parameter}_to"))


def timeline_from_rows(listing, span_rows, bar_rows) -> Timeline:
    """The Timeline read from the rows its statements gave."""
    result = Timeline(parameter=listing.timeline[2])
    if not span_rows:
        return result
    text, undated = span_rows[0]
    granularity, first, last = text.split("|")
    result.undated = undated or 0
    if not first or not last:
        return result
    first, last = datetime.date.fromisoformat(first), datetime.date.fromisoformat(last)
    if first > last:
        return result
    counts = {datetime.date.fromisoformat(bucket): count for bucket, count in bar_rows}
    bars, start = [], bucket_start(first, granularity)
    while start <= last:
        end = bucket_end(start, granularity)
        # A bar's link asks for its dates within the list's own range, so that it never widens the view.
        bars.append(Bar(max(start, first), min(end, last), counts.get(start, 0), label(start, granularity)))
        start = end + datetime.timedelta(days=1)
    ticks(bars, granularity)
    result.granularity, result.bars = granularity, bars
    return result


def timeline(listing_query: ListingQuery) -> Timeline:
    """The bars of the list's result on their own (a page without facets); one statement."""
    listing = listing_query.listing
    matched = listing_query.queryset
    if matched.query.is_empty():
        return Timeline(parameter=listing.timeline[2])
    part = Part("matched", matched, conditions_of(listing, listing_query.filterset), [], timeline_query(listing_query))
    raw = counted([part], spec=listing.facets, regions=[])
    if raw is None:
        return Timeline(parameter=listing.timeline[2])
    return timeline_from_rows(listing, raw.get("timeline_span", []), raw.get("timeline", []))


def bar_links(listing, query, result: Timeline, path: str = "") -> list[str]:
    """Each bar's address: the view (`query` on the list at `path`) narrowed to the bar's dates."""
    from reports.listings.canonical import addresses

    if not result.bars:
        return []
    narrowed = addresses(listing, query, (f"{result.parameter}_from", f"{result.parameter}_to"))
    return [path + narrowed([bar.start.isoformat()], [bar.end.isoformat()]) for bar in result.bars]
