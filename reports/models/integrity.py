from django.db import models
from django.utils.translation import gettext_lazy as _


class ArchiveLeaf(models.Model):
    """One version of an archived text or of a claim's quote, in the order the archive recorded them.

    PostgreSQL writes a leaf whenever the archive's own connections insert, change or delete an article's
    text or a claim's quote (triggers of migration 0012); `archive_seal` later links the new leaves into
    the hash chain: link = SHA-256(previous link ‖ digest). See docs/integrity.md for the exact bytes.
    """

    class Kind(models.TextChoices):
        ARTICLE = "article", _("article text")
        CLAIM = "claim", _("claim quote")

    seq = models.BigAutoField(primary_key=True)
    kind = models.CharField(max_length=7, choices=Kind.choices)
    record_id = models.BigIntegerField()
    digest = models.BinaryField(help_text="SHA-256 of the leaf's canonical text (docs/integrity.md).")
    link = models.BinaryField(null=True, help_text="Chain hash up to and including this leaf, once sealed.")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("archive leaf")
        verbose_name_plural = _("archive leaves")
        indexes = [
            models.Index(fields=["kind", "record_id", "-seq"], name="archiveleaf_record"),
            models.Index(fields=["seq"], name="archiveleaf_unsealed", condition=models.Q(link__isnull=True)),
        ]

    def __str__(self):
        return f"{self.seq} {self.kind} #{self.record_id}"


class ArchiveRoot(models.Model):
    """A published root: the chain's link after `last_seq` leaves, sealed at `sealed_at`."""

    sealed_at = models.DateTimeField(_("sealed"), auto_now_add=True)
    last_seq = models.BigIntegerField(_("last leaf"), unique=True)
    root = models.CharField(_("root"), max_length=64)
    leaves = models.PositiveIntegerField(_("new leaves"), help_text=_("Leaves this seal linked into the chain."))

    class Meta:
        ordering = ["-last_seq"]
        verbose_name = _("archive root")
        verbose_name_plural = _("archive roots")

    def __str__(self):
        return f"{self.last_seq} {self.root}"
