"""Claimants the importer suggests that the archive does not know yet: created as sources flagged for review."""

from django.utils.text import slugify

from reports.importers.claims import SuggestedClaim
from reports.importers.speakers import NewClaimant
from reports.models import Source
from reports.services.transliteration import transliterate


def _fold(name: str) -> str:
    return " ".join(name.replace("’", "'").casefold().split())


def claimants_resolved(*, found: list, publishers: dict) -> list:
    """`found` ([(article, suggestions)]) with each new claimant made a source (one per name, found again by name
    when an earlier import created it) and each claim without one given its article's publisher."""
    from reports.services.import_batches import slug_unique  # the batch writer imports this module

    wanted = {
        _fold(s.claimant.name): s.claimant for _, suggestions in found for s in suggestions if isinstance(s.claimant, NewClaimant)
    }
    made: dict[str, int] = {}
    if wanted:
        for source in Source.objects.filter(name__in=[claimant.name for claimant in wanted.values()]):
            made.setdefault(_fold(source.name), source.pk)
        for folded, claimant in wanted.items():
            if folded in made:
                continue
            source = Source(
                name=claimant.name[:200],
                slug=slug_unique(Source, slugify(transliterate(claimant.name))[:90] or "source"),
                kind=Source.Kind.OTHER,
                needs_review=True,
                description=f"Suggested by an import as a speaker ({claimant.role or 'no role given'}); check and complete it.",
            )
            source.save()
            made[folded] = source.pk
    resolved = []
    for article, suggestions in found:
        fixed: list[SuggestedClaim] = []
        for suggestion in suggestions:
            if isinstance(suggestion.claimant, NewClaimant):
                suggestion = suggestion._replace(claimant=made[_fold(suggestion.claimant.name)])
            elif suggestion.claimant is None:
                suggestion = suggestion._replace(claimant=publishers.get(article.pk, article.publisher_id))
            fixed.append(suggestion)
        resolved.append((article, fixed))
    return resolved
