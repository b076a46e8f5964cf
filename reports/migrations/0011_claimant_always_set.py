"""Every claim names who asserts it: where nobody else was named, the publisher states it itself.

Until now an empty claimant meant "the publisher", and every reader of the column had to remember it.
"""

import django.db.models.deletion
from django.db import migrations, models

HELP = (
    "Who asserts it (ISW), which may differ from the publisher who reports it (UNN). "
    "When the publisher states it itself, choose the publisher."
)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0010_fill_in_one_statement"),
    ]

    operations = [
        migrations.RunSQL(
            """
            UPDATE reports_claim AS claim SET claimant_id = article.publisher_id
            FROM reports_article AS article
            WHERE article.id = claim.article_id AND claim.claimant_id IS NULL
            """,
            reverse_sql=migrations.RunSQL.noop,
        ),
        migrations.AlterField(
            model_name="claim",
            name="claimant",
            field=models.ForeignKey(
                help_text=HELP,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="claims",
                to="reports.source",
                verbose_name="claimant",
            ),
        ),
        migrations.AlterField(
            model_name="historicalclaim",
            name="claimant",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text=HELP,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="reports.source",
                verbose_name="claimant",
            ),
        ),
    ]
