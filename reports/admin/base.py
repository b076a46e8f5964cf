from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from reports.admin.restore import restore_view

DELETED_SHOWN = 100


class ArchiveAdmin(SimpleHistoryAdmin):
    """Every change is kept as history (viewable and revertible); long lists never count exactly.

    Deleted records stay in the history: the changelist links to a list of them, and each one can
    be restored from its last version.
    """

    show_full_result_count = False
    list_per_page = 50
    save_on_top = True
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    change_list_template = "admin/reports/change_list.html"

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        deleted = path("deleted/", self.admin_site.admin_view(self.deleted_view), name="{}_{}_deleted".format(*info))
        return [deleted, *super().get_urls()]

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # A deleted record is restored by its own page, which brings its links back too; the generic
        # revert form would save it with the links it has now: none.
        if not self.model.objects.filter(pk=object_id).exists():
            history = self.model.history.model
            record = get_object_or_404(history, id=object_id, history_id=version_id)
            latest = self.model.history.filter(id=object_id).order_by("-history_id").first()
            if record.history_type == "-" and record.history_id == latest.history_id:
                return restore_view(self, request, record)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def deleted_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        opts = self.model._meta
        records = (
            self.model.history.filter(history_type="-")
            .exclude(id__in=self.model.objects.values("pk"))
            .select_related("history_user")
            .order_by("-history_date")[:DELETED_SHOWN]
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "title": _("Deleted %(name)s") % {"name": opts.verbose_name_plural},
            "records": [(record, record.instance) for record in records],
            "shown": DELETED_SHOWN,
        }
        return TemplateResponse(request, "admin/reports/deleted_records.html", context)


class AliasSearchMixin:
    """Search also matches a whole alias exactly, through the GIN index on the aliases array."""

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if term:
            results |= queryset.filter(aliases__contains=[term])
        return results, may_have_duplicates
