"""Backups with PostgreSQL's own tools, and a manifest that proves a restore brought back every row.

`archive_backup` runs pg_dump (custom format) inside a snapshot it shares with the manifest it writes
beside the dump: for each table, its row count and a fingerprint of its rows, so the two describe
exactly the same moment even while the site keeps writing. `archive_restore` runs pg_restore into a
database and recomputes the manifest there; any table whose count or fingerprint differs is named.

The tools must be at least as new as the server: pg_dump refuses an older-than-server binary, and the
Debian client may be older than the embedded PostgreSQL 16. Candidates are the embedded server's own
binaries, the ones on PATH and those under /usr/lib/postgresql/*/bin; the newest that fits is used.
"""

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

import psycopg
from django.conf import settings
from django.utils import timezone

MANIFEST_SUFFIX = ".manifest.json"


class BackupError(Exception):
    """The backup or the restore could not be done, or the restore does not match; the message says why."""


def libpq_environment(database: dict | None = None) -> dict:
    """Environment variables that point PostgreSQL's tools (and psycopg) at `database`, a DATABASES entry."""
    database = database or settings.DATABASES["default"]
    values = {
        "PGHOST": database.get("HOST"),
        "PGPORT": str(database.get("PORT") or ""),
        "PGUSER": database.get("USER"),
        "PGPASSWORD": database.get("PASSWORD"),
        "PGDATABASE": database.get("NAME"),
    }
    return {key: value for key, value in values.items() if value}


def _connect(environment: dict, **kwargs):
    names = {"PGHOST": "host", "PGPORT": "port", "PGUSER": "user", "PGPASSWORD": "password", "PGDATABASE": "dbname"}
    try:
        return psycopg.connect(**{names[key]: value for key, value in environment.items()}, **kwargs)
    except psycopg.OperationalError as error:
        raise BackupError(f"cannot connect to the database {environment.get('PGDATABASE')}: {error}") from error


def tool_candidates(name: str) -> list[Path]:
    found = []
    try:
        from pgserver._commands import POSTGRES_BIN_PATH

        found.append(Path(POSTGRES_BIN_PATH) / name)
    except ImportError:
        pass
    on_path = shutil.which(name)
    if on_path:
        found.append(Path(on_path))
    found.extend(sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}")))
    return [path for path in found if path.is_file() and os.access(path, os.X_OK)]


def tool_major(path: Path) -> int:
    output = subprocess.run([str(path), "--version"], capture_output=True, text=True, check=True).stdout
    found = re.search(r"\)\s+(\d+)", output)  # "pg_dump (PostgreSQL) 16.4 (Debian ...)"
    if not found:
        raise BackupError(f"{path} did not say its version: {output!r}")
    return int(found.group(1))


def tool_pick(name: str, server_major: int, candidates: Iterable[Path] | None = None) -> Path:
    """The newest `name` binary whose major version is at least the server's."""
    versions = {path: tool_major(path) for path in (tool_candidates(name) if candidates is None else candidates)}
    fitting = [path for path, major in versions.items() if major >= server_major]
    if not fitting:
        seen = ", ".join(f"{path} ({major})" for path, major in versions.items()) or "none"
        raise BackupError(
            f"no {name} of PostgreSQL {server_major} or newer was found (seen: {seen}); "
            f"install the client of version {server_major} (Debian: postgresql-client-{server_major})"
        )
    return max(fitting, key=versions.get)


def _server_major(connection) -> int:
    return int(connection.execute("SHOW server_version_num").fetchone()[0]) // 10000


def archive_manifest(connection) -> dict:
    """Row count and an order-free fingerprint (sum of per-row hashes) of every table in the public schema."""
    tables = [
        row[0]
        for row in connection.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename").fetchall()
    ]
    manifest = {}
    for table in tables:
        count, fingerprint = connection.execute(
            f"""SELECT count(*), coalesce(sum(('x' || left(md5(t::text), 15))::bit(60)::bigint::numeric), 0)::text
                FROM public."{table}" t"""
        ).fetchone()
        manifest[table] = {"rows": count, "fingerprint": fingerprint}
    return manifest


def archive_backup(*, path: Path, database: dict | None = None) -> dict:
    """Dump the database to `path` (pg_dump's custom format) and write its manifest beside it."""
    environment = libpq_environment(database)
    path = Path(path)
    with _connect(environment, autocommit=False) as connection:
        connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        snapshot = connection.execute("SELECT pg_export_snapshot()").fetchone()[0]
        pg_dump = tool_pick("pg_dump", _server_major(connection))
        dump = subprocess.run(
            [str(pg_dump), "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}", f"--file={path}"],
            env={**os.environ, **environment},
            capture_output=True,
            text=True,
        )
        if dump.returncode:
            raise BackupError(f"pg_dump failed: {dump.stderr.strip()}")
        tables = archive_manifest(connection)
    manifest = {"created_at": timezone.now().isoformat(), "pg_dump": str(pg_dump), "tables": tables}
    Path(f"{path}{MANIFEST_SUFFIX}").write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return manifest


def archive_restore(*, path: Path, database: dict | None = None, replace: bool = False) -> dict:
    """Restore the dump at `path` into `database`, then check every table against the dump's manifest.

    The target must be empty unless `replace` is given (then what is there is dropped first). The restore
    is one transaction: it lands whole or not at all. Returns the manifest recomputed on the target.
    """
    environment = libpq_environment(database)
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist")
    with _connect(environment, autocommit=True) as connection:
        pg_restore = tool_pick("pg_restore", _server_major(connection))
        occupied = connection.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0]
    if occupied and not replace:
        raise BackupError(
            f"the database {environment.get('PGDATABASE')} already holds {occupied} tables; "
            "restore into an empty database, or pass --replace to drop them first"
        )
    options = ["--clean", "--if-exists"] if replace else []
    restored = subprocess.run(
        [
            str(pg_restore),
            *options,
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={environment.get('PGDATABASE', '')}",
            str(path),
        ],  # fmt: skip
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
    )
    if restored.returncode:
        raise BackupError(f"pg_restore failed: {restored.stderr.strip()}")
    with _connect(environment, autocommit=True) as connection:
        tables = archive_manifest(connection)
    manifest_path = Path(f"{path}{MANIFEST_SUFFIX}")
    if manifest_path.is_file():
        expected = json.loads(manifest_path.read_text())["tables"]
        differences = [
            f"{table}: {expected.get(table)} in the backup, {tables.get(table)} restored"
            for table in sorted(set(expected) | set(tables))
            if expected.get(table) != tables.get(table)
        ]
        if differences:
            raise BackupError("the restored database differs from the backup:\n" + "\n".join(differences))
    return tables
