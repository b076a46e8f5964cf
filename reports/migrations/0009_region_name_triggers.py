from pathlib import Path

from django.db import migrations

SQL = Path(__file__).parent / "sql"

REVERSE = """
DROP TRIGGER IF EXISTS reports_region_names_inserted ON reports_region;
DROP TRIGGER IF EXISTS reports_region_names_updated ON reports_region;
DROP FUNCTION IF EXISTS reports_region_names_refresh();
DELETE FROM reports_regionname;
"""


class Migration(migrations.Migration):
    dependencies = [("reports", "0008_region_names")]

    operations = [migrations.RunSQL((SQL / "0009_region_names.sql").read_text(), REVERSE)]
