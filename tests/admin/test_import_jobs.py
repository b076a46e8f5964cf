"""Admin imports run in a real job worker process, and survive that worker being killed mid-way."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from reports.models import Article, ImportJob
from reports.services.gazetteer import gazetteer_load
from reports.services.sources import sources_load
from tests.support import ROOT, database_url_for_tests, project_env

pytestmark = pytest.mark.django_db(transaction=True)

IMPORT_URL = "/admin/reports/article/import/"


@pytest.fixture
def editor(client):
    import importlib

    from django.apps import apps

    gazetteer_load()
    sources_load()
    importlib.import_module("reports.migrations.0002_editor_and_reviewer_groups").create_groups(apps, schema_editor=None)
    user = User.objects.create_user("editor", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    client.force_login(user)
    return client


def worker(*args):
    return subprocess.Popen(
        [sys.executable, "manage.py", "run_jobs", "--worker-id", "worker-under-test", "--interval", "0.2", *args],
        cwd=ROOT,
        env=project_env(DATABASE_URL=database_url_for_tests(), DEBUG="1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def feed(count):
    lines = [
        json.dumps(
            {
                "title": f"Strikes on Kharkiv, report {number}",
                "published": "2025-05-02",
                "publisher": "Ukrinform",
                "url": f"https://example.org/kharkiv/{number}",
                "body": f"The General Staff reported that Russian drones struck Kharkiv yesterday, damaging {number} houses.",
            }
        )
        for number in range(count)
    ]
    return SimpleUploadedFile("feed.jsonl", ("\n".join(lines) + "\n").encode(), content_type="application/json")


def ask_for_import(editor, upload):
    response = editor.post(IMPORT_URL, {"file": upload})
    assert response.status_code == 302
    return ImportJob.objects.get(), response["Location"]


def test_an_import_asked_for_in_the_admin_is_run_by_a_worker_process_and_its_page_shows_the_outcome(editor):
    job, page_url = ask_for_import(editor, feed(3))
    assert "waiting for the worker" in editor.get(page_url).content.decode()

    process = worker("--batch")
    output, _ = process.communicate(timeout=120)

    assert process.returncode == 0, output
    page = editor.get(page_url).content.decode()
    assert "3 created, 0 updated, 0 unchanged, 0 failed" in page
    assert "Strikes on Kharkiv, report 2" in page
    assert Article.objects.count() == 3


def test_a_worker_killed_mid_import_is_restarted_and_completes_it_with_no_half_written_article(editor):
    total = 1500
    job, page_url = ask_for_import(editor, feed(total))
    process = worker()
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.records_done >= 200:
            break
        assert process.poll() is None, process.stdout.read()
        time.sleep(0.05)
    assert job.status == ImportJob.Status.RUNNING and job.records_done < total
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    written = Article.objects.count()
    assert 0 < written < total
    # Whole batches only: every article written so far has its suggested claim and region.
    assert not Article.objects.filter(claims__isnull=True).exists()
    assert not Article.objects.filter(suggested_regions__isnull=True).exists()

    restarted = worker("--batch")
    output, _ = restarted.communicate(timeout=300)

    assert restarted.returncode == 0, output
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.attempts == 2
    assert Article.objects.count() == total
    assert not Article.objects.filter(claims__isnull=True).exists()
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL
    page = editor.get(page_url).content.decode()
    assert f"{total - written} created, 0 updated, {written} unchanged, 0 failed" in page
