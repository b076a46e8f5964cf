from django.db import models
from django.utils.translation import gettext_lazy as _


class DeletedRelations(models.Model):
    """The links a record had when it was deleted, so that restoring it brings them back.

    A deleted record's own fields live in its history, but the rows that joined it to others (an article's
    regions, a region's articles, the links between claims) vanish with it, and the history of the records
    on the other side never learns of it. One row per deleted record keeps them; `transaction_id` tells
    which records went in the same deletion (an article and the claims that cascaded with it).
    """

    model = models.CharField(_("model"), max_length=100, help_text=_("app_label.model_name of the deleted record."))
    object_id = models.BigIntegerField(_("record id"))
    transaction_id = models.BigIntegerField(_("transaction"), help_text=_("PostgreSQL transaction that deleted it."))
    relations = models.JSONField(_("relations"), default=dict)
    deleted_at = models.DateTimeField(_("deleted"), auto_now_add=True)

    class Meta:
        verbose_name = _("relations of a deleted record")
        verbose_name_plural = _("relations of deleted records")
        indexes = [
            models.Index(fields=["model", "object_id", "-deleted_at"], name="deletedrelations_record"),
            models.Index(fields=["transaction_id"], name="deletedrelations_transaction"),
        ]

    def __str__(self):
        return f"{self.model} #{self.object_id}"
