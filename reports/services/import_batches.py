"""Writing a batch of new articles, with their suggested regions and claims, in a dozen statements.

Through the ORM a new article costs about twenty statements and a hundred Python objects; a batch of them
goes in through the bulk writer (copying.py), links before the rows they belong to (foreign keys are checked
at commit), so that PostgreSQL computes each row's copied filter columns once, as the row goes in, instead
of rewriting every row (and its search vector) when the links arrive later. PostgreSQL then copies the new
rows into the history tables itself. The batch is one transaction: if PostgreSQL refuses any of it, none of
it stays, and the caller imports those articles again one at a time so that only the bad one fails.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection, transaction

from reports.importers.analysis import Analysis
from reports.importers.claims import SuggestedClaim
from reports.importers.formats import ArticleRecord
from reports.importers.stances import suggested_stance
from reports.models import Article, Claim, Source
from reports.models.claims import quote_offsets
from reports.models.search import lemma_text
from reports.services.claimants import claimants_resolved
from reports.services.copying import ids_reserve, objects_copying, rows_copy, values_copy
from reports.services.history import history_record_created


@dataclass
class NewArticle:
    """A record that makes a new article: validated, not saved; its slug is still the wished-for one."""

    record: ArticleRecord
    article: Article
    cited: list[Source]
    analysis: Analysis | None = None


def slug_unique(model, base: str, taken: set[str] = frozenset()) -> str:
    """`base`, or `base-2`, `base-3`… whichever neither the table nor `taken` has yet."""
    in_table = set(model.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    if base not in in_table and base not in taken:
        return base
    return next(
        f"{base}-{number}" for number in range(2, len(in_table) + len(taken) + 3) if f"{base}-{number}" not in in_table | taken
    )


@transaction.atomic
def new_articles_write(*, items: Sequence[NewArticle], user, reason: str) -> list[int]:
    """Write the articles of `items` (each analysed) with their links, claims and history; the claims added per item.

    Raises DatabaseError (or ValidationError for a quote not in its text) with nothing written.
    """
    articles = [item.article for item in items]
    _slugs_assign(articles)
    found = claimants_resolved(found=[(item.article, item.analysis.claims) for item in items], publishers={})
    with connection.cursor() as cursor:
        for article, article_id in zip(articles, ids_reserve(cursor, Article._meta.db_table, len(articles)), strict=True):
            article.pk = article_id
        claim_ids = _claim_ids(cursor, found)
        cited = [(item.article.pk, source_id) for item in items for source_id in dict.fromkeys(s.pk for s in item.cited)]
        suggested = [(item.article.pk, region_id) for item in items for region_id in dict.fromkeys(item.analysis.regions)]
        for item in items:
            item.article.lemmas = item.article.lemmas_compute()  # what save() would keep, for search
        rows_copy(cursor, Article.cited_sources.through._meta.db_table, ["article_id", "source_id"], cited)
        rows_copy(cursor, Article.suggested_regions.through._meta.db_table, ["article_id", "region_id"], suggested)
        with objects_copying(cursor, articles):  # PostgreSQL takes the articles in meanwhile
            claims, places = _claim_rows(found, claim_ids, user)
        history_record_created(Article, [article.pk for article in articles], reason=reason, user=user, links=["cited_sources"])
        _claim_rows_write(cursor, claims, places, user, reason)
    return [len(suggestions) for _, suggestions in found]


@transaction.atomic
def suggested_claims_write(*, article: Article, suggestions: Sequence[SuggestedClaim], user, reason: str) -> int:
    """Add suggested claims to an archived article, with their regions and history; how many were added.

    The article may have changed in this transaction (cited sources added): the claims' copies are computed
    from the article as it now stands.
    """
    found = claimants_resolved(found=[(article, suggestions)], publishers={})
    with connection.cursor() as cursor:
        claims, places = _claim_rows(found, _claim_ids(cursor, found), user)
        _claim_rows_write(cursor, claims, places, user, reason)
    return len(suggestions)


def _claim_ids(cursor, found: list[tuple[Article, Sequence[SuggestedClaim]]]) -> list[int]:
    """Ids for the claims of `found`."""
    return ids_reserve(cursor, Claim._meta.db_table, sum(len(suggestions) for _, suggestions in found))


def _claim_rows(found, claim_ids: list[int], user) -> tuple[list[dict], list[tuple[int, int]]]:
    """The claims' rows and their regions' links."""
    ids = iter(claim_ids)
    claims, places = [], []
    for article, suggestions in found:
        for suggestion in suggestions:
            claim_id = next(ids)
            claims.append(_claim_values(claim_id, article, suggestion, user))
            places += [(claim_id, region_id) for region_id in dict.fromkeys(suggestion.regions)]
    return claims, places


def _claim_rows_write(cursor, claims: list[dict], places: list[tuple[int, int]], user, reason: str) -> None:
    rows_copy(cursor, Claim.regions.through._meta.db_table, ["claim_id", "region_id"], places)
    values_copy(cursor, Claim, claims)
    history_record_created(Claim, [claim["id"] for claim in claims], reason=reason, user=user, links=["regions"])


def _claim_values(claim_id: int, article: Article, suggestion: SuggestedClaim, user) -> dict:
    occurred, quantity = suggestion.occurred, suggestion.quantity
    # Provenance: the quote must stand in the text, where the offsets say.
    text = article.lead if suggestion.in_lead else article.body
    quote_start, quote_end = quote_offsets(text, suggestion.quote, suggestion.start)
    return {
        "id": claim_id,
        "article_id": article.pk,
        "statement": suggestion.statement,
        "quote": suggestion.quote,
        "lemmas": lemma_text(suggestion.statement, suggestion.quote),
        "quote_start": quote_start,
        "quote_end": quote_end,
        "quote_in_lead": suggestion.in_lead,
        # The publisher asserts what the text attributes to nobody else.
        "claimant_id": suggestion.claimant or article.publisher_id,
        "asserted_on": suggestion.asserted_on,
        "occurred_start": occurred.start if occurred else None,
        "occurred_end": occurred.end if occurred else None,
        "occurred_precision": occurred.precision if occurred else "",
        "topic": suggestion.topic,
        "stance": suggested_stance(suggestion.quote, suggestion.topic),
        "quantity_value": quantity.value if quantity else None,
        "quantity_unit": quantity.unit if quantity else "",
        "status": Claim.Status.SUGGESTED.value,
        "created_by_id": getattr(user, "pk", None),
    }


def _slugs_assign(articles: list[Article]) -> None:
    """Each article keeps its slug unless an earlier article (in the table or in this batch) has it."""
    in_table = set(Article.objects.filter(slug__in=[article.slug for article in articles]).values_list("slug", flat=True))
    given: set[str] = set()
    for article in articles:
        if article.slug in in_table or article.slug in given:
            article.slug = slug_unique(Article, article.slug, given)
        given.add(article.slug)
