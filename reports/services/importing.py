"""Importing raw articles into the archive, with suggested regions and claims, and the review of those suggestions.

The importers (reports/importers/) read files and find places and claims; here their plain records become
articles, each in its own transaction. Importing is idempotent: an article already archived (same URL, or
same publisher, date and title) with the same text is left alone; a changed text updates it through history,
so the earlier text stays recoverable, and only what the new text adds is suggested again.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext

from reports.importers.analysis import Analysis, SourceName, analyse, is_prominent, source_matcher
from reports.importers.formats import ArticleRecord, RecordError
from reports.importers.phrases import PhraseMatcher
from reports.importers.regions import GazetteerEntry, RegionMatcher
from reports.importers.text import guess_language
from reports.models import Article, Claim, Region, Source
from reports.models.regions import SEGMENT_WIDTH
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
) -> ImportSummary:
    """Import every good record, each in its own transaction; count and describe the bad ones.

    With dry_run, everything runs (so the counts and errors are real) and is rolled back at the end.
    """
    summary = ImportSummary()
    if not dry_run:
        _import_all(records, context, summary, progress)
        return summary
    with transaction.atomic():
        _import_all(records, context, summary, progress)
        transaction.set_rollback(True)
    return summary


def _import_all(records, context: ImportContext, summary: ImportSummary, progress) -> None:
    for record in records:
        outcome = _import_one(record, context, summary)
        if progress:
            progress(outcome)


def _import_one(record, context: ImportContext, summary: ImportSummary) -> ImportOutcome | None:
    if isinstance(record, RecordError):
        summary.failed += 1
        summary.failures.append(str(record))
        return None
    new_sources: list[Source] = []
    try:
        outcome = article_import(record=record, context=context, new_sources=new_sources)
    except ValidationError as error:
        reason = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in _messages(error).items())
        summary.failures.append(f"{record.origin}: {reason}")
    except DatabaseError as error:
        summary.failures.append(f"{record.origin}: {str(error).splitlines()[0]}")
    else:
        for source in outcome.new_sources:
            for name in (source.name, source.short_name):
                if name:
                    context.known.setdefault(_fold(name), source)
        setattr(summary, outcome.outcome, getattr(summary, outcome.outcome) + 1)
        summary.outcomes.append(outcome)
        return outcome
    for source in new_sources:  # rolled back with the article: forget them
        context.sources.discard(source.name, source.pk)
    summary.failed += 1
    return None


def _messages(error: ValidationError) -> dict[str, list[str]]:
    return error.message_dict if hasattr(error, "error_dict") else {"record": error.messages}


@transaction.atomic
def article_import(*, record: ArticleRecord, context: ImportContext, new_sources: list | None = None) -> ImportOutcome:
    """Archive one article from a record: create it, update it if its text changed, or leave it as it is.

    Sources it had to create are appended to `new_sources`, so that a caller can forget them if the article's
    transaction is rolled back.
    """
    new_sources = [] if new_sources is None else new_sources
    publisher = _source(record.publisher, context, new_sources)
    cited = [_source(name, context, new_sources) for name in record.cited]
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
    existing = _existing(record, publisher)
    outcome = _create(values, cited, context) if existing is None else _update(existing, values, cited, context)
    outcome.new_sources = new_sources
    return outcome


def _existing(record: ArticleRecord, publisher: Source) -> Article | None:
    if record.url:
        found = Article.objects.filter(url=record.url).first()
        if found:
            return found
    return Article.objects.filter(publisher=publisher, published_on=record.published_on, title=record.title).first()


def _source(name: str, context: ImportContext, new_sources: list[Source]) -> Source:
    """The source a record names, by name, short name or alias; an unknown one is created, flagged for review."""
    folded = _fold(name)
    for source in new_sources:
        if _fold(source.name) == folded:
            return source
    found = context.known.get(folded) or context.known.get(folded.removeprefix("the "))
    if found:
        return found
    source = Source(
        name=name[:200],
        short_name=name if len(name) <= 12 and " " not in name else "",
        slug=_unique_slug(Source, slugify(transliterate(name))[:90] or "source"),
        needs_review=True,
        description=f"Created by an import from the name {name!r}; check it and complete it.",
    )
    source._history_user = context.user
    source.full_clean(validate_unique=False, validate_constraints=False)
    source.save()
    new_sources.append(source)
    context.sources.add(source.name, source.pk)  # so that the text's "… the administration said" finds it
    return source


def _unique_slug(model, base: str) -> str:
    taken = set(model.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    if base not in taken:
        return base
    return next(f"{base}-{number}" for number in range(2, len(taken) + 3) if f"{base}-{number}" not in taken)


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


def _create(values: dict, cited: list[Source], context: ImportContext) -> ImportOutcome:
    base = slugify(transliterate(f"{values['published_on']:%Y-%m-%d} {values['title']}"))
    if len(base) > 80:
        base = base[:81].rsplit("-", 1)[0]  # whole words only
    article = Article(**values, slug=_unique_slug(Article, base), status=context.status, created_by=context.user)
    article.full_clean(validate_unique=False, validate_constraints=False)
    analysis = _analyse(article, cited, context)
    # One history row for the new article with its relations, rather than one per relation as they are added.
    article.skip_history_when_saving = True
    article.save()
    del article.skip_history_when_saving
    cited_rows = _link(Article.cited_sources.through, "article_id", article.pk, "source_id", [s.pk for s in cited])
    _link(Article.suggested_regions.through, "article_id", article.pk, "region_id", analysis.regions)
    (history,) = Article.history.bulk_history_create([article], default_user=context.user, default_change_reason=IMPORTED)
    _link_history(Article.history.model.cited_sources.model, history, cited_rows, "article_id", "source_id")
    claims = _claims_create(article, analysis.claims, context)
    return ImportOutcome(CREATED, article, claims, len(analysis.regions), _ambiguous_names(analysis))


def _link(through, owner_field: str, owner_id: int, target_field: str, target_ids) -> list:
    rows = [through(**{owner_field: owner_id, target_field: target_id}) for target_id in dict.fromkeys(target_ids)]
    return through.objects.bulk_create(rows) if rows else []


def _link_history(history_model, history, rows, owner_field: str, target_field: str) -> None:
    if rows:
        history_model.objects.bulk_create(
            [
                history_model(
                    id=row.id,
                    history=history,
                    **{owner_field: getattr(row, owner_field)},
                    **{target_field: getattr(row, target_field)},
                )
                for row in rows
            ]
        )


def _claims_create(article: Article, suggested, context: ImportContext, skip_quotes=frozenset()) -> int:
    claims, places = [], []
    for suggestion in suggested:
        if suggestion.quote in skip_quotes:
            continue
        occurred = suggestion.occurred
        quantity = suggestion.quantity
        claim = Claim(
            article=article,
            statement=suggestion.statement,
            quote=suggestion.quote,
            quote_start=suggestion.start,
            claimant_id=suggestion.claimant,
            asserted_on=suggestion.asserted_on,
            occurred_start=occurred.start if occurred else None,
            occurred_end=occurred.end if occurred else None,
            occurred_precision=occurred.precision if occurred else "",
            topic=suggestion.topic,
            quantity_value=quantity.value if quantity else None,
            quantity_unit=quantity.unit if quantity else "",
            status=Claim.Status.SUGGESTED,
            created_by=context.user,
        )
        claim.locate_quote()  # provenance: the quote must stand in the text, where the offsets say
        claims.append(claim)
        places.append(suggestion.regions)
    if not claims:
        return 0
    Claim.objects.bulk_create(claims)
    histories = Claim.history.bulk_history_create(claims, default_user=context.user, default_change_reason=IMPORTED)
    through = Claim.regions.through
    rows = through.objects.bulk_create(
        [
            through(claim_id=claim.pk, region_id=region)
            for claim, regions in zip(claims, places, strict=True)
            for region in regions
        ]
    )
    history_by_claim = {history.id: history for history in histories}
    _link_history_rows(Claim.history.model.regions.model, rows, history_by_claim)
    return len(claims)


def _link_history_rows(history_model, rows, history_by_claim) -> None:
    history_model.objects.bulk_create(
        [
            history_model(id=row.id, history=history_by_claim[row.claim_id], claim_id=row.claim_id, region_id=row.region_id)
            for row in rows
        ]
    )


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
    claims = _claims_create(article, after.claims, context, skip_quotes=frozenset(seen))
    return ImportOutcome(UPDATED, article, claims, len(new_regions), _ambiguous_names(after))


# Review: an editor confirms or rejects what the importer suggested.


@transaction.atomic
def claim_accept(*, claim: Claim, user) -> None:
    """A suggested claim becomes an ordinary one: confirmed as said (unverified), not yet checked."""
    if claim.status != Claim.Status.SUGGESTED:
        return
    claim.status = Claim.Status.UNVERIFIED
    claim._history_user = user
    claim._change_reason = "Suggestion accepted"
    claim.save()


@transaction.atomic
def claim_reject(*, claim: Claim, user) -> None:
    """A suggested claim is deleted; its history keeps it, and importing the same text again does not bring it back."""
    if claim.status != Claim.Status.SUGGESTED:
        raise ValidationError(gettext("Only a suggested claim can be rejected; this one was confirmed already."))
    claim._history_user = user
    claim._change_reason = "Suggestion rejected"
    claim.delete()


@transaction.atomic
def claims_accept_all(*, article: Article, user) -> int:
    claims = list(article.claims.select_related("article").filter(status=Claim.Status.SUGGESTED))
    for claim in claims:
        claim_accept(claim=claim, user=user)
    return len(claims)


@transaction.atomic
def region_accept(*, article: Article, region: Region, user) -> None:
    """A suggested region becomes one of the regions the article is about."""
    article._history_user = user
    article.regions.add(region)
    article.suggested_regions.remove(region)


@transaction.atomic
def region_reject(*, article: Article, region: Region) -> None:
    article.suggested_regions.remove(region)


@transaction.atomic
def regions_accept_all(*, article: Article, user) -> int:
    regions = list(article.suggested_regions.all())
    if regions:
        article._history_user = user
        article.regions.add(*regions)
        article.suggested_regions.clear()
    return len(regions)
