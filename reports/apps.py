from django.apps import AppConfig
from django.db.models.signals import pre_delete
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports archive")

    def ready(self):
        from reports.models import Article, Claim, Region, Source
        from reports.services.restoring import relations_keep

        # A deleted record's links go with it; keep them so that restoring it is lossless.
        for model in (Article, Claim, Region, Source):
            pre_delete.connect(relations_keep, sender=model, dispatch_uid=f"relations_keep_{model._meta.model_name}")
        from reports import signals  # noqa: F401  (connects the receivers)
