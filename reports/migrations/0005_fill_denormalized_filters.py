from django.db import migrations

# Separate from 0004: the triggers' queued events must not meet 0004's deferred index creation.
FILL = """
UPDATE reports_article SET id = id;
UPDATE reports_claim SET id = id;
"""


class Migration(migrations.Migration):
    dependencies = [("reports", "0004_denormalized_filters")]

    operations = [migrations.RunSQL(FILL, migrations.RunSQL.noop)]
