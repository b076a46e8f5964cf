"""Running an import: records read ahead, analysed by worker processes, and written by batches.

New articles go in by batches, each batch in one transaction written with COPY (import_batches.py). Three
stages overlap: a thread reads and checks the next records, worker processes find places and claims in the
next batch (analysers.py), and the batches before are written. For a large import outside a transaction, two
batches are written at once, each on a database connection of its own, so that two PostgreSQL processes share
the indexing.

What a batch cannot take goes through `article_import`, one article per transaction, in file order and with
no batch being written meanwhile: a record that updates an article, one that names a source the archive
does not know yet (created with the article), one that repeats an earlier record of its batch or of a batch
being written, and every article of a batch PostgreSQL refused, so that only the bad one fails and the good
ones are imported.
"""

import gc
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager, nullcontext

from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction

from reports.importers.formats import ArticleRecord, RecordError
from reports.models import Article
from reports.services.analysers import analyser_started
from reports.services.import_batches import NewArticle, new_articles_write
from reports.services.import_threads import Writers, checked_ahead, writers_started
from reports.services.importing import (
    CREATED,
    IMPORTED,
    ImportContext,
    ImportOutcome,
    ImportSummary,
    ambiguous_names,
    article_import_reported,
    article_values,
    slug_wished,
    source_known,
    validation_reason,
)

BATCH_ARTICLES = 200  # new articles per transaction: large enough that statements per article vanish
WRITERS = 2  # batches written at once, each on a connection of its own

# A record after checking: the error to report (RecordError), a record to import alone, in its own
# transaction (ArticleRecord), or an article ready to be written with its batch (NewArticle).
CheckedRecord = ArticleRecord | RecordError | NewArticle


def articles_import(
    *,
    records: Iterable[ArticleRecord | RecordError],
    context: ImportContext,
    dry_run: bool = False,
    progress: Callable[[ImportOutcome | None], None] | None = None,
    workers: int = 0,
    batch_size: int = BATCH_ARTICLES,
) -> ImportSummary:
    """Import every good record and count and describe the bad ones; no article is ever half-written.

    `workers` processes (0: none) find places and claims in the next batch while the batches before are
    written; with workers, outside a transaction, two batches are written at once. With dry_run, everything
    runs in one transaction (so the counts and errors are real) that is rolled back at the end.
    """
    summary = ImportSummary()
    concurrent = workers > 0 and not dry_run and not connection.in_atomic_block
    analysing = analyser_started(regions=context.regions, sources=context.sources, added=context.added, workers=workers)
    checking = checked_ahead(
        records, size=batch_size, check=lambda record: record_check(record, context), sources_created=lambda: list(context.added)
    )
    writing = writers_started(WRITERS if concurrent else 0)
    with (
        _collector_spared(),
        analysing as analyser,
        checking as checked_batches,
        writing as writers,
        transaction.atomic() if dry_run else nullcontext(),
    ):
        dispatcher = _BatchDispatcher(context, summary, progress, writers)
        previous = None  # the previous batch with its analysis, which may still be running
        for batch, sources in checked_batches:
            current = (batch, analyser.submit(_new_articles(batch)))
            if previous:
                dispatcher.dispatch(*previous)
                if context.added != sources:  # sources were created since this batch was checked: its texts may name them
                    current = (batch, analyser.submit(_new_articles(batch)))
            previous = current
        if previous:
            dispatcher.dispatch(*previous)
        dispatcher.drain()
        if dry_run:
            transaction.set_rollback(True)
    return summary


@contextmanager
def _collector_spared() -> Iterator[None]:
    """Keep Python's cycle collector off the objects that exist before the run, for the length of the run.

    The matchers of 30,000 regions are millions of objects, which every full collection would walk again, in
    this process and in each forked worker (where walking them also copies their memory pages). What exists
    is collected as usual again when the run ends.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class _BatchDispatcher:
    """Writes each batch now, or hands it to the writers, and reports every record in file order."""

    def __init__(self, context: ImportContext, summary: ImportSummary, progress, writers: "Writers | None"):
        self.context, self.summary, self.progress, self.writers = context, summary, progress, writers
        # Batches the writers have, oldest first: (checked records, new articles by number, their keys, claim counts).
        self.in_flight: deque[tuple[list, dict, set, Future]] = deque()

    def dispatch(self, batch: list[CheckedRecord], await_analysis: Callable[[], None]) -> None:
        """Sort the batch's records into new articles and the rest, then write it or hand it over."""
        await_analysis()
        first_creating = next(
            (number for number, checked in enumerate(batch) if _creates_sources(checked, self.context)), len(batch)
        )
        # After a record that creates a source, texts may name it: they are analysed again, one by one.
        batch[first_creating:] = [_alone(checked) for checked in batch[first_creating:]]
        new_articles = {number: checked for number, checked in enumerate(batch) if isinstance(checked, NewArticle)}
        keys_in_flight = set().union(*(keys for _, _, keys, _ in self.in_flight))
        for number in _duplicate_numbers(new_articles, keys_in_flight):
            batch[number] = new_articles.pop(number).record
        any_alone = any(isinstance(checked, ArticleRecord) for checked in batch)
        if self.writers is None or any_alone:
            self.drain()  # one-at-a-time imports must see every batch before them written
            self._report(batch, new_articles, _write_catching_refusal(new_articles, self.context))
            return
        keys = {key for new in new_articles.values() for key in _identity_keys(new.record, new.article.publisher_id)}
        claim_counts = self.writers.submit(_write_catching_refusal, new_articles, self.context)
        self.in_flight.append((batch, new_articles, keys, claim_counts))
        while len(self.in_flight) > WRITERS:
            self._report_oldest()

    def drain(self) -> None:
        while self.in_flight:
            self._report_oldest()

    def _report_oldest(self) -> None:
        batch, new_articles, _, future = self.in_flight.popleft()
        claim_counts = future.result()
        if isinstance(claim_counts, Exception):
            for *_, later in self.in_flight:  # its articles are imported again alone: let the writers finish first
                later.exception()
        self._report(batch, new_articles, claim_counts)

    def _report(self, batch: list[CheckedRecord], new_articles: dict, claim_counts: list[int] | Exception) -> None:
        outcomes = {}
        if isinstance(claim_counts, Exception):
            batch = [_alone(checked) for checked in batch]  # find the bad one alone
        else:
            for (number, new), claims in zip(new_articles.items(), claim_counts, strict=True):
                analysis = new.analysis
                outcomes[number] = ImportOutcome(CREATED, new.article, claims, len(analysis.regions), ambiguous_names(analysis))
        for number, checked in enumerate(batch):
            if isinstance(checked, RecordError):
                self.summary.fail(str(checked))
                outcome = None
            elif number in outcomes:
                outcome = outcomes[number]
                self.summary.add(outcome)
            else:
                outcome = article_import_reported(checked, self.context, self.summary)
            if self.progress:
                self.progress(outcome)


def _write_catching_refusal(new_articles: dict[int, NewArticle], context: ImportContext) -> list[int] | Exception:
    """Write the new articles; the claims added to each, or what PostgreSQL (or a quote's check) refused."""
    if not new_articles:
        return []
    try:
        return new_articles_write(items=list(new_articles.values()), user=context.user, reason=IMPORTED)
    except (DatabaseError, ValidationError) as error:
        return error


def record_check(record: ArticleRecord | RecordError, context: ImportContext) -> CheckedRecord:
    """What to do with a record: report it, import it alone (returned as it is), or write it with its batch."""
    if isinstance(record, RecordError):
        return record
    publisher = source_known(record.publisher, context)
    cited = [source_known(name, context) for name in record.cited]
    if publisher is None or None in cited:
        return record  # a source to create, with the article, in the article's transaction
    article = Article(
        **article_values(record, publisher), slug=slug_wished(record), status=context.status, created_by=context.user
    )
    try:
        # The sources come from the archive: checking that they exist would cost a query per article.
        article.full_clean(exclude=["publisher", "created_by"], validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        return RecordError(record.origin, None, validation_reason(error))
    return NewArticle(record, article, cited)


def _new_articles(batch: list[CheckedRecord]) -> list[NewArticle]:
    return [checked for checked in batch if isinstance(checked, NewArticle)]


def _alone(checked: CheckedRecord) -> ArticleRecord | RecordError:
    """The record to import in its own transaction (or the error to report) instead of with its batch."""
    return checked.record if isinstance(checked, NewArticle) else checked


def _creates_sources(checked: CheckedRecord, context: ImportContext) -> bool:
    if not isinstance(checked, ArticleRecord):
        return False
    return any(source_known(name, context) is None for name in (checked.publisher, *checked.cited))


def _duplicate_numbers(new_articles: dict[int, NewArticle], keys_in_flight: set[tuple]) -> list[int]:
    """Which of `new_articles` an archived article, an earlier record of the batch or a batch being written stands for."""
    first_with_key: dict[tuple, int] = {}  # key → number of the first record with it
    duplicates = set()
    for number, new in new_articles.items():
        for key in _identity_keys(new.record, new.article.publisher_id):
            if key in first_with_key or key in keys_in_flight:
                duplicates.add(number)
            first_with_key.setdefault(key, number)
    archived = _archived(
        [new.record.url for new in new_articles.values() if new.record.url],
        [(new.article.publisher_id, new.record.published_on, new.record.title) for new in new_articles.values()],
    )
    for url, publisher_id, published_on, title in archived:
        for key in (("url", url), ("same", publisher_id, published_on, title)):
            if key in first_with_key:
                duplicates.add(first_with_key[key])
    return sorted(duplicates)


def _archived(urls: list[str], same: list[tuple]) -> list[tuple]:
    """(url, publisher, date, title) of archived articles with one of `urls` or one of the (publisher, date, title)."""
    table = Article._meta.db_table
    publishers, dates, titles = (list(column) for column in zip(*same, strict=True)) if same else ([], [], [])
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT url, publisher_id, published_on, title FROM {table} WHERE url = ANY(%s)
            UNION
            SELECT article.url, article.publisher_id, article.published_on, article.title
            FROM {table} article
            JOIN unnest(%s::bigint[], %s::date[], %s::text[]) AS wanted (publisher_id, published_on, title)
                ON article.publisher_id = wanted.publisher_id
                AND article.published_on = wanted.published_on
                AND article.title = wanted.title
            """,
            [urls, publishers, dates, titles],
        )
        return cursor.fetchall()


def _identity_keys(record: ArticleRecord, publisher_id: int) -> list[tuple]:
    """What makes two records the same article: the same address, or the same publisher, day and title."""
    same = ("same", publisher_id, record.published_on, record.title)
    return [("url", record.url), same] if record.url else [same]
