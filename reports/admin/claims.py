from django.contrib import admin, messages
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.utils import bulk_update_with_history

from reports.admin.base import ArchiveAdmin
from reports.admin.exports import ExportViews
from reports.models import Claim, ClaimLink

REVIEW_PERMISSION = "reports.review_claim"


class ClaimLinkInline(admin.TabularInline):
    model = ClaimLink
    fk_name = "from_claim"
    extra = 0
    autocomplete_fields = ["to_claim"]
    fields = ["relation", "to_claim", "note"]
    verbose_name = _("link to another claim")
    verbose_name_plural = _("claims this one corroborates or contradicts")

    def _can_review(self, request):
        return request.user.has_perm(REVIEW_PERMISSION) or request.user.has_perm("reports.change_claimlink")

    def has_add_permission(self, request, obj=None):
        return self._can_review(request)

    def has_change_permission(self, request, obj=None):
        return self._can_review(request)

    def has_delete_permission(self, request, obj=None):
        return self._can_review(request)


@admin.register(Claim)
class ClaimAdmin(ArchiveAdmin):
    list_display = ["short_statement", "claimant", "asserted_on", "occurred_start", "occurred_precision", "topic", "status"]
    list_filter = ["status", "topic", "stance", "occurred_precision"]
    list_select_related = ["claimant", "article"]
    search_fields = ["statement", "quote"]
    date_hierarchy = "asserted_on"
    autocomplete_fields = ["article", "claimant", "regions"]
    readonly_fields = ["quote_start", "quote_end", "created_by", "created_at", "updated_at"]
    inlines = [ClaimLinkInline]
    actions = ["mark_unverified", "mark_corroborated", "mark_disputed", "mark_refuted"]
    fieldsets = [
        (None, {"fields": ["article", "statement", "quote", ("quote_start", "quote_end")]}),
        (_("Who and when"), {"fields": ["claimant", "asserted_on", ("occurred_start", "occurred_end", "occurred_precision")]}),
        (_("What"), {"fields": ["regions", ("topic", "stance"), ("quantity_value", "quantity_unit")]}),
        (_("Review"), {"fields": ["status"]}),
        (_("Record"), {"fields": ["created_by", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_urls(self):
        views, wrap = ExportViews(self), self.admin_site.admin_view
        return [
            path("export/", wrap(views.export_view), name="reports_claim_export"),
            path("export/<int:job_id>/", wrap(views.job_view), name="reports_claim_export_job"),
            path("export/<int:job_id>/file/", wrap(views.file_view), name="reports_claim_export_file"),
            *super().get_urls(),
        ]

    @admin.display(description=_("statement"), ordering="statement")
    def short_statement(self, claim):
        return claim.statement if len(claim.statement) <= 90 else claim.statement[:89] + "…"

    # Reviewers may change a claim's status (and its links), nothing else; editors may change it all.
    def _is_reviewer_only(self, request):
        return request.user.has_perm(REVIEW_PERMISSION) and not request.user.has_perm("reports.change_claim")

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) or request.user.has_perm(REVIEW_PERMISSION)

    def has_review_permission(self, request):
        return request.user.has_perm(REVIEW_PERMISSION) or request.user.has_perm("reports.change_claim")

    def get_readonly_fields(self, request, obj=None):
        if self._is_reviewer_only(request):
            return [field.name for field in Claim._meta.fields if field.name != "status"] + ["regions"]
        return super().get_readonly_fields(request, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def _set_status(self, request, queryset, status):
        claims = list(queryset.select_related("article").exclude(status=status))
        for claim in claims:
            claim.status = status
        bulk_update_with_history(
            claims, Claim, ["status"], default_user=request.user, default_change_reason=f"status set to {status}"
        )
        label = Claim.Status(status).label
        self.message_user(
            request,
            ngettext("%(count)d claim marked %(status)s.", "%(count)d claims marked %(status)s.", len(claims))
            % {"count": len(claims), "status": label},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark the selected claims unverified (confirmed as said)"), permissions=["review"])
    def mark_unverified(self, request, queryset):
        self._set_status(request, queryset, Claim.Status.UNVERIFIED)

    @admin.action(description=_("Mark the selected claims corroborated"), permissions=["review"])
    def mark_corroborated(self, request, queryset):
        self._set_status(request, queryset, Claim.Status.CORROBORATED)

    @admin.action(description=_("Mark the selected claims disputed"), permissions=["review"])
    def mark_disputed(self, request, queryset):
        self._set_status(request, queryset, Claim.Status.DISPUTED)

    @admin.action(description=_("Mark the selected claims refuted"), permissions=["review"])
    def mark_refuted(self, request, queryset):
        self._set_status(request, queryset, Claim.Status.REFUTED)
