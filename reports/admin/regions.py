from django import forms
from django.contrib import admin, messages
from django.utils.html import format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from reports.admin.base import AliasSearchMixin, ArchiveAdmin
from reports.models import Region
from reports.services.region_moves import region_move_ask


@admin.register(Region)
class RegionAdmin(AliasSearchMixin, ArchiveAdmin):
    list_display = ["name", "name_uk", "kind", "code", "katottg", "parent"]
    list_filter = ["kind"]
    list_select_related = ["parent"]
    search_fields = ["name", "name_uk", "slug", "=code", "=katottg"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["ancestry", "moving_to", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "name_uk", "slug", "kind", "parent", "ancestry", "moving_to"]}),
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

    def save_model(self, request, obj, form, change):
        """A new parent is not set here: the move, with every linked claim and article, runs in the job worker."""
        if not change or "parent" not in form.changed_data or obj.parent_id is None:
            super().save_model(request, obj, form, change)
            return
        parent, obj.parent = obj.parent, form.initial_parent
        super().save_model(request, obj, form, change)
        region_move_ask(region=obj, parent=parent, user=request.user)
        message = gettext(
            "%(region)s will move under %(parent)s, with everything inside it and linked to it, once the job worker "
            "has run the move; until then it stays under %(old)s."
        )
        self.message_user(request, message % {"region": obj, "parent": parent, "old": form.initial_parent}, messages.INFO)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        parent = obj.parent if obj else None

        class RegionForm(form):
            initial_parent = parent

            def clean_parent(self):
                parent = self.cleaned_data.get("parent")
                if obj is not None and obj.moving_to_id and "parent" in self.changed_data:
                    raise forms.ValidationError(gettext("This region is already moving; wait until the job worker has moved it."))
                return parent

        return RegionForm
