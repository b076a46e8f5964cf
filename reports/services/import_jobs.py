"""Imports asked for in the admin, run off the request by the job worker.

The admin stores the file in an ImportJob and enqueues `reports.tasks.import_job_run`; the worker
(`manage.py run_jobs`) runs the import and writes its progress and summary to the job, which the
editor's page shows. A worker that dies mid-job leaves the task marked running; the next start of a
worker of the same id puts it back in the queue (`jobs_requeue_abandoned`), and the job runs again from
its start. That is safe because the import writes whole batches in transactions (no article is ever
half-written) and importing the same text again changes nothing: what the first attempt wrote is
counted as unchanged.
"""

import io

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from reports.importers.formats import TEXT, read_records
from reports.models import ImportJob
from reports.services import import_runs, importing

PROGRESS_EVERY = 20  # records between two progress writes
OUTCOMES_KEPT = 500  # articles listed on the job's page; the counts cover them all


@transaction.atomic
def import_job_enqueue(*, user, name: str, data: bytes, pasted: bool, draft: bool) -> ImportJob:
    """Keep the file in a new job and queue it for the worker."""
    from reports.tasks import import_job_run  # the task module imports this one

    job = ImportJob.objects.create(created_by=user, name=name, data=data, pasted=pasted, draft=draft)
    import_job_run.enqueue(job_id=job.pk)
    return job


def import_job_run(*, job_id: int) -> str:
    """Run the import of job `job_id`, recording progress as it goes and the summary at the end."""
    job = ImportJob.objects.get(pk=job_id)
    ImportJob.objects.filter(pk=job_id).update(
        status=ImportJob.Status.RUNNING, attempts=job.attempts + 1, started_at=timezone.now(), records_done=0
    )
    done = 0

    def progress(outcome):
        nonlocal done
        done += 1
        if done % PROGRESS_EVERY == 0:
            ImportJob.objects.filter(pk=job_id).update(records_done=done)

    try:
        stream = io.BytesIO(bytes(job.data))
        records = read_records(str(_("pasted text")), stream, TEXT) if job.pasted else read_records(job.name, stream)
        context = importing.import_context_build(user=job.created_by, draft=job.draft)
        summary = import_runs.articles_import(records=records, context=context, progress=progress)
    except BaseException as error:  # a second stop signal ends the worker inside the import (SystemExit)
        if isinstance(error, Exception):
            reason = f"{error.__class__.__name__}: {error}"
        else:
            reason = str(_("The worker was stopped during the import. What it wrote is kept; import the file again to finish."))
        ImportJob.objects.filter(pk=job_id).update(status=ImportJob.Status.FAILED, finished_at=timezone.now(), error=reason)
        raise
    ImportJob.objects.filter(pk=job_id).update(
        status=ImportJob.Status.DONE,
        finished_at=timezone.now(),
        records_done=done,
        result=summary_as_json(summary),
        data=b"",  # the file has served; the articles and their history keep what it held
    )
    return str(summary)


def summary_as_json(summary) -> dict:
    return {
        "text": str(summary),
        "failed": summary.failed,
        "failures": summary.failures,
        "outcomes": [
            {
                "article_id": outcome.article.pk,
                "title": outcome.article.title,
                "outcome": outcome.outcome,
                "claims": outcome.claims,
                "regions": outcome.regions,
                "ambiguous": list(outcome.ambiguous),
                "new_sources": [{"id": source.pk, "name": source.name} for source in outcome.new_sources],
            }
            for outcome in summary.outcomes[:OUTCOMES_KEPT]
        ],
        "more": max(0, len(summary.outcomes) - OUTCOMES_KEPT),
    }


def jobs_requeue_abandoned(*, worker_id: str) -> int:
    """Put back in the queue the tasks a previous worker of this id was running when it died."""
    return DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, worker_ids__contains=[worker_id]).update(
        status=TaskResultStatus.READY, started_at=None
    )
