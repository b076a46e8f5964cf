from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from reports.admin.base import AliasSearchMixin, ArchiveAdmin
from reports.models import Source


@admin.register(Source)
class SourceAdmin(AliasSearchMixin, ArchiveAdmin):
    list_display = ["name", "short_name", "kind", "country", "reliability", "needs_review"]
    list_filter = ["kind", "reliability", "needs_review", "is_synthetic", "country"]
    search_fields = ["name", "short_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["is_synthetic", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "kind", "country", "website"]}),
        (_("Assessment"), {"fields": ["reliability", "description", "aliases", "needs_review"]}),
        (_("Record"), {"fields": ["is_synthetic", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]
