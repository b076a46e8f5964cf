from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from reports.admin.base import AliasSearchMixin, ArchiveAdmin
from reports.models import Region


@admin.register(Region)
class RegionAdmin(AliasSearchMixin, ArchiveAdmin):
    list_display = ["name", "name_uk", "kind", "code", "katottg", "parent"]
    list_filter = ["kind"]
    list_select_related = ["parent"]
    search_fields = ["name", "name_uk", "slug", "=code", "=katottg"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["ancestry", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "name_uk", "slug", "kind", "parent", "ancestry"]}),
        (_("Codes"), {"fields": ["code", "katottg", "katottg_category"]}),
        (_("Geography"), {"fields": ["latitude", "longitude", "location_precision", "area_km2"]}),
        (_("Other spellings"), {"fields": ["aliases"]}),
        (_("Record"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description=_("lies in"))
    def ancestry(self, region):
        if not region.pk:
            return "—"
        return format_html_join(" › ", "{}", ((ancestor.name,) for ancestor in region.ancestors())) or "—"
