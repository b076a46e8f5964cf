"""Counts beside each filter choice, for the current result: exact, in one statement.

The total and most facets count the matching rows; a facet whose own filter is in use counts the rows that
match every other filter, so that choosing a value keeps the other values visible with the number each would
add (several values of one facet mean "either"). Each set of rows is counted from the count tables when its
filters are ones they hold (grains.py), else by GROUP BY over the matching rows; both are exact, and both go
into the same statement. A statement that runs past the budget is cancelled and the page shows no counts.
"""

import logging
from dataclasses import dataclass, field

from django.db import OperationalError, transaction
from django.db.models import Value

from reports.caching import cached
from reports.listings import grains
from reports.listings.limits import BUDGET_MS, COUNTS_TIMEOUT, REGION_CHOICES, TOP_SOURCES
from reports.models import Region, Source
from reports.routing import read_connection

logger = logging.getLogger(__name__)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class Facets:
    groups: dict = field(default_factory=dict)  # name -> list[FacetValue]
    total: int | None = None
    unavailable: bool = False
    source_values: int = 0  # how many distinct sources the "source" facet has in all
    timeline_rows: tuple = ((), ())  # (the span row, the bars' rows) when a timeline was asked for


@dataclass(frozen=True)
class FacetSpec:
    """Which columns of the matching rows feed which facet, and which count tables hold them."""

    table: str
    year_column: str
    source_column: str
    choices: dict  # facet name -> {value: label}
    grains: tuple = ()  # grains.Grain, smallest first
    columns: dict = field(default_factory=dict)  # filter parameter -> the count tables' column it conditions
    spread: tuple = ()  # the count tables' columns spread over a row's arrays that its grains can condition


@dataclass
class Part:
    """One set of rows to count: the matching rows, or those matching all filters but one facet's."""

    name: str
    queryset: object
    conditions: object  # grains.Conditions of its filters
    groups: list  # the group names counted over these rows
    timeline: object = None  # a timeline.TimelineQuery counted over these rows too


def run_within_budget(statement, params):
    """The statement's rows, or None when it ran past BUDGET_MS and was cancelled."""
    try:
        database = read_connection()
        with transaction.atomic(using=database.alias), database.cursor() as cursor:
            # The planner prices the timeline's generate_series far above its cost, which would switch on JIT
            # compilation: over a second of compiling for a statement that runs in tens of milliseconds.
            cursor.execute(f"SET LOCAL statement_timeout = {BUDGET_MS}; SET LOCAL jit = off")
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
        return list(Region.objects.filter(parent=selected_regions[0]).order_by("name")[:REGION_CHOICES])
    return list(Region.objects.first_level().order_by("name")[:REGION_CHOICES])


def facet_counts(parts, *, spec: FacetSpec, regions, by_month=False, sources=TOP_SOURCES) -> Facets:
    """Facets of `parts` (the first: the matching rows; then one per facet whose own filter is left out).

    `by_month`: the dates are counted by month instead of by year (a one-year range is in use). `sources`: how
    many of the most frequent sources to name. A part's `timeline` adds the bars of the list's timeline,
    counted over the same rows in the same statement (`Facets.timeline_rows`).
    """
    matched = parts[0]
    if matched.queryset.query.is_empty():
        return Facets(total=0)
    time_group = "month" if by_month else "year"
    left_out = {part.name.removeprefix("without_") for part in parts[1:]}
    matched.groups = [name for name in [*spec.choices, "source"] if name not in left_out]
    matched.groups += [time_group, "region", "total"]
    raw = counted(parts, spec=spec, regions=regions, sources=sources)
    if raw is None:
        return Facets(unavailable=True)
    facets = _label(raw, spec=spec, regions=regions, time_group=time_group)
    facets.timeline_rows = raw.get("timeline_span", []), raw.get("timeline", [])
    return facets


def counted(parts, *, spec, regions, sources=TOP_SOURCES):
    """{group: [(value, count)]} of every part's groups, from one statement; None past the budget."""
    ctes, selects = [], []
    for part in parts:
        exact = []
        for group in part.groups:
            in_group = group == "region" and part.conditions.region is not None
            read = grains.group_statement(
                spec.grains,
                part.conditions,
                group,
                part.name,
                spec=spec,
                regions=regions,
                sources=sources,
                region_in_group=in_group,
            )
            if read is None:
                exact.append(group)
            else:
                selects.append(read)
        timeline_rows = None
        if part.timeline:
            timeline_rows = grains.counted_rows(spec.grains, part.conditions, part.timeline.columns)
        if exact or (part.timeline and timeline_rows is None):
            sql, params = matching_rows(part, spec)
            ctes.append((f"{part.name} AS MATERIALIZED ({sql})", params))
            grouped_cte, grouped_selects = exact_groups(exact, part.name, spec, regions, sources)
            ctes += grouped_cte
            selects += grouped_selects
        if part.timeline:
            rows_name = part.name if timeline_rows is None else f"{part.name}_counted"
            if timeline_rows is not None:
                ctes.append((f"{rows_name} AS ({timeline_rows[0]})", timeline_rows[1]))
            more_ctes, more_selects, params = part.timeline.statements(rows_name)
            ctes += [(more_ctes[0], params)] + [(cte, []) for cte in more_ctes[1:]]
            selects += [(select, []) for select in more_selects]
    if not selects:
        return {}
    statement = (f"WITH {', '.join(cte for cte, _params in ctes)} " if ctes else "") + " UNION ALL ".join(
        f"({select})" for select, _params in selects
    )
    params = [param for _cte, cte_params in ctes for param in cte_params]
    params += [param for _select, select_params in selects for param in select_params]
    # The same filters give the same statement: its rows are kept under the archive's data version (caching.py).
    rows = cached(["counts", statement, params], lambda: run_within_budget(statement, params), COUNTS_TIMEOUT)
    if rows is None:
        return None
    counts = {}
    for _part, group, value, count in rows:
        counts.setdefault(group, []).append((value, int(count or 0)))
    return counts


def matching_rows(part, spec):
    """SQL of the part's matching rows, with the columns the facets and its timeline read, each of weight 1."""
    columns = [*spec.choices, spec.year_column, spec.source_column, "region_ids"]
    columns += [column for column in (part.timeline.columns if part.timeline else ()) if column not in columns]
    queryset = part.queryset.order_by().values(*columns, weight=Value(1))
    return queryset.query.sql_with_params()


def exact_groups(groups, part, spec, regions, sources):
    """([(CTE, parameters)], [(SELECT, parameters)]) counting `groups` over the matching rows of the CTE `part`.

    The plain columns are counted in one pass (GROUPING SETS); the places, spread over each row's regions, apart.
    """
    expressions = {name: f"{name}::text" for name in spec.choices}
    expressions |= {
        "year": f"extract(year FROM {spec.year_column})::int::text",
        "month": f"to_char({spec.year_column}, 'YYYY-MM')",
        "source": f"{spec.source_column}::text",
    }
    plain = [group for group in groups if group in expressions]
    ctes, selects = [], []
    if not plain and "total" in groups:
        selects.append((f"SELECT '{part}', 'total', '', count(*) FROM {part}", []))
    elif plain:
        columns = [expressions[group] for group in plain]
        sets = ", ".join([*(f"({column})" for column in columns), "()"])
        names = ", ".join(f"{expressions[group]} AS {group}" for group in plain)
        bits = ", ".join(columns)
        ctes.append(
            (
                f"{part}_grouped AS MATERIALIZED (SELECT grouping({bits}) AS grouped,{' ' + names + ',' if names else ''}"
                f" count(*) AS counted FROM {part} GROUP BY GROUPING SETS ({sets}))",
                [],
            )
        )
        every = (1 << len(plain)) - 1  # the mask of the empty grouping set: every column aggregated away
        for position, group in enumerate(plain):
            mask = every & ~(1 << (len(plain) - 1 - position))
            select = f"SELECT '{part}', '{group}', {group}, counted FROM {part}_grouped WHERE grouped = {mask}"
            if group == "source":
                top = f"({select} ORDER BY 4 DESC, 3 LIMIT {int(sources)})"
                distinct = f"SELECT '{part}', 'source_values', '', count(*) FROM {part}_grouped WHERE grouped = {mask}"
                select = f"{top} UNION ALL {distinct}"
            selects.append((select, []))
        if "total" in groups:
            total = f"SELECT '{part}', 'total', '', coalesce(max(counted), 0) FROM {part}_grouped WHERE grouped = {every}"
            selects.append((total, []))
    if "region" in groups:
        # unnest() in the select list (one ProjectSet) is far cheaper than a function scan joined to every row.
        statement = (
            f"SELECT '{part}', 'region', region::text, count(*) FROM (SELECT unnest(region_ids) AS region FROM {part})"
            " AS spread WHERE region = ANY(%s) GROUP BY 3"
        )
        selects.append((statement, [[region.pk for region in regions]]))
    return ctes, selects


def _label(raw, *, spec, regions, time_group) -> Facets:
    facets = Facets()
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
