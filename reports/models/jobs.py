from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportJobStatus(models.TextChoices):
    QUEUED = "queued", _("waiting for the worker")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class ImportJob(models.Model):
    """An import asked for in the admin, run by the job worker; its file is kept here until it has run.

    The file lives in the database rather than on disk so that the web and the worker need share nothing
    but PostgreSQL. `result` holds the summary the editor reads on the job's page.
    """

    Status = ImportJobStatus

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("asked by")
    )
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    name = models.CharField(_("file"), max_length=255, help_text=_("The uploaded file's name, or 'pasted text'."))
    pasted = models.BooleanField(_("pasted"), default=False)
    data = models.BinaryField(_("content"))
    draft = models.BooleanField(_("keep new articles as drafts"), default=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    records_done = models.PositiveIntegerField(_("records done"), default=0)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import job")
        verbose_name_plural = _("import jobs")
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=ImportJobStatus.values), name="importjob_status_valid")
        ]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"


class ExportJob(models.Model):
    """A long export written to a file by the job worker, for the editor to download when it is ready."""

    Status = ImportJobStatus

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("asked by")
    )
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    kind = models.CharField(_("records"), max_length=8, help_text=_("claims or articles"))
    query = models.TextField(_("filters"), blank=True, help_text=_("The list filters, as in the list's address."))
    format = models.CharField(_("format"), max_length=5)
    site_url = models.CharField(_("site address"), max_length=300, help_text=_("For the permalinks in the file."))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.QUEUED)
    rows_expected = models.PositiveIntegerField(_("rows expected"), default=0)
    rows_done = models.PositiveIntegerField(_("rows written"), default=0)
    file_name = models.CharField(_("file"), max_length=255, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("export job")
        verbose_name_plural = _("export jobs")
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=ImportJobStatus.values), name="exportjob_status_valid")
        ]

    def __str__(self):
        return f"{self.kind} {self.format} ({self.get_status_display()})"
