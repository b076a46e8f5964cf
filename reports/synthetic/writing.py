"""Writing one composed batch of synthetic articles, with their claims and links, into the archive."""

from django.db import connection, transaction

from reports.models import Article, Claim, Source
from reports.services.copying import ids_reserve

ARTICLE_COLUMNS = (
    "id, title, slug, url, published_on, published_time, dateline, language, lead, body, status, sha256, "
    "is_synthetic, created_at, updated_at, publisher_id"
)
CLAIM_COLUMNS = (
    "id, article_id, statement, quote, quote_start, quote_end, claimant_id, asserted_on, occurred_start, occurred_end, "
    "occurred_precision, topic, quantity_value, quantity_unit, status, created_at, updated_at"
)


def synthetic_tables() -> list[str]:
    """The tables a synthetic archive writes to: sources, articles and their links, claims and their links."""
    return [
        Source._meta.db_table, Article._meta.db_table, Article.regions.through._meta.db_table,
        Article.cited_sources.through._meta.db_table, Claim._meta.db_table, Claim.regions.through._meta.db_table,
    ]  # fmt: skip


def batch_write(batch: list, *, refresh_statistics: bool = False) -> tuple[int, int, int, int, int]:
    """COPY one batch of composed articles in one transaction; return the rows written per table.

    `batch` holds what `Composer.article` returns, one per article: the article's row in ARTICLE_COLUMNS
    order without its id, its created_at, its region ids, its cited source ids, and its claims, each a row in
    CLAIM_COLUMNS order without id, article_id, created_at and updated_at, with the claim's region ids. Ids
    are reserved here. The result counts articles, claims, article regions, claim regions and cited sources.

    Links go in before the articles and claims they belong to (foreign keys are checked at commit): the
    archive's triggers copy an article's or claim's links onto its row, and a row inserted after its links
    reads them once, while links added later make the triggers rewrite every row of the batch (and recompute
    its search vector). PostgreSQL plans those triggers' queries and the foreign-key checks once per
    connection, from the tables' statistics; on a nearly empty archive they choose sequential scans that grow
    with the table, so `refresh_statistics` (the first batch) analyzes each table as soon as it is written.
    """
    _, article, article_regions, cited, claim, claim_regions = synthetic_tables()
    with transaction.atomic(), connection.cursor() as cursor:
        # Losing the last batches of synthetic data in a crash costs nothing; waiting for each flush costs time.
        cursor.execute("SET LOCAL synchronous_commit TO off")
        article_ids = ids_reserve(cursor, article, len(batch))
        claim_ids = iter(ids_reserve(cursor, claim, sum(len(claims) for *_, claims in batch)))
        article_rows, claim_rows, article_region_rows, cited_rows, claim_region_rows = [], [], [], [], []
        for article_id, (row, created_at, region_ids, cited_ids, claims) in zip(article_ids, batch, strict=True):
            article_rows.append((article_id, *row))
            article_region_rows += [(article_id, region_id) for region_id in region_ids]
            cited_rows += [(article_id, source_id) for source_id in cited_ids]
            for claim_row, claim_region_ids in claims:
                claim_id = next(claim_ids)
                claim_rows.append((claim_id, article_id, *claim_row, created_at, created_at))
                claim_region_rows += [(claim_id, region_id) for region_id in claim_region_ids]
        for table, columns, rows in (
            (article_regions, "article_id, region_id", article_region_rows),
            (cited, "article_id, source_id", cited_rows),
            (article, ARTICLE_COLUMNS, article_rows),
            (claim_regions, "claim_id, region_id", claim_region_rows),
            (claim, CLAIM_COLUMNS, claim_rows),
        ):
            with cursor.connection.cursor() as raw, raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            if refresh_statistics:
                cursor.execute(f"ANALYZE {table}")
    return len(batch), len(claim_rows), len(article_region_rows), len(claim_region_rows), len(cited_rows)
