"""The one SQL statement behind an export: the filtered rows, their columns, their order.

The filtered queryset (with the row's own columns and its sort keys) becomes a subquery; the lists of
linked records (regions, cited sources) join it laterally, one index lookup per row and relation; the
outer query repeats the order, which PostgreSQL keeps from the subquery without sorting twice. For
JSON the outer query renders each row as one JSON object.
"""

import re

from django.db import connection
from django.db.models import F

from reports.exports.columns import LIST_SEPARATOR, REGION_IDENTIFIER_SQL, Column, ListColumn

NAME = re.compile(r"^[a-z][a-z0-9_]*$")
# A CSV cell that starts with = + - @, a tab or a carriage return is read as a formula by spreadsheets
# (=HYPERLINK(…), =cmd|…). Such a cell gets a leading apostrophe, as OWASP recommends, unless it is a
# plain number (-12 or +3.5 in a quantity cannot run anything). JSON keeps every text exact.
FORMULA_SAFE_SQL = (
    r"CASE WHEN left({v}::text, 1) IN ('=', '+', '-', '@', E'\t', E'\r')"
    r" AND {v}::text !~ '^[+-]?[0-9]+(\.[0-9]+)?$' THEN '''' || {v}::text ELSE {v}::text END"
)


def sort_keys(ordering):
    """(expression, descending, nulls) for each term of a queryset ordering such as ("-asserted_on", "-id")."""
    keys = []
    for term in ordering:
        if isinstance(term, str):
            keys.append((F(term.lstrip("-")), term.startswith("-"), ""))
        else:
            nulls = " NULLS LAST" if term.nulls_last else " NULLS FIRST" if term.nulls_first else ""
            keys.append((term.expression, term.descending, nulls))
    return keys


def _aggregate(column: ListColumn, as_json: bool) -> str:
    order = "ORDER BY linked.name, linked.id"
    if as_json:
        return f"array_agg({column.value_sql} {order})"
    # An empty value keeps its place between two separators, so that parallel lists stay aligned.
    return f"string_agg(coalesce(({column.value_sql})::text, ''), '{LIST_SEPARATOR}' {order})"


def export_statement(queryset, ordering, columns, *, as_json: bool):
    """(sql, params) selecting the rows of `queryset` in `ordering`: one text column holding a JSON
    object per row when `as_json`, else one column per entry of `columns`."""
    quote = connection.ops.quote_name
    assert all(NAME.match(column.name) for column in columns)
    keys = sort_keys(ordering)
    selected = {"row_id": F("pk")}
    for index, column in enumerate(columns):
        if isinstance(column, Column):
            selected[f"c{index}"] = column.expression if as_json else column.csv_expression()
    selected.update({f"s{index}": expression for index, (expression, _, _) in enumerate(keys)})
    inner_sql, params = queryset.order_by().values(**selected).query.sql_with_params()

    relations = list(dict.fromkeys(column.linked for column in columns if isinstance(column, ListColumn)))
    joins = []
    for number, linked in enumerate(relations):
        aggregates = ", ".join(
            f"{_aggregate(column, as_json)} AS {quote(column.name)}"
            for column in columns
            if isinstance(column, ListColumn) and column.linked == linked
        )
        joins.append(
            f"LEFT JOIN LATERAL (SELECT {aggregates} FROM {quote(linked.through_table)} AS link "
            f"JOIN {quote(linked.target_table)} AS linked ON linked.id = link.{quote(linked.target_column)} "
            f"WHERE link.{quote(linked.owner_column)} = picked.row_id) AS linked_{number} ON true"
        )

    values = []
    for index, column in enumerate(columns):
        if isinstance(column, Column):
            values.append(f"picked.{quote(f'c{index}')}")
        else:
            value = f"linked_{relations.index(column.linked)}.{quote(column.name)}"
            values.append(f"coalesce({value}, '{{}}')" if as_json else value)
    if as_json:
        pairs = ", ".join(f"'{column.name}', {value}" for column, value in zip(columns, values, strict=True))
        select_list = f"json_build_object({pairs})::text"
    else:
        select_list = ", ".join(FORMULA_SAFE_SQL.format(v=value) for value in values)
    order_by = ", ".join(
        f"picked.{quote(f's{index}')}{' DESC' if descending else ' ASC'}{nulls}"
        for index, (_, descending, nulls) in enumerate(keys)
    )
    sql = f"SELECT {select_list} FROM ({inner_sql}) AS picked {' '.join(joins)} ORDER BY {order_by}"
    return sql, params


def geojson_statement(queryset, ordering, columns):
    """(sql, params) selecting one GeoJSON Feature (as text) per row and region it names, in `ordering`, then
    by region name. The row's own columns are the feature's properties, with the region's identifier, name
    and location precision; a region without a point, or a row without a region (one feature, region null),
    has a null geometry."""
    quote = connection.ops.quote_name
    own = [column for column in columns if isinstance(column, Column)]
    assert all(NAME.match(column.name) for column in own)
    regions = next(column.linked for column in columns if isinstance(column, ListColumn) and column.name == "region_codes")
    keys = sort_keys(ordering)
    selected = {"row_id": F("pk")}
    selected.update({f"c{index}": column.expression for index, column in enumerate(own)})
    selected.update({f"s{index}": expression for index, (expression, _, _) in enumerate(keys)})
    inner_sql, params = queryset.order_by().values(**selected).query.sql_with_params()

    pairs = [f"'{column.name}', picked.{quote(f'c{index}')}" for index, column in enumerate(own)]
    pairs += [
        f"'region_code', {REGION_IDENTIFIER_SQL.replace('linked.', 'place.')}",
        "'region_name', place.name",
        "'location_precision', place.location_precision",
    ]
    geometry = (
        "CASE WHEN place.latitude IS NULL THEN NULL ELSE json_build_object("
        "'type', 'Point', 'coordinates', json_build_array(place.longitude, place.latitude)) END"
    )
    feature = f"json_build_object('type', 'Feature', 'geometry', {geometry}, 'properties', json_build_object({', '.join(pairs)}))"
    # OFFSET 0 keeps the lookup a per-row subquery: flattened into a join, it would have PostgreSQL sort the
    # whole result before sending the first feature, where this way the rows leave in the list's order as read.
    join = (
        f"LEFT JOIN LATERAL (SELECT linked.* FROM {quote(regions.through_table)} AS link "
        f"JOIN {quote(regions.target_table)} AS linked ON linked.id = link.{quote(regions.target_column)} "
        f"WHERE link.{quote(regions.owner_column)} = picked.row_id ORDER BY linked.name, linked.id OFFSET 0) AS place ON true"
    )

    def order_of(table):
        return ", ".join(
            f"{table}.{quote(f's{index}')}{' DESC' if descending else ' ASC'}{nulls}"
            for index, (_, descending, nulls) in enumerate(keys)
        )

    # The rows are put in order before their regions join them (OFFSET 0 keeps that order where it is made), so
    # that the features of one row only are sorted at a time (an incremental sort): the first feature leaves at
    # once, where sorting every feature would hold the whole export back until the last was built.
    picked = f"(SELECT * FROM ({inner_sql}) AS unordered ORDER BY {order_of('unordered')} OFFSET 0)"
    sql = f"SELECT {feature}::text FROM {picked} AS picked {join} ORDER BY {order_of('picked')}, place.name, place.id"
    return sql, params
