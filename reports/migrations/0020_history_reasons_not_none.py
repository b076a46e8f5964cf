from django.db import migrations


def reasons_emptied(apps, schema_editor):
    """Versions saved without a reason get an empty one, as the receiver in reports/signals.py now gives new ones."""
    with schema_editor.connection.cursor() as cursor:
        for model in apps.get_app_config("reports").get_models():
            if any(field.name == "history_change_reason" for field in model._meta.get_fields()):
                table = schema_editor.quote_name(model._meta.db_table)
                cursor.execute(f"UPDATE {table} SET history_change_reason = '' WHERE history_change_reason IS NULL")


class Migration(migrations.Migration):
    dependencies = [("reports", "0019_claim_quote_in_lead")]

    operations = [migrations.RunPython(reasons_emptied, migrations.RunPython.noop)]
