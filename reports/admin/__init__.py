from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from reports.admin import articles, claims, regions, sources  # noqa: F401  (registering the admins)

admin.site.site_header = _("Conflict-report archive")
admin.site.site_title = _("Archive admin")
admin.site.index_title = _("Editing and review")
