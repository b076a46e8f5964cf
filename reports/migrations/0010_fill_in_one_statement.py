from pathlib import Path

from django.db import migrations

SQL = Path(__file__).parent / "sql"


class Migration(migrations.Migration):
    dependencies = [("reports", "0009_region_name_triggers")]

    # The functions compute what they computed before, so going back needs no change.
    operations = [migrations.RunSQL((SQL / "0010_fill_in_one_statement.sql").read_text(), migrations.RunSQL.noop)]
