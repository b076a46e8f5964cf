"""Count tables by occurred month: a claims list narrowed to an occurred range on whole months reads its counts here.

A claim matches an occurred range from F to T when its period ends on or after F and begins on or before T.
When F is the first day of a month and T the last day of one, that is the same as its period ending in F's
month or later and beginning in T's month or earlier. The tables below count the public claims by the months
their period begins and ends in, beside the facets' columns, and so answer whole-month ranges (either bound
alone or both) exactly. Undated claims have no month (NULL, a value of its own in the unique keys) and match
no range.

They are kept by 0027's triggers: its trigger functions are replaced by ones that count into these tables
too. The SQL comes from 0027's own builders, run on a copy of its frozen description extended by the two
month columns and these tables, so that what 0027 wrote stays as it was and this migration stays as it is.
"""

import importlib.util

from django.db import migrations

MONTHS = {
    "occurred_start_month": "date_trunc('month', r.occurred_start)::date",
    "occurred_end_month": "date_trunc('month', r.occurred_end)::date",
}

GRAINS = [
    (
        "claim",
        "reports_claimcount_occurred_kind",
        ["unit_id", "occurred_end_month", "occurred_start_month", "topic", "status", "language", "month", "is_synthetic"],
    ),
    (
        "claim",
        "reports_claimcount_occurred_claimant",
        ["unit_id", "occurred_end_month", "occurred_start_month", "claimant_id", "year", "is_synthetic"],
    ),
]


def described(grains):
    """0027's builders in a module of their own, their description counting `grains` besides 0027's tables."""
    spec = importlib.util.find_spec("reports.migrations.0027_count_tables")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.SOURCES["claim"]["expressions"].update(MONTHS)
    module.TYPES.update(dict.fromkeys(MONTHS, "date"))
    module.GRAINS = [*module.GRAINS, *grains]
    return module


def trigger_functions(module):
    """The functions the claims' and the regions' count triggers call, as the description in `module` builds them."""
    functions = [statement for statement in module.source_sql("claim") if statement.startswith("CREATE FUNCTION")]
    functions.append(module.recounted_units())
    return [statement.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1) for statement in functions]


def forward_sql():
    module = described(GRAINS)
    claims = module.SOURCES["claim"]
    # No write may fall between the first count and the new functions: it would be missed by these tables.
    statements = ["LOCK TABLE reports_claim, reports_region IN SHARE MODE"]
    everything = f"SELECT 1 AS sign, {claims['columns']} FROM {claims['table']} WHERE {claims['public']}"
    for source, table, dimensions in GRAINS:
        definitions = ", ".join(f"{name} {module.TYPES[name]}" for name in dimensions)
        statements.append(f"CREATE TABLE {table} ({definitions}, row_count bigint NOT NULL)")
        statements.append(f"CREATE UNIQUE INDEX {table}_key ON {table} ({', '.join(dimensions)}) NULLS NOT DISTINCT")
        statements.append(module.added(source, table, dimensions, everything))
        statements.append(f"ANALYZE {table}")
    return statements + trigger_functions(module)


def reverse_sql():
    statements = trigger_functions(described([]))
    return statements + [f"DROP TABLE IF EXISTS {table}" for _source, table, _dimensions in GRAINS]


class Migration(migrations.Migration):
    dependencies = [("reports", "0027_count_tables")]

    operations = [migrations.RunSQL(forward_sql(), reverse_sql())]
