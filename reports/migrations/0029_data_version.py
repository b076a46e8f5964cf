"""The archive's data version, kept by PostgreSQL: cached counts are keyed by it.

One row holds a number that every statement writing what a reader is shown replaces with a new one from a
sequence, in the writing transaction: a statement touching public claims or published articles (the counts
and lists), and any statement on sources or regions (their names and the tree). A reader reads the number
before it counts; a count cached under it can only be as old as that number, and the first read after a
commit, from any process or host, finds a new number and counts afresh. Numbers come from a sequence, which
a rollback does not return: a number seen inside a transaction that rolled back is never used again.
The SQL is written out here and frozen; later changes go in new migrations.
"""

from django.db import migrations

SET_VERSION = (
    "INSERT INTO reports_dataversion (id, version) VALUES (1, nextval('reports_data_version_seq'))"
    " ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version"
)

FORWARD = [
    "CREATE SEQUENCE reports_data_version_seq",
    "CREATE TABLE reports_dataversion (id smallint PRIMARY KEY CHECK (id = 1), version bigint NOT NULL)",
    SET_VERSION,
    f"""CREATE FUNCTION reports_data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {SET_VERSION};
    RETURN NULL;
END
$$""",
]
BACKWARD = []

# Claims and articles: only a statement touching a row the public sees; the importer's suggestions and drafts
# change nothing a reader is shown, and its writer threads would otherwise queue on the version's row.
for table, public in [("reports_claim", "is_public"), ("reports_article", "status = 'published'")]:
    function = f"{table}_version_bump"
    FORWARD.append(f"""CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Each branch names only the transition tables its event has.
    IF TG_OP = 'INSERT' THEN
        IF EXISTS (SELECT 1 FROM new_rows WHERE {public}) THEN {SET_VERSION}; END IF;
    ELSIF TG_OP = 'DELETE' THEN
        IF EXISTS (SELECT 1 FROM old_rows WHERE {public}) THEN {SET_VERSION}; END IF;
    ELSIF EXISTS (SELECT 1 FROM new_rows WHERE {public}) OR EXISTS (SELECT 1 FROM old_rows WHERE {public}) THEN
        {SET_VERSION};
    END IF;
    RETURN NULL;
END
$$""")
    for event, referencing in [
        ("INSERT", "NEW TABLE AS new_rows"),
        ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
        ("DELETE", "OLD TABLE AS old_rows"),
    ]:
        FORWARD.append(
            f"CREATE TRIGGER {function}_{event.lower()} AFTER {event} ON {table}"
            f" REFERENCING {referencing} FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
        )
    FORWARD.append(
        f"CREATE TRIGGER {table}_version_bump_truncate AFTER TRUNCATE ON {table}"
        " FOR EACH STATEMENT EXECUTE FUNCTION reports_data_version_bump()"
    )
    BACKWARD += [f"DROP TRIGGER {function}_{event} ON {table}" for event in ("insert", "update", "delete")]
    BACKWARD += [f"DROP TRIGGER {table}_version_bump_truncate ON {table}", f"DROP FUNCTION {function}()"]

for table in ["reports_source", "reports_region"]:
    FORWARD.append(
        f"CREATE TRIGGER {table}_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}"
        " FOR EACH STATEMENT EXECUTE FUNCTION reports_data_version_bump()"
    )
    BACKWARD.append(f"DROP TRIGGER {table}_version_bump ON {table}")

BACKWARD += [
    "DROP FUNCTION reports_data_version_bump()",
    "DROP TABLE reports_dataversion",
    "DROP SEQUENCE reports_data_version_seq",
]


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0028_occurred_count_tables"),
    ]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
