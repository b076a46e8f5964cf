"""The page that restores a deleted record with its links (and an article with the claims deleted with it)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from reports.models import Article
from reports.services import restoring


def restore_view(model_admin, request, record):
    """Show what restoring `record` (a deletion's history row) brings back; restore it on POST."""
    model = model_admin.model
    if not (model_admin.has_add_permission(request) and model_admin.has_change_permission(request)):
        raise PermissionDenied
    kept = restoring.deleted_relations(model, record.id)
    claims = restoring.deleted_with(record.id, kept) if model is Article else []
    if request.method == "POST":
        try:
            result = restoring.record_restore(
                model=model, object_id=record.id, user=request.user, with_claims=bool(request.POST.get("with_claims"))
            )
        except restoring.RestoreRefused as refusal:
            model_admin.message_user(request, str(refusal), messages.ERROR)
        else:
            model_admin.message_user(request, _restored_message(result), messages.SUCCESS)
            info = model._meta.app_label, model._meta.model_name
            return redirect(reverse("admin:{}_{}_change".format(*info), args=[result.record.pk]))
    relations = []
    for key, ids in (kept.relations if kept else {}).items():
        relations.append((_relation_label(model, key), len(ids)))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model._meta,
        "title": _("Restore %(record)s") % {"record": record.instance},
        "record": record,
        "relations": relations,
        "kept": kept is not None,
        "claims": claims,
    }
    return TemplateResponse(request, "admin/reports/restore_record.html", context)


def _relation_label(model, key):
    if key == restoring.CLAIM_LINKS:
        return _("links to and from other claims")
    if "." in key:
        from django.apps import apps

        label, field_name = key.rsplit(".", 1)
        owner = apps.get_model(label)
        return _("%(records)s linking to it (%(field)s)") % {
            "records": owner._meta.verbose_name_plural,
            "field": owner._meta.get_field(field_name).verbose_name,
        }
    return model._meta.get_field(key).verbose_name


def _restored_message(result):
    message = _("Restored %(record)s with %(links)d links.") % {"record": result.record, "links": result.links}
    if result.claims:
        message += " " + _("%(count)d claims deleted with it were restored too.") % {"count": len(result.claims)}
    if result.missing:
        message += " " + _("%(count)d links were not restored: the record at their other end is deleted.") % {
            "count": result.missing
        }
    return message
