"""Background tasks, run by `manage.py run_jobs` (django-tasks with its PostgreSQL backend)."""

from django_tasks import task

from reports.services import export_jobs, import_jobs, region_moves


@task()
def import_job_run(job_id: int) -> str:
    return import_jobs.import_job_run(job_id=job_id)


@task()
def export_job_run(job_id: int) -> int:
    return export_jobs.export_job_run(job_id=job_id)


@task()
def region_move_run(region_id: int, user_id: int | None = None) -> int:
    return region_moves.region_move_run(region_id=region_id, user_id=user_id)
