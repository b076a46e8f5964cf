"""Counts beside each filter choice, for the current result, within a time budget.

All facets come from one statement over the matching rows. Up to EXACT_LIMIT matches they are
exact; beyond it they are computed on a random sample of the table's pages (TABLESAMPLE SYSTEM) and
scaled, and the page says they are estimates. A statement that still runs past the budget is
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


@dataclass
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class Facets:
    groups: dict = field(default_factory=dict)  # name -> list[FacetValue]
    estimated: bool = False
    total: int | None = None
    unavailable: bool = False


@dataclass(frozen=True)
class FacetSpec:
    """Which columns of the matching rows feed which facet."""

    table: str
    year_column: str
    source_column: str
    choices: dict  # facet name -> {value: label}


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


def monthly_counts(queryset, *, table, date_column, exact_total):
    """[(first day of month, count)] of `queryset` by `date_column`, and whether they are estimates."""
    if queryset.query.is_empty():
        return [], False
    sql, params, scale, estimated = matching_rows_sql(queryset.order_by().values(date_column), table, exact_total)
    rows = run_within_budget(
        f"SELECT date_trunc('month', {date_column})::date, count(*) FROM ({sql}) AS matched GROUP BY 1 ORDER BY 1", params
    )
    counts = {month: round(count * scale) for month, count in rows or []}
    return _every_month(counts), estimated


MIN_MONTHS = 12


def _every_month(counts):
    """The series with empty months filled in, covering at least MIN_MONTHS up to the last month."""
    if not counts:
        return []
    first, last = min(counts), max(counts)
    earliest = (
        last.replace(year=last.year - 1) if (last.year - first.year) * 12 + last.month - first.month < MIN_MONTHS else first
    )
    series, month = [], earliest
    while month <= last:
        series.append((month, counts.get(month, 0)))
        month = month.replace(year=month.year + month.month // 12, month=month.month % 12 + 1)
    return series


def region_candidates(selected_regions):
    """The regions one level down from the chosen region, or the first-level units when none is chosen."""
    if len(selected_regions) == 1:
        return list(Region.objects.filter(parent=selected_regions[0]).order_by("name")[:300])
    return list(Region.objects.filter(parent__isnull=False, parent__parent__isnull=True).order_by("name")[:300])


def facet_counts(queryset, *, spec: FacetSpec, exact_total: int | None = None, regions, try_exact=False) -> Facets:
    """Facets of `queryset` (already filtered).

    `exact_total` is a capped count already made (None: above the cap, so sample). With `try_exact`,
    the rows are counted exactly in the same statement, up to EXACT_LIMIT, and sampled only if there
    are more: one scan gives both the total and the facets.
    """
    if queryset.query.is_empty():
        return Facets(total=0)
    if try_exact:
        facets = _facets(queryset, spec=spec, regions=regions, sample=False, limit=EXACT_LIMIT + 1)
        if facets.unavailable or facets.total <= EXACT_LIMIT:
            return facets
        return _facets(queryset, spec=spec, regions=regions, sample=True)
    return _facets(
        queryset, spec=spec, regions=regions, sample=exact_total is None or exact_total > EXACT_LIMIT, total=exact_total
    )


def _facets(queryset, *, spec, regions, sample, limit=None, total=None) -> Facets:
    columns = [*spec.choices, spec.year_column, spec.source_column, "region_ids"]
    rows_queryset = queryset.order_by().values(*columns)
    if limit:
        rows_queryset = rows_queryset[:limit]
    sql, params, scale, estimated = matching_rows_sql(rows_queryset, spec.table, None if sample else 0)
    region_ids = [region.pk for region in regions]
    parts = [f"SELECT '{name}', {name}::text, count(*) FROM matched GROUP BY 2" for name in spec.choices]
    parts += [
        f"SELECT 'year', extract(year FROM {spec.year_column})::int::text, count(*) FROM matched GROUP BY 2",
        f"(SELECT 'source', {spec.source_column}::text, count(*) FROM matched WHERE {spec.source_column} IS NOT NULL"
        f" GROUP BY 2 ORDER BY 3 DESC LIMIT {TOP_SOURCES})",
        "SELECT 'region', region::text, count(*) FROM matched, unnest(region_ids) AS region WHERE region = ANY(%s) GROUP BY 2",
        "SELECT 'total', '', count(*) FROM matched",
    ]
    statement = f"WITH matched AS MATERIALIZED ({sql}) " + " UNION ALL ".join(parts)
    rows = run_within_budget(statement, [*params, region_ids])
    if rows is None:
        return Facets(unavailable=True, total=total)
    return _label(rows, spec=spec, scale=scale, estimated=estimated, regions=regions, exact_total=None if estimated else total)


def _label(rows, *, spec, scale, estimated, regions, exact_total) -> Facets:
    raw = {}
    for name, value, count in rows:
        raw.setdefault(name, []).append((value, round(count * scale)))
    facets = Facets(estimated=estimated)
    total_rows = raw.pop("total", [("", 0)])
    facets.total = exact_total if exact_total is not None else total_rows[0][1]
    for name, labels in spec.choices.items():
        counts = dict(raw.get(name, []))
        facets.groups[name] = [FacetValue(value, str(labels[value]), counts[value]) for value in labels if counts.get(value)]
    facets.groups["year"] = sorted(
        (FacetValue(value, value, count) for value, count in raw.get("year", []) if value),
        key=lambda item: item.value,
        reverse=True,
    )
    source_counts = dict(raw.get("source", []))
    sources = Source.objects.in_bulk([int(pk) for pk in source_counts])
    facets.groups["source"] = sorted(
        (
            FacetValue(sources[int(pk)].slug, str(sources[int(pk)]), count)
            for pk, count in source_counts.items()
            if int(pk) in sources
        ),
        key=lambda item: -item.count,
    )
    region_counts = dict(raw.get("region", []))
    facets.groups["region"] = sorted(
        (
            FacetValue(region.slug, region.local_name, region_counts[str(region.pk)])
            for region in regions
            if str(region.pk) in region_counts
        ),
        key=lambda item: -item.count,
    )
    return facets
