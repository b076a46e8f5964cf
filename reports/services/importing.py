"""Importing raw articles into the archive, with suggested regions and claims for editors to review.

The importers (reports/importers/) read files and find places and claims; here their plain records become
articles. Importing is idempotent: an article already archived (same URL, or same publisher, date and
title) with the same text is left alone; a changed text updates it through history, so the earlier text
stays recoverable, and only what the new text adds is suggested again.

New articles go in by batches, each batch in one transaction written with COPY (import_batches.py), and,
for large imports, analysed by worker processes while the previous batch is written (analysers.py). What a
batch cannot take goes through `article_import`, one article per transaction: a record that updates an
article, one that names a source the archive does not know yet (created with the article), one that repeats
an earlier record of its batch, and every article of a batch PostgreSQL refused, so that only the bad one
fails and the good ones are imported.
"""

import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from itertools import islice

from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext

from reports.importers.analysis import Analysis, SourceName, analyse, is_prominent, source_matcher
from reports.importers.formats import ArticleRecord, RecordError
from reports.importers.phrases import PhraseMatcher
from reports.importers.regions import GazetteerEntry, RegionMatcher
from reports.importers.text import guess_language
from reports.models import Article, Claim, Region, Source
from reports.models.regions import SEGMENT_WIDTH
from reports.services.analysers import analyser_started
from reports.services.import_batches import NewArticle, new_articles_write, slug_unique, suggested_claims_write
from reports.services.transliteration import transliterate

CREATED, UPDATED, UNCHANGED, FAILED = "created", "updated", "unchanged", "failed"
IMPORTED = "Imported"
REIMPORTED = "Imported again: the text changed"
BATCH_ARTICLES = 200  # new articles per transaction: large enough that statements per article vanish
PLANNED_AHEAD = 2  # batches read and checked while the one before is written


@dataclass
class ImportContext:
    """What every article of a run shares: the matchers, the known sources, who imports, and as what."""

    regions: RegionMatcher
    sources: PhraseMatcher
    known: dict[str, Source]  # by folded name, short name and alias
    user: object = None
    status: str = Article.Status.PUBLISHED
    added: list[tuple[str, int]] = field(default_factory=list)  # sources created by this run, for the workers


@dataclass
class ImportOutcome:
    outcome: str
    article: Article
    claims: int = 0  # suggested claims added
    regions: int = 0  # suggested regions added
    ambiguous: tuple[str, ...] = ()  # names several places share, left to the editor
    new_sources: list[Source] = field(default_factory=list)


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: list[str] = field(default_factory=list)
    outcomes: list[ImportOutcome] = field(default_factory=list)

    def __str__(self):
        return gettext("%(created)d created, %(updated)d updated, %(unchanged)d unchanged, %(failed)d failed") % {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "failed": self.failed,
        }

    def add(self, outcome: ImportOutcome) -> None:
        setattr(self, outcome.outcome, getattr(self, outcome.outcome) + 1)
        self.outcomes.append(outcome)

    def fail(self, reason: str) -> None:
        self.failed += 1
        self.failures.append(reason)


def _fold(name: str) -> str:
    return " ".join(name.replace("’", "'").casefold().split())


def region_matcher_build() -> RegionMatcher:
    """One matcher over every region of the archive (the gazetteer, and the codifier when it is loaded)."""
    rows = Region.objects.values_list("id", "kind", "path", "name", "name_uk", "aliases", "katottg_category")
    entries = []
    for region_id, kind, path, name, name_uk, aliases, category in rows.iterator(chunk_size=5000):
        ancestors = tuple(int(path[i : i + SEGMENT_WIDTH - 1]) for i in range(0, len(path) - SEGMENT_WIDTH, SEGMENT_WIDTH))
        names = tuple(value for value in (name, name_uk, *aliases) if value)
        entries.append(GazetteerEntry(region_id, kind, ancestors, names, is_prominent(kind, category, bool(aliases))))
    return RegionMatcher(entries)


def import_context_build(*, user=None, draft: bool = False) -> ImportContext:
    sources = list(Source.objects.all())
    known = {}
    for source in sources:
        for name in (source.name, source.short_name, *source.aliases):
            if name:
                known.setdefault(_fold(name), source)
    matcher = source_matcher(SourceName(s.pk, (s.name, s.short_name, *s.aliases)) for s in sources)
    status = Article.Status.DRAFT if draft else Article.Status.PUBLISHED
    return ImportContext(region_matcher_build(), matcher, known, user, status)


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

    `workers` processes (0: none) find places and claims in the next batch while this one writes the last.
    With dry_run, everything runs (so the counts and errors are real) and is rolled back at the end.
    """
    summary = ImportSummary()
    analysing = analyser_started(regions=context.regions, sources=context.sources, added=context.added, workers=workers)
    planning = _planned_ahead(records, batch_size, context)
    with analysing as analyser, planning as planned, transaction.atomic() if dry_run else nullcontext():
        waiting = None  # the previous batch, whose analysis may still be running
        for plans, sources in planned:
            started = (plans, analyser.submit(_new(plans)))
            if waiting:
                _batch_finish(*waiting, context, summary, progress)
                if context.added != sources:  # sources were created since this batch was planned: its texts may name them
                    started = (plans, analyser.submit(_new(plans)))
            waiting = started
        if waiting:
            _batch_finish(*waiting, context, summary, progress)
        if dry_run:
            transaction.set_rollback(True)
    return summary


@contextmanager
def _planned_ahead(records: Iterable, size: int, context: ImportContext) -> Iterator[Iterator[tuple[list, list]]]:
    """The batches' plans, each with the sources the run had created before it was planned, prepared ahead.

    Reading and checking records is pure Python and never touches the database, so a thread does it while
    this one waits for PostgreSQL to write the batch before. Messages speak the caller's language.
    """
    ready: queue.Queue = queue.Queue(maxsize=PLANNED_AHEAD)
    stop = threading.Event()
    language = translation.get_language()

    def put(item) -> bool:
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def plan_all() -> None:
        try:
            with translation.override(language):
                for batch in _batches(records, size):
                    sources = list(context.added)
                    if not put(([_plan(record, context) for record in batch], sources)):
                        return
        except BaseException as error:  # handed to the importing thread, which raises it
            put(error)
        else:
            put(None)

    def planned() -> Iterator[tuple[list, list]]:
        while (item := ready.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item

    planner = threading.Thread(target=plan_all, name="import-planner", daemon=True)
    planner.start()
    try:
        yield planned()
    finally:
        stop.set()
        planner.join(timeout=1)


def _batches(records: Iterable, size: int) -> Iterator[list]:
    records = iter(records)
    while batch := list(islice(records, max(1, size))):
        yield batch


def _plan(record: ArticleRecord | RecordError, context: ImportContext) -> ArticleRecord | RecordError | NewArticle:
    """What to do with a record: report it, import it alone (returned as it is), or write it with its batch."""
    if isinstance(record, RecordError):
        return record
    publisher = _known(record.publisher, context)
    cited = [_known(name, context) for name in record.cited]
    if publisher is None or None in cited:
        return record  # a source to create, with the article, in the article's transaction
    article = Article(**_values(record, publisher), slug=_slug_wished(record), status=context.status, created_by=context.user)
    try:
        # The sources come from the archive: checking that they exist would cost a query per article.
        article.full_clean(exclude=["publisher", "created_by"], validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        return RecordError(record.origin, None, _reason(error))
    return NewArticle(record, article, cited)


def _batch_finish(plans: list, analysed: Callable[[], None], context: ImportContext, summary: ImportSummary, progress) -> None:
    """Write the batch's new articles together, then import the rest one by one, and report each record."""
    analysed()
    creating = next((number for number, plan in enumerate(plans) if _creates_sources(plan, context)), len(plans))
    # After a record that creates a source, texts may name it: they are analysed again, one by one.
    plans[creating:] = [plan.record if isinstance(plan, NewArticle) else plan for plan in plans[creating:]]
    new = {number: plan for number, plan in enumerate(plans) if isinstance(plan, NewArticle)}
    for number in _taken(new):
        plans[number] = new.pop(number).record
    outcomes = {}
    if new:
        try:
            claim_counts = new_articles_write(items=list(new.values()), user=context.user, reason=IMPORTED)
        except (DatabaseError, ValidationError):
            plans = [plan.record if isinstance(plan, NewArticle) else plan for plan in plans]  # find the bad one alone
        else:
            for (number, plan), claims in zip(new.items(), claim_counts, strict=True):
                analysis = plan.analysis
                outcomes[number] = ImportOutcome(CREATED, plan.article, claims, len(analysis.regions), _ambiguous_names(analysis))
    for number, plan in enumerate(plans):
        if isinstance(plan, RecordError):
            summary.fail(str(plan))
            outcome = None
        elif number in outcomes:
            outcome = outcomes[number]
            summary.add(outcome)
        else:
            outcome = _import_one(plan, context, summary)
        if progress:
            progress(outcome)


def _new(plans: list) -> list[NewArticle]:
    return [plan for plan in plans if isinstance(plan, NewArticle)]


def _creates_sources(plan, context: ImportContext) -> bool:
    if not isinstance(plan, ArticleRecord):
        return False
    return any(_known(name, context) is None for name in (plan.publisher, *plan.cited))


def _taken(new: dict[int, NewArticle]) -> list[int]:
    """Which of `new` an archived article or an earlier record of the batch already stands for."""
    first: dict[tuple, int] = {}  # key → number of the first record with it
    taken = set()
    for number, plan in new.items():
        for key in _keys(plan.record, plan.article.publisher_id):
            if key in first:
                taken.add(number)
            first.setdefault(key, number)
    archived = _archived(
        [plan.record.url for plan in new.values() if plan.record.url],
        [(plan.article.publisher_id, plan.record.published_on, plan.record.title) for plan in new.values()],
    )
    for url, publisher_id, published_on, title in archived:
        for key in (("url", url), ("same", publisher_id, published_on, title)):
            if key in first:
                taken.add(first[key])
    return sorted(taken)


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


def _keys(record: ArticleRecord, publisher_id: int) -> list[tuple]:
    same = ("same", publisher_id, record.published_on, record.title)
    return [("url", record.url), same] if record.url else [same]


def _import_one(record: ArticleRecord, context: ImportContext, summary: ImportSummary) -> ImportOutcome | None:
    new_sources: list[Source] = []
    try:
        outcome = article_import(record=record, context=context, new_sources=new_sources)
    except ValidationError as error:
        summary.fail(f"{record.origin}: {_reason(error)}")
    except DatabaseError as error:
        summary.fail(f"{record.origin}: {str(error).splitlines()[0]}")
    else:
        for source in outcome.new_sources:
            for name in (source.name, source.short_name):
                if name:
                    context.known.setdefault(_fold(name), source)
        summary.add(outcome)
        return outcome
    for source in new_sources:  # rolled back with the article: forget them
        context.sources.discard(source.name, source.pk)
        context.added.remove((source.name, source.pk))
    return None


def _reason(error: ValidationError) -> str:
    messages = error.message_dict if hasattr(error, "error_dict") else {"record": error.messages}
    return "; ".join(f"{name}: {' '.join(texts)}" for name, texts in messages.items())


@transaction.atomic
def article_import(*, record: ArticleRecord, context: ImportContext, new_sources: list | None = None) -> ImportOutcome:
    """Archive one article from a record: create it, update it if its text changed, or leave it as it is.

    Sources it had to create are appended to `new_sources`, so that a caller can forget them if the article's
    transaction is rolled back.
    """
    new_sources = [] if new_sources is None else new_sources
    publisher = _source(record.publisher, context, new_sources)
    cited = [_source(name, context, new_sources) for name in record.cited]
    values = _values(record, publisher)
    existing = _existing(record, publisher)
    outcome = _create(record, values, cited, context) if existing is None else _update(existing, values, cited, context)
    outcome.new_sources = new_sources
    return outcome


def _values(record: ArticleRecord, publisher: Source) -> dict:
    values = {
        "title": record.title,
        "publisher": publisher,
        "published_on": record.published_on,
        "dateline": record.dateline,
        "language": record.language or guess_language(record.body),
        "lead": record.lead,
        "body": record.body,
    }
    if record.url:
        values["url"] = record.url
    if record.published_time:
        values["published_time"] = record.published_time
    return values


def _slug_wished(record: ArticleRecord) -> str:
    """The article's date and title, transliterated, in whole words; made unique when written."""
    base = slugify(transliterate(f"{record.published_on:%Y-%m-%d} {record.title}"))
    return base[:81].rsplit("-", 1)[0] if len(base) > 80 else base


def _existing(record: ArticleRecord, publisher: Source) -> Article | None:
    if record.url:
        found = Article.objects.filter(url=record.url).first()
        if found:
            return found
    return Article.objects.filter(publisher=publisher, published_on=record.published_on, title=record.title).first()


def _known(name: str, context: ImportContext) -> Source | None:
    """The source a record names, by name, short name or alias, if the archive has it."""
    folded = _fold(name)
    return context.known.get(folded) or context.known.get(folded.removeprefix("the "))


def _source(name: str, context: ImportContext, new_sources: list[Source]) -> Source:
    """The source a record names; an unknown one is created, flagged for review."""
    folded = _fold(name)
    for source in new_sources:
        if _fold(source.name) == folded:
            return source
    found = _known(name, context)
    if found:
        return found
    source = Source(
        name=name[:200],
        short_name=name if len(name) <= 12 and " " not in name else "",
        slug=slug_unique(Source, slugify(transliterate(name))[:90] or "source"),
        needs_review=True,
        description=f"Created by an import from the name {name!r}; check it and complete it.",
    )
    source._history_user = context.user
    source.full_clean(validate_unique=False, validate_constraints=False)
    source.save()
    new_sources.append(source)
    context.sources.add(source.name, source.pk)  # so that the text's "… the administration said" finds it
    context.added.append((source.name, source.pk))
    return source


def _analyse(article: Article, cited: list[Source], context: ImportContext) -> Analysis:
    return analyse(
        title=article.title,
        lead=article.lead,
        body=article.body,
        published_on=article.published_on,
        language=article.language,
        publisher=article.publisher_id,
        cited=[source.pk for source in cited],
        regions=context.regions,
        sources=context.sources,
    )


def _create(record: ArticleRecord, values: dict, cited: list[Source], context: ImportContext) -> ImportOutcome:
    article = Article(**values, slug=_slug_wished(record), status=context.status, created_by=context.user)
    article.full_clean(validate_unique=False, validate_constraints=False)
    analysis = _analyse(article, cited, context)
    (claims,) = new_articles_write(items=[NewArticle(record, article, cited, analysis)], user=context.user, reason=IMPORTED)
    return ImportOutcome(CREATED, article, claims, len(analysis.regions), _ambiguous_names(analysis))


def _ambiguous_names(analysis: Analysis) -> tuple[str, ...]:
    return tuple(dict.fromkeys(mention.name for mention in analysis.ambiguous))


def _update(article: Article, values: dict, cited: list[Source], context: ImportContext) -> ImportOutcome:
    changed = {name: value for name, value in values.items() if getattr(article, name) != value}
    known_cited = set(article.cited_sources.values_list("pk", flat=True))
    added_cited = [source for source in cited if source.pk not in known_cited]
    if not changed and not added_cited:
        return ImportOutcome(UNCHANGED, article)
    before = _analyse(article, list(article.cited_sources.all()), context)
    if changed:
        # Pending suggestions whose words the new text drops go; confirmed claims stay, and the model refuses
        # a text that drops their words, which fails this record with the claims named.
        body = values.get("body", article.body)
        for claim in article.claims.filter(status=Claim.Status.SUGGESTED):
            if claim.quote not in body:
                claim._history_user = context.user
                claim.delete()
        for name, value in changed.items():
            setattr(article, name, value)
        article.full_clean(validate_unique=False, validate_constraints=False)
        article._history_user = context.user
        article._change_reason = REIMPORTED
        article.save()
    if added_cited:
        article._history_user = context.user
        article.cited_sources.add(*added_cited)
    after = _analyse(article, [*article.cited_sources.all()], context)
    new_regions = set(after.regions) - set(before.regions)
    new_regions -= set(article.regions.values_list("pk", flat=True))
    article.suggested_regions.add(*new_regions)
    # What the earlier text already suggested was accepted, rejected or is still pending: suggest only the new.
    seen = {claim.quote for claim in before.claims} | set(article.claims.values_list("quote", flat=True))
    suggestions = [suggestion for suggestion in after.claims if suggestion.quote not in seen]
    claims = suggested_claims_write(article=article, suggestions=suggestions, user=context.user, reason=IMPORTED)
    return ImportOutcome(UPDATED, article, claims, len(new_regions), _ambiguous_names(after))
