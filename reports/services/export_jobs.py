"""Long exports written to files by the job worker, downloaded by the editor from the job's page.

The file is written under VAR_DIR/exports/ by the same code as `manage.py export` (whole or not at all:
it appears under its name only once complete), so the web process that serves the download must see the
worker's VAR_DIR (one host, or a shared folder). A worker that dies mid-export leaves no file; the job
runs again when the worker restarts (see import_jobs).
"""

from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone

from reports.exports.files import export_plan, export_write
from reports.listings import ARTICLES, CLAIMS, evaluate
from reports.models import ExportJob

KINDS = {listing.plural: listing for listing in (CLAIMS, ARTICLES)}
PROGRESS_ROWS = 10_000


def exports_folder() -> Path:
    folder = Path(settings.VAR_DIR) / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@transaction.atomic
def export_job_enqueue(*, user, kind: str, query: str, export_format: str, site_url: str) -> ExportJob:
    """Check the filters now (QueryRejected names what is not understood) and queue the export."""
    from reports.tasks import export_job_run  # the task module imports this one

    evaluate(KINDS[kind], QueryDict(query), strict=True)
    job = ExportJob.objects.create(created_by=user, kind=kind, query=query, format=export_format, site_url=site_url)
    export_job_run.enqueue(job_id=job.pk)
    return job


def export_job_run(*, job_id: int) -> int:
    """Write the export of job `job_id` to its file, recording the rows written as it goes."""
    job = ExportJob.objects.get(pk=job_id)
    plan = export_plan(listing=KINDS[job.kind], query=QueryDict(job.query), export_format=job.format, site_url=job.site_url)
    ExportJob.objects.filter(pk=job_id).update(status=ExportJob.Status.RUNNING, rows_expected=plan.rows_expected, rows_done=0)
    file_name = f"{job.kind}-{job.pk}.{job.format}"
    written = 0

    def progress(rows):
        nonlocal written
        if (written + rows) // PROGRESS_ROWS > written // PROGRESS_ROWS:
            ExportJob.objects.filter(pk=job_id).update(rows_done=written + rows)
        written += rows

    try:
        rows = export_write(plan=plan, path=exports_folder() / file_name, progress=progress)
    except BaseException as error:
        ExportJob.objects.filter(pk=job_id).update(
            status=ExportJob.Status.FAILED, finished_at=timezone.now(), error=f"{error.__class__.__name__}: {error}"
        )
        raise
    ExportJob.objects.filter(pk=job_id).update(
        status=ExportJob.Status.DONE, rows_done=rows, file_name=file_name, finished_at=timezone.now()
    )
    return rows


def export_job_file(job: ExportJob) -> Path | None:
    if job.status != ExportJob.Status.DONE or not job.file_name:
        return None
    path = exports_folder() / job.file_name
    return path if path.is_file() else None
