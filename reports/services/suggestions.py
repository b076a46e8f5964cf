"""Reviewing what the importer suggested: an editor confirms or rejects each suggested claim and region."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from reports.models import Article, Claim, Region


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
