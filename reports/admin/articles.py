from django.contrib import admin, messages
from django.db.models import Count
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.utils import bulk_update_with_history

from reports.admin.base import ArchiveAdmin
from reports.admin.imports import AwaitingReviewFilter, ImportViews
from reports.models import Article, Claim


class ClaimInline(admin.StackedInline):
    model = Claim
    extra = 0
    show_change_link = True
    autocomplete_fields = ["claimant", "regions"]
    fields = [
        "statement",
        "quote",
        ("claimant", "asserted_on", "topic", "status"),
        ("occurred_start", "occurred_end", "occurred_precision"),
        ("quantity_value", "quantity_unit"),
        "regions",
    ]


@admin.register(Article)
class ArticleAdmin(ArchiveAdmin):
    list_display = ["title", "publisher", "published_on", "language", "status", "claim_count"]
    list_filter = ["status", "language", "is_synthetic", AwaitingReviewFilter]
    list_select_related = ["publisher"]
    search_fields = ["title", "=slug", "=url"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["publisher", "cited_sources", "regions"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["sha256", "is_synthetic", "created_by", "created_at", "updated_at"]
    inlines = [ClaimInline]
    actions = ["publish", "unpublish"]
    change_list_template = "admin/reports/import_change_list.html"
    change_form_template = "admin/reports/review_change_form.html"
    fieldsets = [
        (None, {"fields": ["title", "slug", "status"]}),
        (
            _("Publication"),
            {"fields": ["publisher", "cited_sources", "url", ("published_on", "published_time"), "dateline", "language"]},
        ),
        (_("Text"), {"fields": ["lead", "body", "regions"]}),
        (
            _("Integrity and record"),
            {"fields": ["sha256", "is_synthetic", "created_by", "created_at", "updated_at"], "classes": ["collapse"]},
        ),
    ]

    def get_urls(self):
        views, wrap = ImportViews(self), self.admin_site.admin_view
        return [
            path("import/", wrap(views.import_view), name="reports_article_import"),
            path("import/<int:job_id>/", wrap(views.job_view), name="reports_article_import_job"),
            path("review/", wrap(views.queue_view), name="reports_article_review_queue"),
            path("<path:object_id>/review/", wrap(views.review_view), name="reports_article_review"),
            *super().get_urls(),
        ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(claim_total=Count("claims"))

    @admin.display(description=_("claims"), ordering="claim_total")
    def claim_count(self, article):
        return article.claim_total

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for claim in formset.save(commit=False):
            if claim.pk is None:
                claim.created_by = request.user
        super().save_formset(request, form, formset, change)

    def _set_status(self, request, queryset, status):
        articles = [article for article in queryset if article.status != status]
        for article in articles:
            article.status = status
        bulk_update_with_history(articles, Article, ["status"], default_user=request.user)
        return len(articles)

    @admin.action(description=_("Publish the selected articles"), permissions=["change"])
    def publish(self, request, queryset):
        count = self._set_status(request, queryset, Article.Status.PUBLISHED)
        self.message_user(request, ngettext("%d article published.", "%d articles published.", count) % count, messages.SUCCESS)

    @admin.action(description=_("Return the selected articles to draft"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = self._set_status(request, queryset, Article.Status.DRAFT)
        self.message_user(
            request, ngettext("%d article made a draft.", "%d articles made drafts.", count) % count, messages.SUCCESS
        )
