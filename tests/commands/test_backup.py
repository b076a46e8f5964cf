"""`backup` and `restore`: a round trip through pg_dump and pg_restore into a fresh database loses nothing."""

import json
import uuid
from io import StringIO
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from reports.models import Article, Claim, ClaimLink, Region, Source
from reports.services.backups import BackupError, tool_candidates, tool_major, tool_pick

pytestmark = pytest.mark.django_db(transaction=True)

COMPARED_TABLES = (
    [model._meta.db_table for model in (Article, Claim, ClaimLink, Region, Source)]
    + [model.history.model._meta.db_table for model in (Article, Claim, ClaimLink, Region, Source)]
    + [
        Article.history.model.regions.model._meta.db_table,
        Claim.history.model.regions.model._meta.db_table,
        Article.regions.through._meta.db_table,
        Claim.regions.through._meta.db_table,
    ]
)


def server_settings():
    return connection.settings_dict


def connect(dbname):
    settings = server_settings()
    return psycopg.connect(
        host=settings["HOST"], port=settings["PORT"] or None, user=settings["USER"], password=settings["PASSWORD"] or None,
        dbname=dbname, autocommit=True,
    )  # fmt: skip


@pytest.fixture
def fresh_database():
    name = f"restore_{uuid.uuid4().hex[:12]}"
    with connect("postgres") as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    settings = server_settings()
    host = quote(settings["HOST"], safe="")
    port = f":{settings['PORT']}" if settings["PORT"] else ""
    yield name, f"postgres://{settings['USER']}@{host}{port}/{name}"
    with connect("postgres") as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def rows(dbname, sql):
    with connect(dbname) as conn:
        return conn.execute(sql).fetchall()


def small_archive():
    call_command("load_gazetteer", stdout=StringIO())
    call_command("generate_archive", articles=25, seed=3, verbosity=0)
    claim = Claim.objects.order_by("id").first()
    claim.statement = "Edited after import"
    claim.save()
    Claim.objects.order_by("-id").first().delete()


def test_round_trip_into_a_fresh_database_keeps_every_row_hash_and_history_row(tmp_path, fresh_database):
    small_archive()
    source_db = server_settings()["NAME"]
    target_db, url = fresh_database
    dump = tmp_path / "archive.dump"

    call_command("backup", str(dump), stdout=StringIO())
    call_command("restore", str(dump), database_url=url, stdout=StringIO())

    for table in COMPARED_TABLES:
        query = f"SELECT t::text FROM {table} t ORDER BY 1"
        assert rows(target_db, query) == rows(source_db, query), table
    assert rows(target_db, "SELECT count(*) FROM reports_article") == [(25,)]
    hashes = rows(target_db, "SELECT sha256, encode(sha256(convert_to(body, 'UTF8')), 'hex') FROM reports_article")
    assert all(stored == computed for stored, computed in hashes)
    assert rows(target_db, "SELECT count(*) FROM reports_historicalclaim WHERE history_type = '-'") == [(1,)]


def test_restore_names_a_table_that_differs_from_the_manifest(tmp_path, fresh_database):
    small_archive()
    _, url = fresh_database
    dump = tmp_path / "archive.dump"
    call_command("backup", str(dump), stdout=StringIO())
    manifest_path = Path(f"{dump}.manifest.json")
    manifest = json.loads(manifest_path.read_text())
    manifest["tables"]["reports_claim"]["rows"] += 1  # as if a claim had been lost on the way
    manifest_path.write_text(json.dumps(manifest))

    with pytest.raises(CommandError, match="reports_claim"):
        call_command("restore", str(dump), database_url=url)


def test_restore_refuses_a_database_that_is_not_empty(tmp_path):
    dump = tmp_path / "archive.dump"
    call_command("backup", str(dump), stdout=StringIO())

    with pytest.raises(CommandError, match="already holds"):
        call_command("restore", str(dump))


def test_the_tools_chosen_are_at_least_as_new_as_the_server():
    candidates = tool_candidates("pg_dump")
    newest = max(tool_major(path) for path in candidates)

    chosen = tool_pick("pg_dump", newest, candidates)

    assert tool_major(chosen) >= newest
    with pytest.raises(BackupError, match=f"postgresql-client-{newest + 1}"):
        tool_pick("pg_dump", newest + 1, candidates)


def test_restore_into_a_database_that_does_not_exist_says_so(tmp_path, fresh_database):
    _, url = fresh_database
    dump = tmp_path / "archive.dump"
    call_command("backup", str(dump), stdout=StringIO())

    with pytest.raises(CommandError, match="cannot connect to the database nowhere"):
        call_command("restore", str(dump), database_url=url.rsplit("/", 1)[0] + "/nowhere")


def test_restore_of_a_file_that_is_not_a_dump_is_refused(tmp_path, fresh_database):
    _, url = fresh_database
    bogus = tmp_path / "notes.dump"
    bogus.write_text("not a dump")

    with pytest.raises(CommandError, match="pg_restore failed"):
        call_command("restore", str(bogus), database_url=url)
