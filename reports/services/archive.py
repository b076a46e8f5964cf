"""Integrity of the archive: every article's text still hashes to what was stored when it was saved."""

from django.db import connection

from reports.models import Article

BATCH = 2_000


def archive_altered_articles(*, progress=None):
    """Yield (id, slug) of each article whose text no longer matches its stored SHA-256.

    PostgreSQL hashes the text itself, batch by batch of ids, so the check streams: no text travels
    to Python and memory stays flat however large the archive is. `progress(n)` is told how many
    articles each batch covered.
    """
    table = Article._meta.db_table
    last_id = 0
    with connection.cursor() as cursor:
        while True:
            cursor.execute(
                f"""
                SELECT max(id), count(*),
                       array_agg(id ORDER BY id) FILTER (WHERE sha256 <> encode(sha256(convert_to(body, 'UTF8')), 'hex')),
                       array_agg(slug ORDER BY id) FILTER (WHERE sha256 <> encode(sha256(convert_to(body, 'UTF8')), 'hex'))
                FROM (SELECT id, slug, sha256, body FROM {table} WHERE id > %s ORDER BY id LIMIT %s) AS batch
                """,
                [last_id, BATCH],
            )
            last_in_batch, count, ids, slugs = cursor.fetchone()
            if not count:
                return
            if progress:
                progress(count)
            yield from zip(ids or [], slugs or [], strict=True)
            last_id = last_in_batch
