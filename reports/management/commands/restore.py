import time
from pathlib import Path

import dj_database_url
from django.core.management.base import BaseCommand, CommandError

from reports.services.backups import MANIFEST_SUFFIX, BackupError, archive_restore


class Command(BaseCommand):
    help = (
        "Restore a dump written by `backup` with pg_restore, in one transaction, into an empty database (the "
        "configured one, or --database-url), then recount every table and compare it with the dump's "
        f"manifest (FILE{MANIFEST_SUFFIX}); exits 1 naming each table that differs."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="A dump written by `manage.py backup`.")
        parser.add_argument(
            "--database-url",
            help="Restore into this database (postgres://user:password@host:5432/name) instead of the configured one.",
        )
        parser.add_argument(
            "--replace", action="store_true", help="Drop what the target database holds first (it must otherwise be empty)."
        )

    def handle(self, *args, file, database_url=None, replace=False, **options):
        database = None
        if database_url:
            try:
                database = dj_database_url.parse(database_url)
            except ValueError as error:
                raise CommandError(f"--database-url is malformed: {error}") from error
        started = time.monotonic()
        try:
            tables = archive_restore(path=file, database=database, replace=replace)
        except BackupError as error:
            raise CommandError(str(error), returncode=1) from error
        rows = sum(table["rows"] for table in tables.values())
        checked = "matches its manifest" if Path(f"{file}{MANIFEST_SUFFIX}").is_file() else "has no manifest to check"
        self.stdout.write(
            f"Restored {len(tables)} tables, {rows} rows, in {time.monotonic() - started:.1f} s; the result {checked}."
        )
