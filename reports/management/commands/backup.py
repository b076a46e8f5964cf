import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reports.services.backups import MANIFEST_SUFFIX, BackupError, archive_backup


class Command(BaseCommand):
    help = (
        "Dump the whole database with pg_dump (custom format) to FILE, and write FILE"
        f"{MANIFEST_SUFFIX} beside it: the row count and a fingerprint of every table, taken in the same "
        "snapshot as the dump, which `restore` checks. Uses the newest pg_dump at least as new as the server "
        "(the embedded server's own, or one on PATH or under /usr/lib/postgresql). The site may keep running."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="Where to write the dump, e.g. backups/archive-2026-12-02.dump.")

    def handle(self, *args, file, **options):
        started = time.monotonic()
        try:
            manifest = archive_backup(path=file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(table["rows"] for table in manifest["tables"].values())
        size = file.stat().st_size / 1e6
        self.stdout.write(
            f"Wrote {file} ({size:.1f} MB, {len(manifest['tables'])} tables, {rows} rows) and its manifest "
            f"in {time.monotonic() - started:.1f} s."
        )
