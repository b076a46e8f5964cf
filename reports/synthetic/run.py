"""One run of the generator: its options, its batches (composed here, written on two connections), its result."""

import random
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from django.db import connection

from reports.models import Article, Region, Source
from reports.synthetic.composing import Composer
from reports.synthetic.deleting import synthetic_delete
from reports.synthetic.phrasing import Place
from reports.synthetic.sources import voices_prepare
from reports.synthetic.writing import batch_write, synthetic_tables

BATCH_ARTICLES = 5000
WRITERS = 2


class SyntheticArchiveError(Exception):
    """The synthetic archive cannot be generated as asked; the message says what to do."""


@dataclass(frozen=True)
class GenerateResult:
    articles: int
    claims: int
    article_regions: int
    claim_regions: int
    cited_sources: int
    sources_created: int
    deleted_articles: int
    deleted_sources: int
    seconds: float

    @property
    def rows(self) -> int:
        return self.articles + self.claims + self.article_regions + self.claim_regions + self.cited_sources


def archive_generate(
    *, articles: int, seed: int, replace: bool = False, progress: Callable[[int], None] | None = None
) -> GenerateResult:
    """Generate `articles` synthetic articles with their claims, regions and cited sources.

    The same seed and number give the same titles, texts, quotes and choices on an archive without synthetic
    data (ids may differ). `replace` first deletes every synthetic article (with its claims) and source;
    otherwise the new articles follow the existing synthetic ones. Publishers and claimants are synthetic
    sources (created once, reused by later runs) and the real sources already in the archive; regions come
    from the gazetteer, which must be loaded. Each batch of articles is committed on its own (outside a
    transaction, by two connections at once), and `progress(n)` is called after it with its number of articles.
    """
    if articles <= 0:
        raise SyntheticArchiveError("the number of articles must be positive")
    started = time.monotonic()
    places = [Place(*row) for row in Region.objects.order_by("slug").values_list(*Place.__slots__[:5], "path", "aliases")]
    if not places:
        raise SyntheticArchiveError("the archive has no regions: run load_gazetteer first")
    deleted_articles, deleted_sources = synthetic_delete() if replace else (0, 0)
    publishers, claimants, sources_created = voices_prepare(articles=articles)
    composer = Composer(random.Random(seed), places, publishers, claimants)
    batches = _compose(composer, _last_article_number(), articles)
    totals = [0] * 5

    def tally(size: int, counts: tuple) -> None:
        totals[:] = [total + count for total, count in zip(totals, counts, strict=True)]
        if progress:
            progress(size)

    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Region._meta.db_table}, {Source._meta.db_table}")
    first = next(batches)
    tally(len(first), batch_write(first, refresh_statistics=True))
    if connection.in_atomic_block:
        # Inside the caller's transaction only this connection sees its rows (the regions, the sources).
        for batch in batches:
            tally(len(batch), batch_write(batch))
    else:
        _write_concurrently(batches, tally)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {', '.join(synthetic_tables())}")
    return GenerateResult(*totals, sources_created, deleted_articles, deleted_sources, time.monotonic() - started)


def _compose(composer: Composer, last_number: int, articles: int) -> Iterator[list]:
    """Batches of articles, composed one after the other so that the seed alone decides their content."""
    for start in range(0, articles, BATCH_ARTICLES):
        yield [composer.article(last_number + start + i + 1) for i in range(min(BATCH_ARTICLES, articles - start))]


def _write_concurrently(batches: Iterator[list], tally: Callable[[int, tuple], None]) -> None:
    """Write batches on WRITERS connections at once, while this thread composes the next batch.

    PostgreSQL does most of the work (search vectors, triggers, indexes) and a connection uses one core:
    two of them keep two cores busy. At most WRITERS batches wait in memory.
    """
    pending = deque()
    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        for batch in batches:
            pending.append((len(batch), pool.submit(_write_on_own_connection, batch)))
            if len(pending) >= WRITERS:
                size, future = pending.popleft()
                tally(size, future.result())
        while pending:
            size, future = pending.popleft()
            tally(size, future.result())


def _write_on_own_connection(batch: list) -> tuple:
    try:
        return batch_write(batch)
    finally:
        connection.close()  # this worker thread's own connection; the next batch opens a fresh one


def _last_article_number() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT coalesce(max(substring(slug FROM '^synthetic-([0-9]+)$')::bigint), 0)"
            f" FROM {Article._meta.db_table} WHERE is_synthetic"
        )
        return cursor.fetchone()[0]
