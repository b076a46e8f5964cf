from pathlib import Path

from django.db import migrations

SQL = Path(__file__).parent / "sql"


class Migration(migrations.Migration):
    dependencies = [("reports", "0006_claim_is_synthetic")]

    operations = [
        migrations.RunSQL((SQL / "0007_claim_fill_synthetic.sql").read_text(), migrations.RunSQL.noop),
        migrations.RunSQL(
            "UPDATE reports_claim SET id = id WHERE article_id IN (SELECT id FROM reports_article WHERE is_synthetic)",
            migrations.RunSQL.noop,
        ),
    ]
