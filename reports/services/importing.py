"""Importing raw articles into the archive, with suggested regions and claims for editors to review.

The importers (reports/importers/) read files and find places and claims; here their plain records become
articles. Importing is idempotent: an article already archived (same URL, or same publisher, date and
title) with the same text is left alone; a changed text updates it through history, so the earlier text
stays recoverable, and only what the new text adds is suggested again.

Here: what a run shares (ImportContext) and what it reports (ImportSummary), and `article_import`, which
archives one record in its own transaction. Runs of many records, by batches, are in import_runs.py.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext

from reports.importers.analysis import Analysis, SourceName, analyse, is_prominent, source_matcher
from reports.importers.formats import ArticleRecord
from reports.importers.phrases import PhraseMatcher
from reports.importers.regions import GazetteerEntry, RegionMatcher
from reports.importers.text import guess_language
from reports.models import Article, Claim, Region, Source
from reports.models.regions import path_ids
from reports.services.import_batches import NewArticle, new_articles_write, slug_unique, suggested_claims_write
from reports.services.transliteration import transliterate

CREATED, UPDATED, UNCHANGED, FAILED = "created", "updated", "unchanged", "failed"
IMPORTED = "Imported"
REIMPORTED = "Imported again: the text changed"


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
        ancestors = tuple(path_ids(path)[:-1])
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


def article_import_reported(record: ArticleRecord, context: ImportContext, summary: ImportSummary) -> ImportOutcome | None:
    new_sources: list[Source] = []
    try:
        outcome = article_import(record=record, context=context, new_sources=new_sources)
    except ValidationError as error:
        summary.fail(f"{record.origin}: {validation_reason(error)}")
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


def validation_reason(error: ValidationError) -> str:
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
    values = article_values(record, publisher)
    existing = _existing(record, publisher)
    outcome = _create(record, values, cited, context) if existing is None else _update(existing, values, cited, context)
    outcome.new_sources = new_sources
    return outcome


def article_values(record: ArticleRecord, publisher: Source) -> dict:
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


def slug_wished(record: ArticleRecord) -> str:
    """The article's date and title, transliterated, in whole words; made unique when written."""
    base = slugify(transliterate(f"{record.published_on:%Y-%m-%d} {record.title}"))
    return base[:81].rsplit("-", 1)[0] if len(base) > 80 else base


def _existing(record: ArticleRecord, publisher: Source) -> Article | None:
    if record.url:
        found = Article.objects.filter(url=record.url).first()
        if found:
            return found
    return Article.objects.filter(publisher=publisher, published_on=record.published_on, title=record.title).first()


def source_known(name: str, context: ImportContext) -> Source | None:
    """The source a record names, by name, short name or alias, if the archive has it."""
    folded = _fold(name)
    return context.known.get(folded) or context.known.get(folded.removeprefix("the "))


def _source(name: str, context: ImportContext, new_sources: list[Source]) -> Source:
    """The source a record names; an unknown one is created, flagged for review."""
    folded = _fold(name)
    for source in new_sources:
        if _fold(source.name) == folded:
            return source
    found = source_known(name, context)
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
    article = Article(**values, slug=slug_wished(record), status=context.status, created_by=context.user)
    article.full_clean(validate_unique=False, validate_constraints=False)
    analysis = _analyse(article, cited, context)
    (claims,) = new_articles_write(items=[NewArticle(record, article, cited, analysis)], user=context.user, reason=IMPORTED)
    return ImportOutcome(CREATED, article, claims, len(analysis.regions), ambiguous_names(analysis))


def ambiguous_names(analysis: Analysis) -> tuple[str, ...]:
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
        body, lead = values.get("body", article.body), values.get("lead", article.lead)
        for claim in article.claims.filter(status=Claim.Status.SUGGESTED):
            if claim.quote not in body and claim.quote not in lead:
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
    return ImportOutcome(UPDATED, article, claims, len(new_regions), ambiguous_names(after))
