"""A small count table of claims by kind and year: what the broad lists read most, in a few thousand rows.

The claims' kind table (0027) counts by asserted month, so the lists with no date range, or a range on whole
years, summed about 15,000 of its rows per facet at 1,000,000 claims (and one pass over all its units for
"Where"). By year instead of month the same counts take a twelfth of the rows; the month table still answers
ranges on whole months and the months facet. Kept by the count triggers, as 0028 extends them.
"""

import importlib

from django.db import migrations

GRAINS = [("claim", "reports_claimcount_kind_year", ["unit_id", "topic", "status", "language", "year", "is_synthetic"])]

occurred = importlib.import_module("reports.migrations.0028_occurred_count_tables")


def forward_sql():
    module = occurred.described([*occurred.GRAINS, *GRAINS])
    claims = module.SOURCES["claim"]
    # No write may fall between the first count and the new functions: it would be missed by this table.
    statements = ["LOCK TABLE reports_claim, reports_region IN SHARE MODE"]
    everything = f"SELECT 1 AS sign, {claims['columns']} FROM {claims['table']} WHERE {claims['public']}"
    for source, table, dimensions in GRAINS:
        definitions = ", ".join(f"{name} {module.TYPES[name]}" for name in dimensions)
        statements.append(f"CREATE TABLE {table} ({definitions}, row_count bigint NOT NULL)")
        statements.append(f"CREATE UNIQUE INDEX {table}_key ON {table} ({', '.join(dimensions)}) NULLS NOT DISTINCT")
        statements.append(module.added(source, table, dimensions, everything))
        statements.append(f"ANALYZE {table}")
    return statements + occurred.trigger_functions(module)


def reverse_sql():
    statements = occurred.trigger_functions(occurred.described(occurred.GRAINS))
    return statements + [f"DROP TABLE IF EXISTS {table}" for _source, table, _dimensions in GRAINS]


class Migration(migrations.Migration):
    dependencies = [("reports", "0029_data_version")]

    operations = [migrations.RunSQL(forward_sql(), reverse_sql())]
