"""Counts read from the count tables: which filters they can answer, and the SQL that reads them.

The count tables (migration 0027) hold the public claims and articles counted by a few columns each (a
grain), kept exact by PostgreSQL triggers in the writing transaction. A set of filters made only of
conditions a grain holds (one first-level region or any one region, one source in any role, claimant,
publisher, topic, status, language, dates on whole months or years, the synthetic choice) is answered from the smallest grain that
holds them and the counted column, by summing a few thousand rows instead of counting the matches (the
claims' kind by year, migration 0030, first: the broad lists with no date range or whole years read it).

A claim matches an occurred range when its period ends on or after the first day and begins on or before
the last. The period tables count the claims by those two days, so they hold any occurred range for the
total, the places and the timeline; the occurred tables count them by the months the period begins and
ends in, which hold a range on whole months for every facet (migration 0028). No other table is read
while an occurred range is in use. Text search, several regions or sources at once, asserted days inside
a month, and the facets of an occurred range inside months are not held: those sets are counted exactly
over the matching rows (facets.py).
"""

import calendar
import datetime
from dataclasses import dataclass, field

from reports.models.regions import FIRST_LEVEL_PATH


@dataclass(frozen=True)
class Grain:
    table: str
    columns: tuple  # the columns it counts by; unit_id (0: every row once) or place_id first


CLAIM_GRAINS = (
    Grain("reports_claimcount_kind_year", ("unit_id", "topic", "status", "language", "year", "is_synthetic")),
    Grain("reports_claimcount_kind", ("unit_id", "topic", "status", "language", "month", "is_synthetic")),
    Grain("reports_claimcount_claimant", ("unit_id", "claimant_id", "year", "is_synthetic")),
    Grain("reports_claimcount_period", ("unit_id", "occurred_start", "occurred_end", "is_synthetic")),
    Grain(
        "reports_claimcount_occurred_kind",
        ("unit_id", "occurred_end_month", "occurred_start_month", "topic", "status", "language", "month", "is_synthetic"),
    ),
    Grain(
        "reports_claimcount_occurred_claimant",
        ("unit_id", "occurred_end_month", "occurred_start_month", "claimant_id", "year", "is_synthetic"),
    ),
    Grain("reports_claimcount_place", ("place_id", "is_synthetic")),
    Grain("reports_claimcount_source_kind", ("source_id", "topic", "status", "language", "month", "is_synthetic")),
    Grain("reports_claimcount_source_claimant", ("source_id", "claimant_id", "year", "is_synthetic")),
    Grain("reports_claimcount_source_unit", ("source_id", "unit_id", "is_synthetic")),
    Grain("reports_claimcount_source_period", ("source_id", "occurred_start", "occurred_end", "is_synthetic")),
)
ARTICLE_GRAINS = (
    Grain("reports_articlecount_kind", ("unit_id", "language", "month", "is_synthetic")),
    Grain("reports_articlecount_publisher", ("unit_id", "publisher_id", "year", "is_synthetic")),
    Grain("reports_articlecount_day", ("unit_id", "published_on", "is_synthetic")),
    Grain("reports_articlecount_place", ("place_id", "is_synthetic")),
)


OCCURRED_DAYS = ("occurred_end", "occurred_start")
OCCURRED_MONTHS = ("occurred_end_month", "occurred_start_month")


@dataclass
class Conditions:
    """The filters of one set of rows, as conditions on count-table columns; `held` is False when one is not."""

    held: bool = True
    equal: dict = field(default_factory=dict)  # column -> values (any of)
    region: object = None  # the one region chosen
    source: object = None  # the one source chosen (in any role)
    first: datetime.date | None = None  # the date range, when there is one
    last: datetime.date | None = None
    occurred_from: datetime.date | None = None  # the occurred range: periods ending on or after this day
    occurred_to: datetime.date | None = None  # and beginning on or before this one

    def occurred_columns(self) -> list | None:
        """The (end, start) column pairs that hold the occurred range (None when there is none).

        The days hold any range. The months hold a range on whole months: a period ends on or after the first
        day of a month exactly when it ends in that month or later, and begins on or before the last day of a
        month exactly when it begins in that month or earlier. An undated claim has neither, and matches no range.
        """
        if self.occurred_from is None and self.occurred_to is None:
            return None
        pairs = [OCCURRED_DAYS]
        if (self.occurred_from is None or _month_start(self.occurred_from)) and (
            self.occurred_to is None or _month_end(self.occurred_to)
        ):
            pairs.append(OCCURRED_MONTHS)
        return pairs

    def period_columns(self) -> set:
        """The grain columns that can hold the date range: month for whole months, year for whole years."""
        if self.first is None and self.last is None:
            return {"month", "year", None}
        columns = set()
        for column, starts, ends in (("month", _month_start, _month_end), ("year", _year_start, _year_end)):
            if (self.first is None or starts(self.first)) and (self.last is None or ends(self.last)):
                columns.add(column)
        return columns


def _month_start(day):
    return day.day == 1


def _month_end(day):
    return day.day == calendar.monthrange(day.year, day.month)[1]


def _year_start(day):
    return (day.month, day.day) == (1, 1)


def _year_end(day):
    return (day.month, day.day) == (12, 31)


IGNORED = {"sort"}


def conditions_of(listing, filterset) -> Conditions:
    """What the filters of `filterset` (already applied) ask, in count-table terms."""
    spec = listing.facets
    cleaned = filterset.form.cleaned_data
    conditions = Conditions()
    prefix = listing.date_parameter
    for name in filterset.filters:
        value = cleaned.get(name)
        if name in IGNORED or (name != "synthetic" and value in (None, "", [], ())):
            continue
        if isinstance(value, str) and name == "q":
            if value.strip():
                conditions.held = False
            continue
        if name == "synthetic":
            if value != "include":
                conditions.equal["is_synthetic"] = [value == "only"]
        elif name == "region":
            found = filterset.selected.get("region", [])
            if len(found) == 1:
                conditions.region = found[0]
            else:
                conditions.held = False
        elif name == "source" and "source_id" in spec.spread:
            found = filterset.selected.get("source", [])
            if len(found) == 1:
                conditions.source = found[0]
            else:
                conditions.held = False
        elif name in spec.columns:
            found = filterset.selected.get(name)
            conditions.equal[spec.columns[name]] = [record.pk for record in found] if found is not None else list(value)
        elif name == f"{prefix}_from":
            conditions.first = value
        elif name == f"{prefix}_to":
            conditions.last = value
        elif name == "occurred_from":
            conditions.occurred_from = value
        elif name == "occurred_to":
            conditions.occurred_to = value
        else:
            conditions.held = False
    return conditions


GROUP_COLUMNS = {"year": ("year", "month"), "month": ("month",)}


def grain_for(grains, conditions: Conditions, needed: set, *, region_in_group=False):
    """The first grain holding the conditions and the `needed` columns, with the region's column; or None."""
    if not conditions.held:
        return None
    for grain in grains:
        columns = set(grain.columns)
        if ("source_id" in columns) != (conditions.source is not None):
            continue
        if region_in_group:
            if "place_id" not in columns:
                continue
        elif conditions.region is not None:
            unit = len(conditions.region.path) == FIRST_LEVEL_PATH
            if not ("place_id" in columns or (unit and "unit_id" in columns)):
                continue
        elif "unit_id" not in columns and "source_id" not in columns:
            continue
        if not set(conditions.equal) <= columns or not needed <= columns:
            continue
        period = conditions.period_columns()
        if None not in period and not period & columns:
            continue
        if not _holds_occurred(conditions, columns):
            continue
        return grain
    return None


def _holds_occurred(conditions, columns) -> bool:
    occurred = conditions.occurred_columns()
    return occurred is None or any(set(pair) <= set(columns) for pair in occurred)


def where(grain, conditions: Conditions, *, region_in_group=False, units=None):
    """(SQL condition, parameters) selecting the grain's rows for the conditions; `units`: these units' rows instead."""
    clauses, params = [], []
    columns = grain.columns
    if conditions.source is not None:
        clauses.append("source_id = %s")
        params.append(conditions.source.pk)
    if region_in_group:
        pass  # the places counted lie inside the chosen region: it holds them already
    elif "place_id" in columns:
        clauses.append("place_id = %s")
        params.append(conditions.region.pk)
    elif units is not None:
        clauses.append("unit_id = ANY(%s)")
        params.append(units)
    elif "unit_id" in columns:
        clauses.append("unit_id = %s")
        params.append(conditions.region.pk if conditions.region is not None else 0)
    for column, values in conditions.equal.items():
        clauses.append(f"{column} = ANY(%s)")
        params.append(list(values))
    period = "month" if "month" in columns and "month" in conditions.period_columns() else "year"
    if conditions.first is not None:
        clauses.append(f"{period} >= %s")
        params.append(conditions.first)
    if conditions.last is not None:
        clauses.append(f"{period} <= %s")
        params.append(conditions.last)
    for end, start in conditions.occurred_columns() or ():
        if start in columns:
            if conditions.occurred_from is not None:
                clauses.append(f"{end} >= %s")
                params.append(conditions.occurred_from)
            if conditions.occurred_to is not None:
                clauses.append(f"{start} <= %s")
                params.append(conditions.occurred_to)
            break
    return " AND ".join(clauses) or "true", params


def group_statement(grains, conditions, group, part, *, spec, regions, sources, region_in_group=False):
    """(SELECT giving (part, group, value, count), parameters) of one group read from a count table, or None."""
    head = f"SELECT '{part}', '{group}'"
    if group == "total":
        needed, value = set(), "''"
    elif group in spec.choices:
        needed, value = {group}, f"{group}::text"
    elif group == "source":
        needed, value = {spec.source_column}, f"{spec.source_column}::text"
    elif group == "year":
        grain = grain_for(grains, conditions, {"year"}) or grain_for(grains, conditions, {"month"})
        if grain is None:
            return None
        column = "month" if "month" in grain.columns else "year"
        return _grouped(head, grain, conditions, f"extract(year FROM {column})::int::text")
    elif group == "month":
        needed, value = {"month"}, "to_char(month, 'YYYY-MM')"
    elif group == "region":
        ids = [region.pk for region in regions]
        if region_in_group:
            grain = grain_for(grains, conditions, set(), region_in_group=True)
            if grain is None:
                return None
            sql, params = _grouped(head, grain, conditions, "place_id::text", region_in_group=True, extra="place_id = ANY(%s)")
            return sql, [*params, ids]
        grain = grain_for(grains, conditions, {"unit_id"})
        if grain is None or "unit_id" not in grain.columns or conditions.region is not None:
            return None
        condition, params = where(grain, conditions, units=ids)
        statement = (
            f"{head}, unit_id::text, sum(row_count) FROM {grain.table} WHERE {condition} GROUP BY 3 HAVING sum(row_count) > 0"
        )
        return statement, params
    else:
        return None
    grain = grain_for(grains, conditions, needed)
    if grain is None:
        return None
    if group == "total":
        condition, params = where(grain, conditions)
        return f"{head}, '', coalesce(sum(row_count), 0) FROM {grain.table} WHERE {condition}", params
    sql, params = _grouped(head, grain, conditions, value)
    if group == "source":
        condition, where_params = where(grain, conditions)
        distinct = (
            f"SELECT '{part}', 'source_values', '', count(*) FROM (SELECT {spec.source_column} FROM {grain.table}"
            f" WHERE {condition} GROUP BY 1 HAVING sum(row_count) > 0) AS found"
        )
        return f"({sql} ORDER BY 4 DESC, 3 LIMIT {int(sources)}) UNION ALL {distinct}", [*params, *where_params]
    return sql, params


def _grouped(head, grain, conditions, value, *, region_in_group=False, extra=""):
    condition, params = where(grain, conditions, region_in_group=region_in_group)
    if extra:
        condition = f"{condition} AND {extra}"
    return f"{head}, {value}, sum(row_count) FROM {grain.table} WHERE {condition} GROUP BY 3 HAVING sum(row_count) > 0", params


def counted_rows(grains, conditions, columns, *, region_in_group=False):
    """(SQL of rows with `columns` and a `weight`, parameters) read from a count table, or None: for the timeline."""
    grain = grain_for(grains, conditions, set(columns))
    if grain is None:
        return None
    condition, params = where(grain, conditions)
    selected = ", ".join(dict.fromkeys(columns))
    return f"SELECT {selected}, row_count AS weight FROM {grain.table} WHERE {condition}", params


def place_counts(grains, conditions):
    """(grain, SQL condition, parameters) to count claims or articles by place, or None when not held."""
    if conditions.region is not None or conditions.source is not None or not conditions.held:
        return None
    if conditions.occurred_columns() is not None:
        return None
    for grain in grains:
        if "place_id" in grain.columns and set(conditions.equal) <= set(grain.columns):
            if None not in conditions.period_columns():
                return None
            clauses = [f"{column} = ANY(%s)" for column in conditions.equal]
            return grain, " AND ".join(clauses) or "true", [list(values) for values in conditions.equal.values()]
    return None
