"""Writing one composed batch of synthetic articles, with their claims and links, into the archive."""

from django.db import connection, transaction

from reports.models import Article, Claim, Source
from reports.services.copying import ids_reserve, records_copy, rows_copy

ARTICLE_COLUMNS = (
    "id", "title", "slug", "url", "published_on", "published_time", "dateline", "language", "lead", "body", "status",
    "sha256", "is_synthetic", "created_at", "updated_at", "publisher_id",
)  # fmt: skip
CLAIM_COLUMNS = (
    "id", "article_id", "statement", "quote", "quote_start", "quote_end", "claimant_id", "asserted_on", "occurred_start",
    "occurred_end", "occurred_precision", "topic", "quantity_value", "quantity_unit", "status", "created_at", "updated_at",
)  # fmt: skip


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

    The batch goes through the archive's one bulk writer (reports/services/copying.py): links before the
    articles and claims they belong to (foreign keys are checked at commit), so that PostgreSQL computes each
    row's copied filter columns once, as it goes in. PostgreSQL plans those statements and the foreign-key
    checks once per connection, from the tables' statistics; on a nearly empty archive they choose sequential
    scans that grow with the table, so `refresh_statistics` (the first batch) analyzes each table as soon as
    it is written.
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
        for table, columns, rows, write in (
            (article_regions, ("article_id", "region_id"), article_region_rows, rows_copy),
            (cited, ("article_id", "source_id"), cited_rows, rows_copy),
            (article, ARTICLE_COLUMNS, article_rows, records_copy),
            (claim_regions, ("claim_id", "region_id"), claim_region_rows, rows_copy),
            (claim, CLAIM_COLUMNS, claim_rows, records_copy),
        ):
            write(cursor, table, columns, rows)
            if refresh_statistics:
                cursor.execute(f"ANALYZE {table}")
    return len(batch), len(claim_rows), len(article_region_rows), len(claim_region_rows), len(cited_rows)
