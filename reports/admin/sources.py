from django.contrib import admin
from django.db.models import Case, IntegerField, Q, Value, When
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

    def get_search_results(self, request, queryset, search_term):
        """As the mixin's, with a name, short name or alias equal to the term first, then those starting with it, so
        that choosing a claimant by typing "Steppe" offers Steppe before every source that merely mentions it."""
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if not term:
            return results, may_have_duplicates
        closeness = Case(
            When(Q(name__iexact=term) | Q(short_name__iexact=term) | Q(aliases__contains=[term]), then=Value(0)),
            When(Q(name__istartswith=term) | Q(short_name__istartswith=term), then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
        return results.annotate(closeness=closeness).order_by("closeness", "name"), may_have_duplicates

    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "kind", "country", "website"]}),
        (_("Assessment"), {"fields": ["reliability", "description", "aliases", "needs_review"]}),
        (_("Record"), {"fields": ["is_synthetic", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]
