import socket

from django.core.management import call_command
from django.core.management.base import BaseCommand

from reports.services.import_jobs import jobs_requeue_abandoned


class Command(BaseCommand):
    help = (
        "Run the background jobs (admin imports) waiting in the database, until stopped. First puts back in "
        "the queue what an earlier worker of the same --worker-id was running when it died, so a job killed "
        "mid-way runs again (imports write whole batches, and re-importing changes nothing). Give each worker "
        "its own stable id; one per host needs none (the host name is the default)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--worker-id", default=socket.gethostname(), help="Stable id of this worker (default: host name).")
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between two looks at an empty queue.")
        parser.add_argument("--batch", action="store_true", help="Exit once the queue is empty.")

    def handle(self, *args, worker_id, interval, batch, **options):
        requeued = jobs_requeue_abandoned(worker_id=worker_id)
        if requeued:
            self.stdout.write(f"Put back {requeued} job(s) that an earlier run of worker {worker_id} left unfinished.")
        call_command(
            "db_worker",
            worker_id=worker_id,
            interval=interval,
            batch=batch,
            reload=False,
            startup_delay=False,
            verbosity=options["verbosity"],
        )
