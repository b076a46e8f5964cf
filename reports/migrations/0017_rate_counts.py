from django.db import migrations

# Request counts of the site-wide rate limit when no CACHE_URL is set: one row per scope and client
# address, shared by every worker and host on this database. Unlogged: losing the counts in a crash
# only resets the limit, and no WAL is written for them.
CREATE = """
CREATE UNLOGGED TABLE reports_rate_count (
    key text PRIMARY KEY,
    window_start bigint NOT NULL,
    hits integer NOT NULL
);
CREATE INDEX reports_rate_count_window ON reports_rate_count (window_start);
"""


class Migration(migrations.Migration):
    dependencies = [("reports", "0016_export_jobs")]

    operations = [migrations.RunSQL(CREATE, "DROP TABLE reports_rate_count")]
