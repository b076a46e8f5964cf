from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin


class ArchiveAdmin(SimpleHistoryAdmin):
    """Every change is kept as history (viewable and revertible); long lists never count exactly."""

    show_full_result_count = False
    list_per_page = 50
    save_on_top = True
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class AliasSearchMixin:
    """Search also matches a whole alias exactly, through the GIN index on the aliases array."""

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if term:
            results |= queryset.filter(aliases__contains=[term])
        return results, may_have_duplicates


__all__ = ["ArchiveAdmin", "AliasSearchMixin", "admin"]
