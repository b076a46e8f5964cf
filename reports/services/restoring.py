"""Deleting and restoring records without losing what joined them to other records.

Before a record is deleted, `relations_keep` writes down its links: the many-to-many rows it owns (an
article's regions, suggested regions and cited sources; a claim's regions), the rows of other records that
point at it (the articles and claims about a region, the articles citing a source) and a claim's links to
other claims. `record_restore` brings a deleted record back from its last history row and puts those links
back wherever the record on the other side still exists; restoring an article can restore the claims
deleted with it in the same step.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.db import transaction
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from reports.models import Article, Claim, ClaimLink, DeletedRelations
from reports.services.history import history_record_created

CLAIM_LINKS = "claim_links"
LINK_FIELDS = ("from_claim_id", "to_claim_id", "relation", "note")


class RestoreRefused(Exception):
    """The record cannot come back (yet); the message says why."""


@dataclass
class RestoreResult:
    record: object
    links: int = 0
    missing: int = 0  # links whose other end no longer exists
    claims: list = field(default_factory=list)


def relations_of(instance) -> dict:
    """The links of `instance` to other records, as plain ids (see the module's docstring)."""
    relations = {}
    for m2m in instance._meta.many_to_many:
        if m2m.remote_field.through._meta.auto_created:
            relations[m2m.name] = sorted(getattr(instance, m2m.name).values_list("pk", flat=True))
    for rel in instance._meta.related_objects:
        if rel.many_to_many and rel.through._meta.auto_created:
            owner = rel.field
            rows = rel.through.objects.filter(**{owner.m2m_reverse_field_name(): instance.pk})
            relations[f"{rel.related_model._meta.label_lower}.{owner.name}"] = sorted(
                rows.values_list(owner.m2m_field_name(), flat=True)
            )
    if isinstance(instance, Claim):
        links = ClaimLink.objects.filter(from_claim=instance.pk) | ClaimLink.objects.filter(to_claim=instance.pk)
        relations[CLAIM_LINKS] = [dict(zip(LINK_FIELDS, row, strict=True)) for row in links.values_list(*LINK_FIELDS)]
    return relations


def relations_keep(sender, instance, **kwargs):
    """pre_delete receiver: write down the links of a record about to be deleted (they go with it)."""
    DeletedRelations.objects.create(
        model=sender._meta.label_lower,
        object_id=instance.pk,
        transaction_id=RawSQL("pg_current_xact_id()::text::bigint", []),
        relations=relations_of(instance),
    )


def deleted_relations(model, object_id):
    """The links kept at the latest deletion of that record, or None if none were kept."""
    return DeletedRelations.objects.filter(model=model._meta.label_lower, object_id=object_id).order_by("-id").first()


def deleted_with(article_id, kept):
    """History rows of the claims of `article_id` deleted in the same transaction as the article, not restored since."""
    if kept is None:
        return []
    claim_ids = DeletedRelations.objects.filter(model=Claim._meta.label_lower, transaction_id=kept.transaction_id).values_list(
        "object_id", flat=True
    )
    records = (
        Claim.history.filter(history_type="-", article_id=article_id, id__in=list(claim_ids))
        .exclude(id__in=Claim.objects.filter(article_id=article_id).values("pk"))
        .order_by("id", "-history_id")
        .distinct("id")
    )
    return list(records)


def relations_from_history(model, record) -> dict:
    """For a deletion older than DeletedRelations: the links its history recorded last (tracked fields only)."""
    previous = model.history.filter(id=record.id, history_id__lt=record.history_id).order_by("-history_id").first()
    if previous is None:
        return {}
    relations = {}
    for m2m in getattr(model.history.model, "_history_m2m_fields", []):
        target = m2m.m2m_reverse_field_name()
        relations[m2m.name] = sorted(getattr(previous, m2m.name).values_list(target, flat=True))
    return relations


def last_deletion(model, object_id):
    record = model.history.filter(id=object_id, history_type="-").order_by("-history_id").first()
    if record is None or model.objects.filter(pk=object_id).exists():
        return None
    return record


@transaction.atomic
def record_restore(*, model, object_id, user, with_claims=True) -> RestoreResult:
    """Bring back the deleted record `object_id` of `model` with its links; an article with its claims too."""
    record = last_deletion(model, object_id)
    if record is None:
        raise RestoreRefused(_("There is no deleted record to restore: it was restored already or never deleted."))
    instance = record.instance
    _check_references(instance)
    instance._history_user = user
    instance.save(force_insert=True)
    result = RestoreResult(record=instance)
    kept = deleted_relations(model, object_id)
    relations = kept.relations if kept is not None else relations_from_history(model, record)
    _put_back(instance, relations, user, result)
    if with_claims and isinstance(instance, Article):
        for claim_record in deleted_with(instance.pk, kept):
            result.claims.append(record_restore(model=Claim, object_id=claim_record.id, user=user).record)
    return result


def _check_references(instance):
    for fk in instance._meta.concrete_fields:
        if not fk.many_to_one or getattr(instance, fk.attname) is None:
            continue
        if not fk.related_model._default_manager.filter(pk=getattr(instance, fk.attname)).exists():
            if fk.null:
                setattr(instance, fk.attname, None)  # e.g. the account that created it is gone
            else:
                raise RestoreRefused(
                    _("Its %(field)s (#%(id)s) is deleted too: restore that first.")
                    % {"field": fk.verbose_name, "id": getattr(instance, fk.attname)}
                )


def _put_back(instance, relations, user, result):
    for key, ids in relations.items():
        if key == CLAIM_LINKS:
            for link in ids:
                _put_back_claim_link(instance, link, user, result)
        elif "." in key:
            _put_back_links_from_others(instance, key, ids, user, result)
        else:
            target = instance._meta.get_field(key).related_model
            existing = list(target._default_manager.filter(pk__in=ids).values_list("pk", flat=True))
            getattr(instance, key).add(*existing)  # recorded in the restored record's history
            result.links += len(existing)
            result.missing += len(ids) - len(existing)


def _put_back_links_from_others(instance, key, ids, user, result):
    label, field_name = key.rsplit(".", 1)
    owner_model = apps.get_model(label)
    owner = owner_model._meta.get_field(field_name)
    through = owner.remote_field.through
    existing = sorted(owner_model._default_manager.filter(pk__in=ids).values_list("pk", flat=True))
    through.objects.bulk_create(
        [through(**{owner.m2m_column_name(): pk, owner.m2m_reverse_name(): instance.pk}) for pk in existing],
        ignore_conflicts=True,
    )
    tracked = [m2m.name for m2m in getattr(owner_model.history.model, "_history_m2m_fields", [])]
    reason = f"{instance._meta.verbose_name} #{instance.pk} restored"
    history_record_created(owner_model, existing, reason=reason, user=user, links=tracked, history_type="~")
    result.links += len(existing)
    result.missing += len(ids) - len(existing)


def _put_back_claim_link(instance, link, user, result):
    other = link["to_claim_id"] if link["from_claim_id"] == instance.pk else link["from_claim_id"]
    if not Claim.objects.filter(pk=other).exists():
        result.missing += 1
        return
    if ClaimLink.objects.filter(from_claim=link["from_claim_id"], to_claim=link["to_claim_id"]).exists():
        return  # put back already, when the claim at its other end was restored
    restored = ClaimLink(**link)
    restored._history_user = user
    restored.save()
    result.links += 1
