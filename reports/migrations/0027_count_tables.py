"""Count tables: the public claims and articles counted by what the lists filter and group on, kept exact by PostgreSQL.

Each table counts the public rows by a few columns (a "grain"). Statement-level triggers with transition
tables apply every insert, update and delete of claims and articles to each table in the same transaction,
so a count read from them equals `count(*)` over the rows it describes, at any moment. `unit_id` is 0 in one
row set counting every row once, and a first-level region's id in the others (a row that lies in two
first-level units counts under each, never twice in the 0 set). `place_id` is every region a row lies in,
ancestors included; `source_id` every source a row names (publisher, cited source or claimant). A region that
becomes or stops being first-level has its unit rows recounted.

The SQL is written out here, from the frozen description below; later changes go in new migrations.
"""

from django.db import migrations, models

FIRST_LEVEL = "length(path) = 18"  # a path is one 9-character segment per level: country/, then the unit

# Per counted table: its source, which rows are public, the source columns the counts read, and how each
# count column is computed from a source row `r`.
SOURCES = {
    "claim": {
        "table": "reports_claim",
        "public": "is_public",
        "columns": "region_ids, source_ids, topic, status, language, claimant_id, publisher_id, asserted_on,"
        " occurred_start, occurred_end, is_synthetic",
        "expressions": {
            "topic": "r.topic",
            "status": "r.status",
            "language": "r.language",
            "claimant_id": "r.claimant_id",
            "month": "date_trunc('month', r.asserted_on)::date",
            "year": "date_trunc('year', r.asserted_on)::date",
            "occurred_start": "r.occurred_start",
            "occurred_end": "r.occurred_end",
            "is_synthetic": "r.is_synthetic",
        },
    },
    "article": {
        "table": "reports_article",
        "public": "status = 'published'",
        "columns": "region_ids, language, publisher_id, published_on, is_synthetic",
        "expressions": {
            "language": "r.language",
            "publisher_id": "r.publisher_id",
            "month": "date_trunc('month', r.published_on)::date",
            "year": "date_trunc('year', r.published_on)::date",
            "published_on": "r.published_on",
            "is_synthetic": "r.is_synthetic",
        },
    },
}

TYPES = {
    "unit_id": "bigint NOT NULL",
    "place_id": "bigint NOT NULL",
    "source_id": "bigint NOT NULL",
    "topic": "varchar(20)",
    "status": "varchar(12)",
    "language": "varchar(2)",
    "claimant_id": "bigint",
    "publisher_id": "bigint",
    "month": "date",
    "year": "date",
    "occurred_start": "date",
    "occurred_end": "date",
    "published_on": "date",
    "is_synthetic": "boolean NOT NULL",
}

GRAINS = [
    ("claim", "reports_claimcount_kind", ["unit_id", "topic", "status", "language", "month", "is_synthetic"]),
    ("claim", "reports_claimcount_claimant", ["unit_id", "claimant_id", "year", "is_synthetic"]),
    ("claim", "reports_claimcount_period", ["unit_id", "occurred_start", "occurred_end", "is_synthetic"]),
    ("claim", "reports_claimcount_place", ["place_id", "is_synthetic"]),
    ("claim", "reports_claimcount_source_kind", ["source_id", "topic", "status", "language", "month", "is_synthetic"]),
    ("claim", "reports_claimcount_source_claimant", ["source_id", "claimant_id", "year", "is_synthetic"]),
    ("claim", "reports_claimcount_source_unit", ["source_id", "unit_id", "is_synthetic"]),
    ("claim", "reports_claimcount_source_period", ["source_id", "occurred_start", "occurred_end", "is_synthetic"]),
    ("article", "reports_articlecount_kind", ["unit_id", "language", "month", "is_synthetic"]),
    ("article", "reports_articlecount_publisher", ["unit_id", "publisher_id", "year", "is_synthetic"]),
    ("article", "reports_articlecount_day", ["unit_id", "published_on", "is_synthetic"]),
    ("article", "reports_articlecount_place", ["place_id", "is_synthetic"]),
]


# Columns spread over a row's arrays: the row counts once under each value (and unit 0 once for the whole row).
SPREADS = {
    "unit_id": (
        "unnest(0::bigint || r.region_ids) AS unit(id)",
        f"(unit.id = 0 OR unit.id IN (SELECT id FROM reports_region WHERE {FIRST_LEVEL}))",
    ),
    "place_id": ("unnest(r.region_ids) AS place(id)", ""),
    "source_id": ("unnest(r.source_ids) AS source(id)", ""),
}


def added(source, table, dimensions, rows_sql, units=None):
    """One statement adding the signed rows of `rows_sql` (its columns: sign, then the source columns) to `table`.

    `units`: count the unit rows of these units only (an SQL array), instead of every first-level unit and 0.
    """
    expressions = SOURCES[source]["expressions"]
    spreads, conditions, values = [], [], []
    for name in dimensions:
        if name in SPREADS:
            spread, condition = SPREADS[name]
            spreads.append(f" CROSS JOIN LATERAL {spread}")
            alias = spread.rsplit(" AS ", 1)[1].split("(")[0]
            if name == "unit_id" and units:
                condition = f"unit.id = ANY({units})"
            conditions += [condition] if condition else []
            values.append(f"{alias}.id")
        else:
            values.append(expressions[name])
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    positions = ", ".join(str(number) for number in range(1, len(dimensions) + 1))
    columns = ", ".join(dimensions)
    return (
        f"INSERT INTO {table} ({columns}, row_count)"
        f" SELECT {', '.join(values)}, sum(r.sign) FROM ({rows_sql}) AS r{''.join(spreads)}{where}"
        f" GROUP BY {positions} HAVING sum(r.sign) <> 0 ORDER BY {positions}"
        f" ON CONFLICT ({columns}) DO UPDATE SET row_count = {table}.row_count + EXCLUDED.row_count"
    )


def source_sql(source):
    """Tables, triggers and the first count of one source (claims or articles)."""
    described = SOURCES[source]
    grains = [(table, dimensions) for owner, table, dimensions in GRAINS if owner == source]
    columns, public, table_name = described["columns"], described["public"], described["table"]
    inserted = f"SELECT 1 AS sign, {columns} FROM new_rows WHERE {public}"
    deleted = f"SELECT -1 AS sign, {columns} FROM old_rows WHERE {public}"
    statements = []
    for table, dimensions in grains:
        definitions = ", ".join(f"{name} {TYPES[name]}" for name in dimensions)
        statements.append(f"CREATE TABLE {table} ({definitions}, row_count bigint NOT NULL)")
        statements.append(f"CREATE UNIQUE INDEX {table}_key ON {table} ({', '.join(dimensions)}) NULLS NOT DISTINCT")
        everything = f"SELECT 1 AS sign, {columns} FROM {table_name} WHERE {public}"
        statements.append(added(source, table, dimensions, everything))
        statements.append(f"ANALYZE {table}")

    def each(rows_sql):
        return "\n        ".join(added(source, table, dimensions, rows_sql) + ";" for table, dimensions in grains)

    function = f"reports_{source}_counts_changed"
    statements.append(f"""CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        {each(inserted)}
    ELSIF TG_OP = 'DELETE' THEN
        {each(deleted)}
    ELSE
        {each(f"{deleted} UNION ALL {inserted}")}
    END IF;
    RETURN NULL;
END
$$""")
    for event, referencing in [
        ("INSERT", "NEW TABLE AS new_rows"),
        ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
        ("DELETE", "OLD TABLE AS old_rows"),
    ]:
        statements.append(
            f"CREATE TRIGGER {function}_{event.lower()} AFTER {event} ON {table_name}"
            f" REFERENCING {referencing} FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
        )
    emptied = "; ".join(f"DELETE FROM {table}" for table, _dimensions in grains)
    statements.append(
        f"CREATE FUNCTION reports_{source}_counts_emptied() RETURNS trigger LANGUAGE plpgsql AS $$"
        f" BEGIN {emptied}; RETURN NULL; END $$"
    )
    statements.append(
        f"CREATE TRIGGER reports_{source}_counts_emptied AFTER TRUNCATE ON {table_name}"
        f" FOR EACH STATEMENT EXECUTE FUNCTION reports_{source}_counts_emptied()"
    )
    return statements


def recounted_units():
    """A region became or stopped being first-level: its unit rows are dropped and, if it now is one, counted again."""
    body = []
    for source, table, dimensions in GRAINS:
        if "unit_id" not in dimensions:
            continue
        described = SOURCES[source]
        body.append(f"DELETE FROM {table} WHERE unit_id = ANY(changed);")
        rows = (
            f"SELECT 1 AS sign, {described['columns']} FROM {described['table']}"
            f" WHERE {described['public']} AND region_ids && now_first"
        )
        statement = added(source, table, dimensions, rows, units="now_first")
        body.append(f"IF cardinality(now_first) > 0 THEN {statement}; END IF;")
    lines = "\n    ".join(body)
    return f"""CREATE FUNCTION reports_region_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint[];
    now_first bigint[] := '{{}}';
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := ARRAY(SELECT id FROM old_rows WHERE {FIRST_LEVEL});
    ELSE
        changed := ARRAY(
            SELECT new_rows.id FROM new_rows JOIN old_rows ON old_rows.id = new_rows.id
            WHERE (length(old_rows.path) = 18) <> (length(new_rows.path) = 18));
        now_first := ARRAY(SELECT id FROM new_rows WHERE id = ANY(changed) AND {FIRST_LEVEL});
    END IF;
    IF cardinality(changed) = 0 THEN
        RETURN NULL;
    END IF;
    {lines}
    RETURN NULL;
END
$$"""


def forward_sql():
    statements = [f"CREATE INDEX reports_region_first_level ON reports_region (id) WHERE {FIRST_LEVEL}"]
    statements += source_sql("claim") + source_sql("article")
    statements.append(recounted_units())
    statements.append(
        "CREATE TRIGGER reports_region_counts_updated AFTER UPDATE ON reports_region"
        " REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT"
        " EXECUTE FUNCTION reports_region_counts_changed()"
    )
    statements.append(
        "CREATE TRIGGER reports_region_counts_deleted AFTER DELETE ON reports_region"
        " REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION reports_region_counts_changed()"
    )
    return statements


def reverse_sql():
    statements = [
        "DROP TRIGGER IF EXISTS reports_region_counts_updated ON reports_region",
        "DROP TRIGGER IF EXISTS reports_region_counts_deleted ON reports_region",
        "DROP FUNCTION IF EXISTS reports_region_counts_changed()",
    ]
    for source in SOURCES:
        table = SOURCES[source]["table"]
        for event in ("insert", "update", "delete"):
            statements.append(f"DROP TRIGGER IF EXISTS reports_{source}_counts_changed_{event} ON {table}")
        statements.append(f"DROP TRIGGER IF EXISTS reports_{source}_counts_emptied ON {table}")
        statements += [f"DROP FUNCTION IF EXISTS reports_{source}_counts_changed()", f"DROP FUNCTION IF EXISTS reports_{source}_counts_emptied()"]
    statements += [f"DROP TABLE IF EXISTS {table}" for _source, table, _dimensions in GRAINS]
    statements.append("DROP INDEX IF EXISTS reports_region_first_level")
    return statements


class Migration(migrations.Migration):
    dependencies = [("reports", "0026_region_name_upper_indexes")]

    operations = [
        migrations.RunSQL(forward_sql(), reverse_sql()),
        # Counting an occurred range, which the count tables do not hold, reads this index alone.
        migrations.RemoveIndex(model_name="claim", name="claim_occurred_end"),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(
                condition=models.Q(("is_public", True)),
                fields=["occurred_end"],
                include=(
                    "occurred_start",
                    "topic",
                    "status",
                    "language",
                    "asserted_on",
                    "claimant",
                    "is_synthetic",
                    "region_ids",
                ),
                name="claim_occurred_end_counted",
            ),
        ),
    ]
