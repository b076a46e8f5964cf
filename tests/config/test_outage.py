"""A database outage under a live server, for real: a PostgreSQL of the test's own is stopped while gunicorn
serves the archive from it, every kind of address answers 503 with Retry-After in its own form, and the
site answers again once the database is back, without a restart."""

import json
import shutil
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import psycopg
import pytest
from pgserver import _commands, get_server

from tests.support import collect_static, manage, production_env, running_server


class ThrowawayPostgres:
    """A PostgreSQL cluster in a temporary folder, started and stopped at will with the pgserver binaries."""

    def __init__(self):
        # Readable by the unprivileged user pgserver runs PostgreSQL as when the tests run as root.
        self.folder = Path(tempfile.mkdtemp(prefix="archive-outage-"))
        self.folder.chmod(0o755)
        self.server = get_server(self.folder / "pgdata", cleanup_mode="stop")
        self.socket_dir = parse_qs(urlsplit(self.server.get_uri()).query)["host"][0]
        with psycopg.connect(host=self.socket_dir, user="postgres", dbname="postgres", autocommit=True) as conn:
            conn.execute("CREATE DATABASE archive")
        self.url = f"postgres://postgres@{quote(self.socket_dir, safe='')}/archive"

    def _pg_ctl(self, *args):
        _commands.pg_ctl(["-w", *args], pgdata=self.server.pgdata, user=self.server.system_user, timeout=60)

    def stop(self):
        self._pg_ctl("-m", "fast", "stop")

    def start(self):
        self._pg_ctl("-o", '-h ""', "-o", f"-k {self.socket_dir}", "-l", str(self.server.log), "start")

    def remove(self):
        self.server.cleanup()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def database():
    cluster = ThrowawayPostgres()
    try:
        result = manage("migrate", "--no-input", timeout=600, **production_env(DATABASE_URL=cluster.url))
        assert result.returncode == 0, result.stderr
        yield cluster
    finally:
        cluster.remove()


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=15) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


ADDRESSES = ["/", "/claims/", "/uk/articles/", "/regions/", "/api/claims/", "/claims/?format=csv", "/feeds/claims/"]


def test_an_outage_answers_503_everywhere_and_the_site_recovers_without_a_restart(database):
    collect_static()
    with running_server(args=("--config", "config/gunicorn.py"), **production_env(DATABASE_URL=database.url)) as url:
        assert [fetch(url + path)[0] for path in ADDRESSES] == [200] * len(ADDRESSES)

        database.stop()
        answers = {path: fetch(url + path) for path in [*ADDRESSES, "/healthz"]}

        database.start()
        restarted = time.monotonic()
        while fetch(url + "/claims/")[0] != 200:
            assert time.monotonic() - restarted < 30, "the site did not recover within 30 s"
            time.sleep(0.05)
        recovery = time.monotonic() - restarted
        after = [fetch(url + path)[0] for path in ADDRESSES]

    print(f"recovered {recovery:.2f} s after the database was back")
    assert {path: status for path, (status, _, _) in answers.items()} == dict.fromkeys(answers, 503)
    assert all(int(headers["Retry-After"]) > 0 for path, (_, headers, _) in answers.items() if path != "/healthz")
    page_status, page_headers, page = answers["/claims/"]
    assert page_headers["Content-Type"].startswith("text/html")
    assert "Temporarily unavailable" in page and 'class="site-header"' in page  # the site's own page
    assert "Тимчасово недоступно" in answers["/uk/articles/"][2]
    _, api_headers, api_body = answers["/api/claims/"]
    assert api_headers["Content-Type"] == "application/json"
    assert "database" in json.loads(api_body)["detail"]
    for path in ("/claims/?format=csv", "/feeds/claims/"):
        _, headers, body = answers[path]
        assert headers["Content-Type"] == "text/plain; charset=utf-8"
        assert "database cannot be reached" in body
    assert after == [200] * len(ADDRESSES)
    assert recovery < 10
