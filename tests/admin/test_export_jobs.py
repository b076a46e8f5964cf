"""Long exports run as background jobs: the file holds exactly what the list's download gives."""

import pytest
from django.contrib.auth.models import Group, User

from reports.models import Claim, ExportJob
from tests.factories import ClaimFactory
from tests.support import run_queued_jobs

pytestmark = pytest.mark.django_db

EXPORT_URL = "/admin/reports/claim/export/"


@pytest.fixture
def editor(client, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    user = User.objects.create_user("editor", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    client.force_login(user)
    return client


def test_an_export_job_writes_the_same_file_as_the_download_and_offers_it_on_its_page(editor):
    ClaimFactory.create_batch(3, status=Claim.Status.UNVERIFIED)
    ClaimFactory(status=Claim.Status.UNVERIFIED, topic=Claim.Topic.STRIKES)
    response = editor.post(EXPORT_URL, {"kind": "claims", "query": "/claims/?topic=territorial_control", "format": "csv"})
    assert response.status_code == 302
    assert "waiting for the worker" in editor.get(response["Location"]).content.decode()

    run_queued_jobs()

    job = ExportJob.objects.get()
    page = editor.get(response["Location"]).content.decode()
    assert "3 of 3 rows written" in page
    file_url = f"{EXPORT_URL}{job.pk}/file/"
    assert file_url in page
    exported = b"".join(editor.get(file_url).streaming_content)
    downloaded = b"".join(editor.get("/claims/?topic=territorial_control&format=csv").streaming_content)
    assert exported == downloaded
    assert exported.count(b"\n") == 4


def test_an_export_with_a_filter_not_understood_is_refused_before_it_is_queued(editor):
    response = editor.post(EXPORT_URL, {"kind": "claims", "query": "region=atlantis", "format": "json"})

    assert response.status_code == 200
    assert "atlantis" in response.content.decode()
    assert not ExportJob.objects.exists()


def test_the_file_of_an_unfinished_export_is_not_found(editor):
    response = editor.post(EXPORT_URL, {"kind": "articles", "query": "", "format": "jsonl"})
    job = ExportJob.objects.get()

    assert response.status_code == 302
    assert editor.get(f"{EXPORT_URL}{job.pk}/file/").status_code == 404
