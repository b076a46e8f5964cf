"""Every claim names who asserts it: "Claimed by" has one meaning everywhere."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from reports.models import Claim
from tests.factories import ArticleFactory, SourceFactory

BODY = "Russian forces advanced northeast of Lyman, the agency reported."


@pytest.mark.django_db
def test_a_claim_without_a_claimant_cannot_be_saved():
    article = ArticleFactory(body=BODY)

    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.create(article=article, statement="Advance", quote="Russian forces advanced", claimant=None)


@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_each_unattributed_claim_its_publisher_and_keeps_the_others():
    before, after = [("reports", "0010_fill_in_one_statement")], [("reports", "0011_claimant_always_set")]
    unn, isw = SourceFactory(slug="unn", name="UNN"), SourceFactory(slug="isw", name="ISW")
    article = ArticleFactory(body=BODY, publisher=unn)
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO reports_claim (article_id, statement, quote, quote_start, quote_end, claimant_id, asserted_on,"
                " occurred_precision, topic, quantity_unit, status, created_at, updated_at)"
                " VALUES (%s, 'own', 'Russian forces', 0, 14, NULL, '2025-04-02', '', 'other', '', 'unverified', now(), now()),"
                " (%s, 'cited', 'advanced', 15, 23, %s, '2025-04-02', '', 'other', '', 'unverified', now(), now())",
                [article.pk, article.pk, isw.pk],
            )
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(after)
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())

    assert dict(Claim.objects.values_list("statement", "claimant__slug")) == {"own": "unn", "cited": "isw"}
