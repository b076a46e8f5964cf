"""Measure a backup round trip: `backup`, then `restore` into a fresh database, on a generated archive.

    python scripts/bench_backup.py --articles 20000      # archive under var/backup-bench (its own server)

Generates (once) a synthetic archive of N articles in its own embedded PostgreSQL under
$VAR_DIR (default var/backup-bench), times `archive_backup` and `archive_restore` into a new
database on the same server, and prints both with the dump's size and a linear extrapolation to
1,000,000 claims (an extrapolation, not a measurement: dump and restore are dominated by rows written
and indexes rebuilt, which grow about linearly).
"""

import argparse
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    args = parser.parse_args()
    os.environ.setdefault("VAR_DIR", str(ROOT / "var" / "backup-bench"))
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import psycopg
    from django.core.management import call_command
    from django.db import connection

    from reports.models import Article, Claim
    from reports.services.backups import archive_backup, archive_restore

    call_command("migrate", verbosity=0)
    if not Article.objects.exists():
        call_command("load_gazetteer", verbosity=0)
    if Article.objects.count() != args.articles:
        call_command("generate_archive", articles=args.articles, seed=1, replace=True, verbosity=0)
    claims = Claim.objects.count()
    settings = dict(connection.settings_dict)
    connection.close()
    target = f"restore_{uuid.uuid4().hex[:8]}"
    server = {"host": settings["HOST"], "user": settings["USER"], "dbname": "postgres", "autocommit": True}
    with psycopg.connect(**server) as admin:
        admin.execute(f'CREATE DATABASE "{target}"')
    try:
        with tempfile.TemporaryDirectory() as folder:
            dump = Path(folder) / "archive.dump"
            started = time.monotonic()
            archive_backup(path=dump, database=settings)
            backup_seconds = time.monotonic() - started
            size = dump.stat().st_size
            started = time.monotonic()
            archive_restore(path=dump, database={**settings, "NAME": target})
            restore_seconds = time.monotonic() - started
    finally:
        with psycopg.connect(**server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
    scale = 1_000_000 / claims
    print(f"{args.articles} articles, {claims} claims; dump {size / 1e6:.1f} MB")
    print(f"backup (pg_dump + manifest): {backup_seconds:.1f} s; restore (pg_restore + manifest check): {restore_seconds:.1f} s")
    print(
        f"extrapolated to 1,000,000 claims (x{scale:.1f}, linear): backup {backup_seconds * scale / 60:.1f} min, "
        f"restore {restore_seconds * scale / 60:.1f} min, dump {size * scale / 1e9:.2f} GB"
    )


if __name__ == "__main__":
    main()
