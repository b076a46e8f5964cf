"""Public reads on a real streaming replica, writes and the admin on the primary, and the fallback when the
replica stops: two PostgreSQL servers from the embedded binaries, the app served by gunicorn over HTTP."""

import json
import time

import pytest

from scripts import cluster
from scripts.cluster_demo import Browser

pytestmark = pytest.mark.cluster

PASSWORD = "replica-test-password-1"


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    base = tmp_path_factory.mktemp("replica")
    primary, replica = cluster.start_pair(base / "pg")
    try:
        environment = cluster.app_environment(primary.url, None, "", 0)
        environment.pop("CACHE_URL")
        cluster.manage(environment, "migrate", "--no-input")
        cluster.manage(environment, "collectstatic", "--no-input")
        cluster.manage(environment, "load_demo")
        cluster.manage({**environment, "DJANGO_SUPERUSER_PASSWORD": PASSWORD}, "createsuperuser", "--no-input",
                       "--username", "editor", "--email", "editor@example.org")  # fmt: skip
        cluster.wait_until_replayed(primary, replica)
        yield primary, replica
    finally:
        replica.stop("immediate")
        primary.stop("immediate")


@pytest.fixture(scope="module")
def site(pair, tmp_path_factory):
    """The app on the pair, one gunicorn worker (so one memo of the replica's state); yields its port."""
    primary, replica = pair
    port = cluster.free_port()
    environment = cluster.app_environment(primary.url, replica.url, "", port)
    environment.pop("CACHE_URL")
    environment.update(REPLICA_PIN_SECONDS="3", REPLICA_RETRY_SECONDS="1")
    process = cluster.start_app_host(environment, port, tmp_path_factory.mktemp("logs") / "app.log", workers=1)
    yield port
    cluster.stop_process(process)


@pytest.fixture
def replay_paused(pair):
    """The replica stops applying the primary's changes (it keeps answering), and catches up afterwards."""
    primary, replica = pair
    replica.sql("SELECT pg_wal_replay_pause()")
    yield primary
    replica.sql("SELECT pg_wal_replay_resume()")
    cluster.wait_until_replayed(primary, replica)


def _description_set(primary, text):
    primary.sql(f"UPDATE reports_source SET description = '{text}' WHERE slug = 'isw'")


def _isw_id(primary):
    return primary.sql("SELECT id FROM reports_source WHERE slug = 'isw'")[0][0]


def _isw_page(browser):
    status, _, page = browser.request("GET", "/sources/isw/")
    assert status == 200
    return page


def _logged_in(port):
    editor = Browser(port)
    form = editor.form("/admin/login/")
    form.update(username="editor", password=PASSWORD, next="/admin/")
    status, _, _ = editor.request("POST", "/admin/login/", form)
    assert status == 302
    return editor


def test_public_page_is_read_from_the_replica(site, pair, replay_paused):
    _description_set(replay_paused, "Written while the replica was paused")

    assert "Written while the replica was paused" not in _isw_page(Browser(site))


def test_public_page_shows_the_write_once_the_replica_replayed_it(site, pair):
    primary, replica = pair
    _description_set(primary, "Replayed by the replica")
    cluster.wait_until_replayed(primary, replica)

    assert "Replayed by the replica" in _isw_page(Browser(site))


def test_editor_who_saved_in_the_admin_reads_the_change_at_once(site, pair, replay_paused):
    editor = _logged_in(site)
    change = f"/admin/reports/source/{_isw_id(replay_paused)}/change/"
    fields = editor.form(change)
    fields["description"] = "Saved by the editor in the admin"
    status, _, _ = editor.request("POST", change, fields)
    assert status == 302

    assert "Saved by the editor in the admin" in _isw_page(editor)
    assert "Saved by the editor in the admin" not in _isw_page(Browser(site))  # others: the paused replica


def test_editor_reads_from_the_replica_again_once_the_pin_expires(site, pair, replay_paused):
    editor = _logged_in(site)  # signing in is a write: pinned to the primary for 3 s
    _description_set(replay_paused, "Pin expired")
    assert "Pin expired" in _isw_page(editor)
    time.sleep(3.5)

    assert "Pin expired" not in _isw_page(editor)


def test_admin_pages_read_from_the_primary(site, pair, replay_paused):
    editor = _logged_in(site)
    time.sleep(3.5)  # past the pin of the sign-in: only the admin path sends this read to the primary
    _description_set(replay_paused, "Seen in the admin")

    assert editor.form(f"/admin/reports/source/{_isw_id(replay_paused)}/change/")["description"].strip() == "Seen in the admin"


@pytest.mark.parametrize("cookie", ["not-a-number", "1e400", "-5", "99999999999"])
def test_malformed_or_far_future_pin_cookie_neither_fails_nor_pins(site, pair, replay_paused, cookie):
    _description_set(replay_paused, f"Pin cookie {cookie}")
    reader = Browser(site)
    reader.cookies["read_primary_until"] = cookie

    assert f"Pin cookie {cookie}" not in _isw_page(reader)


def test_healthz_reports_the_replica_in_recovery_and_serving_reads(site):
    status, _, body = Browser(site).request("GET", "/healthz")

    assert status == 200
    replica = json.loads(body)["databases"]["replica"]
    assert replica["status"] == "up" and replica["in_recovery"] is True and replica["serving_reads"] is True


def test_reads_fall_back_to_the_primary_when_the_replica_stops_and_return_when_it_is_back(site, pair):
    primary, replica = pair
    replica.stop("fast")
    try:
        reader = Browser(site)
        statuses = [reader.request("GET", path)[0] for path in ["/sources/isw/", "/claims/", "/", "/api/claims/"]]
        status, _, body = reader.request("GET", "/healthz")
        assert statuses == [200, 200, 200, 200]
        assert status == 200
        assert json.loads(body)["databases"]["replica"] == {"status": "down", "serving_reads": False}
    finally:
        replica.start()

    time.sleep(1.5)  # the app tries the replica again after REPLICA_RETRY_SECONDS
    replica.sql("SELECT pg_wal_replay_pause()")
    try:
        _description_set(primary, "Back on the replica")
        assert "Back on the replica" not in _isw_page(Browser(site))
    finally:
        replica.sql("SELECT pg_wal_replay_resume()")
