"""Removing a synthetic archive: its articles with their claims and links, and the sources nothing real uses."""

from django.db import connection, transaction

from reports.models import Article, ClaimLink
from reports.synthetic.writing import synthetic_tables


def synthetic_delete() -> tuple[int, int]:
    """Delete synthetic articles with their claims and links, then the synthetic sources nothing real uses.

    Parents and their link rows go in one statement each (foreign keys are checked at commit): the link
    tables' triggers then find no article or claim left to refresh, instead of rewriting every row first.
    """
    source, article, _, cited, claim, claim_regions = synthetic_tables()
    synthetic_claims = f"SELECT c.id FROM {claim} c JOIN {article} a ON a.id = c.article_id WHERE a.is_synthetic"
    article_links = [(field.remote_field.through._meta.db_table, field.m2m_column_name()) for field in Article._meta.many_to_many]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"WITH doomed AS ({synthetic_claims}),"
            f" links AS (DELETE FROM {ClaimLink._meta.db_table}"
            f" WHERE from_claim_id IN (SELECT id FROM doomed) OR to_claim_id IN (SELECT id FROM doomed)),"
            f" regions AS (DELETE FROM {claim_regions} WHERE claim_id IN (SELECT id FROM doomed))"
            f" DELETE FROM {claim} WHERE id IN (SELECT id FROM doomed)"
        )
        links = ", ".join(
            f"links_{number} AS (DELETE FROM {table} m USING {article} a WHERE a.id = m.{column} AND a.is_synthetic)"
            for number, (table, column) in enumerate(article_links)
        )
        cursor.execute(f"WITH {links} DELETE FROM {article} WHERE is_synthetic")
        deleted_articles = cursor.rowcount
        # A synthetic source that real data refers to (an editor's slip) stays rather than failing the run.
        cursor.execute(
            f"DELETE FROM {source} s WHERE s.is_synthetic"
            f" AND NOT EXISTS (SELECT 1 FROM {article} WHERE publisher_id = s.id)"
            f" AND NOT EXISTS (SELECT 1 FROM {cited} WHERE source_id = s.id)"
            f" AND NOT EXISTS (SELECT 1 FROM {claim} WHERE claimant_id = s.id)"
        )
        return deleted_articles, cursor.rowcount
