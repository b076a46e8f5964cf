"""Counts beside each filter choice, for the current result, within a time budget.

All counts come from one statement. The total and most facets count the matching rows; a facet whose
own filter is in use counts the rows that match every other filter, so that choosing a value keeps the
other values visible with the number each would add (several values of one facet mean "either").
Each set of rows is counted exactly up to EXACT_LIMIT; beyond it on a random sample of the table's pages
(TABLESAMPLE SYSTEM), scaled, and marked as an estimate. A statement that runs past the budget is
cancelled and the page shows no counts rather than waiting.
"""

import logging
from dataclasses import dataclass, field

from django.db import OperationalError, connection, transaction

from reports.models import Region, Source
from reports.routing import read_connection

logger = logging.getLogger(__name__)

EXACT_LIMIT = 10_000
SAMPLE_ROWS = 20_000
BUDGET_MS = 400
TOP_SOURCES = 12
ALL_SOURCES = 1_000


@dataclass
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class Facets:
    groups: dict = field(default_factory=dict)  # name -> list[FacetValue]
    estimated: bool = False  # some count is an estimate
    estimated_groups: set = field(default_factory=set)
    total: int | None = None
    unavailable: bool = False
    source_values: int = 0  # how many distinct sources the "source" facet has in all
    timeline_rows: tuple = ((), ())  # (the span row, the bars' rows) when a timeline was asked for


@dataclass(frozen=True)
class FacetSpec:
    """Which columns of the matching rows feed which facet."""

    table: str
    year_column: str
    source_column: str
    choices: dict  # facet name -> {value: label}


@dataclass
class _Part:
    """One set of rows to count: the matching rows, or those matching all filters but one facet's."""

    name: str
    queryset: object
    groups: list  # the facet names counted over these rows
    sample: bool = False
    limit: int | None = None
    timeline: object = None  # a timeline.TimelineQuery counted over these rows too


def _table_rows_estimate(table) -> int:
    with read_connection().cursor() as cursor:
        cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [table])
        row = cursor.fetchone()
    return max(row[0] if row else 0, 0)


def matching_rows_sql(values_queryset, table, exact_total):
    """SQL for the rows of `values_queryset`, or for a sample of them when there are too many to count.

    Returns (sql, params, scale, estimated): counts over the SQL times `scale` estimate the full counts.
    """
    sql, params = values_queryset.query.sql_with_params()
    if exact_total is not None and exact_total <= EXACT_LIMIT:
        return sql, params, 1.0, False
    table_rows = _table_rows_estimate(table)
    percent = min(100.0, 100.0 * SAMPLE_ROWS / table_rows) if table_rows else 100.0
    quoted = connection.ops.quote_name(table)
    # The filters are conditions on this one table, so sampling its pages samples the matches.
    sql = sql.replace(f"FROM {quoted}", f"FROM {quoted} TABLESAMPLE SYSTEM ({percent:.4f}) REPEATABLE (7)", 1)
    return sql, params, 100.0 / percent, True


def run_within_budget(statement, params):
    """The statement's rows, or None when it ran past BUDGET_MS and was cancelled."""
    try:
        database = read_connection()
        with transaction.atomic(using=database.alias), database.cursor() as cursor:
            cursor.execute(f"SET LOCAL statement_timeout = {BUDGET_MS}")
            cursor.execute(statement, params)
            rows = cursor.fetchall()
            cursor.execute("SET LOCAL statement_timeout = 0")  # the budget is for this statement only
    except OperationalError:  # cancelled at the budget
        logger.warning("a count exceeded its %d ms budget", BUDGET_MS)
        return None
    return rows


def region_candidates(selected_regions):
    """The regions one level down from the chosen region, or the first-level units when none is chosen."""
    if len(selected_regions) == 1:
        return list(Region.objects.filter(parent=selected_regions[0]).order_by("name")[:300])
    return list(Region.objects.first_level().order_by("name")[:300])


def facet_counts(
    queryset,
    *,
    spec: FacetSpec,
    regions,
    try_exact=False,
    own_filter_left_out=None,
    by_month=False,
    sources=TOP_SOURCES,
    timeline=None,
) -> Facets:
    """Facets of `queryset` (already filtered).

    `own_filter_left_out` maps a facet name to the rows matching every filter but that facet's own; that
    facet is counted over them. With `try_exact`, the rows are counted exactly in the same statement, up
    to EXACT_LIMIT, and sampled only if there are more: one scan gives both the total and the facets.
    `by_month`: the dates are counted by month instead of by year (a one-year range is in use). `sources`:
    how many of the most frequent sources to name. `timeline` (a timeline.TimelineQuery) adds the rows of
    the list's timeline, counted over the same matching rows in the same statement (`Facets.timeline_rows`).
    """
    if queryset.query.is_empty():
        return Facets(total=0)
    own_filter_left_out = own_filter_left_out or {}
    time_group = "month" if by_month else "year"
    common = [name for name in [*spec.choices, "source"] if name not in own_filter_left_out]
    parts = [_Part("matched", queryset, [*common, time_group, "region", "total"])]
    parts += [_Part(f"without_{name}", rows, [name]) for name, rows in own_filter_left_out.items()]
    for part in parts:
        part.sample, part.limit = (False, EXACT_LIMIT + 1) if try_exact else (True, None)
    parts[0].timeline = timeline
    rows = _count(parts, spec=spec, regions=regions, sources=sources)
    if rows is None:
        return Facets(unavailable=True)
    overflowing = [part for part in parts if part.limit and rows["sizes"].get(part.name, 0) > EXACT_LIMIT]
    if overflowing:
        for part in overflowing:
            part.sample, part.limit = True, None
        again = _count(overflowing, spec=spec, regions=regions, sources=sources)
        if again is None:
            return Facets(unavailable=True)
        rows["counts"].update(again["counts"])
        rows["estimated"] |= again["estimated"]
    facets = _label(rows, spec=spec, regions=regions, time_group=time_group)
    facets.timeline_rows = rows["counts"].get("timeline_span", []), rows["counts"].get("timeline", [])
    return facets


def _count(parts, *, spec, regions, sources):
    """{"counts": {group: [(value, count)]}, "sizes": {part: rows}, "estimated": {groups}}, or None past the budget."""
    columns = [*spec.choices, spec.year_column, spec.source_column, "region_ids"]
    ctes, selects, cte_params, select_params = [], [], [], []
    scales, estimated = {}, set()
    for part in parts:
        part_columns = columns + [column for column in (part.timeline.columns if part.timeline else ()) if column not in columns]
        rows_queryset = part.queryset.order_by().values(*part_columns)
        if part.limit:
            rows_queryset = rows_queryset[: part.limit]
        sql, part_params, scale, is_estimate = matching_rows_sql(rows_queryset, spec.table, None if part.sample else 0)
        ctes.append(f"{part.name} AS MATERIALIZED ({sql})")
        cte_params += part_params
        scales[part.name] = scale
        if is_estimate:
            estimated |= set(part.groups) | ({"timeline"} if part.timeline else set())
        selects.append(f"SELECT '{part.name}', 'size', '', count(*) FROM {part.name}")
        for group in part.groups:
            statement, group_params = _group_select(group, part.name, spec, regions, sources)
            selects.append(statement)
            select_params += group_params
        if part.timeline:
            more_ctes, more_selects, params = part.timeline.statements(part.name)
            ctes += more_ctes
            selects += more_selects
            cte_params += params
    rows = run_within_budget(f"WITH {', '.join(ctes)} " + " UNION ALL ".join(selects), [*cte_params, *select_params])
    if rows is None:
        return None
    counts, sizes = {}, {}
    for part_name, group, value, count in rows:
        if group == "size":
            sizes[part_name] = count
            continue
        scaled = count if group == "source_values" else round(count * scales[part_name])
        counts.setdefault(group, []).append((value, scaled))
    return {"counts": counts, "sizes": sizes, "estimated": estimated}


def _group_select(group, part, spec, regions, sources):
    head = f"SELECT '{part}', '{group}'"
    if group in spec.choices:
        return f"{head}, {group}::text, count(*) FROM {part} GROUP BY 3", []
    if group == "year":
        return f"{head}, extract(year FROM {spec.year_column})::int::text, count(*) FROM {part} GROUP BY 3", []
    if group == "month":
        return f"{head}, to_char({spec.year_column}, 'YYYY-MM'), count(*) FROM {part} GROUP BY 3", []
    if group == "source":
        column = spec.source_column
        top = f"({head}, {column}::text, count(*) FROM {part} GROUP BY 3 ORDER BY 4 DESC, 3 LIMIT {int(sources)})"
        distinct = f"SELECT '{part}', 'source_values', '', count(DISTINCT {column}) FROM {part}"
        return f"{top} UNION ALL {distinct}", []
    if group == "region":
        statement = f"{head}, region::text, count(*) FROM {part}, unnest(region_ids) AS region WHERE region = ANY(%s) GROUP BY 3"
        return statement, [[region.pk for region in regions]]
    return f"{head}, '', count(*) FROM {part}", []  # total


def _label(rows, *, spec, regions, time_group) -> Facets:
    raw = rows["counts"]
    facets = Facets(estimated=bool(rows["estimated"]), estimated_groups=rows["estimated"])
    facets.total = raw.get("total", [("", 0)])[0][1]
    for name, labels in spec.choices.items():
        counts = dict(raw.get(name, []))
        facets.groups[name] = [FacetValue(value, str(labels[value]), counts[value]) for value in labels if counts.get(value)]
    facets.groups[time_group] = sorted(
        (FacetValue(value, value, count) for value, count in raw.get(time_group, []) if value),
        key=lambda item: item.value,
        reverse=True,
    )
    source_counts = dict(raw.get("source", []))
    facets.source_values = raw.get("source_values", [("", 0)])[0][1]
    sources = Source.objects.in_bulk([int(pk) for pk in source_counts])
    facets.groups["source"] = sorted(
        (
            FacetValue(sources[int(pk)].slug, str(sources[int(pk)]), count)
            for pk, count in source_counts.items()
            if int(pk) in sources
        ),
        key=lambda item: (-item.count, item.label),
    )
    region_counts = dict(raw.get("region", []))
    facets.groups["region"] = sorted(
        (
            FacetValue(region.slug, region.local_name, region_counts[str(region.pk)])
            for region in regions
            if str(region.pk) in region_counts
        ),
        key=lambda item: (-item.count, item.label),
    )
    return facets
