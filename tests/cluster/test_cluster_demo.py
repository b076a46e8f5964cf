"""The cluster demonstration end to end: two app hosts behind HAProxy, a streaming replica, Redis, under load."""

import json
import subprocess
import sys

import pytest

from scripts.cluster import ROOT

pytestmark = pytest.mark.cluster


@pytest.fixture(scope="module")
def phases(tmp_path_factory):
    results = tmp_path_factory.mktemp("demo") / "phases.json"
    done = subprocess.run(
        [sys.executable, "scripts/cluster_demo.py", "--phase-seconds", "6", "--json", str(results)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    print(done.stdout[-3000:], done.stderr[-3000:])  # the demo's own report, shown with -s or on failure
    assert results.exists(), f"the demo stopped before its report (status {done.returncode})"
    return json.loads(results.read_text()), done.returncode


def test_demo_passes_its_own_checks(phases):
    assert phases[1] == 0


def test_both_app_hosts_serve_while_both_are_up(phases):
    served = phases[0]["two hosts"]["served_by"]
    assert set(served) == {"app1", "app2"} and min(served.values()) > 0


def test_stopping_an_app_host_fails_no_more_requests_than_were_in_flight(phases):
    assert phases[0]["host stopping"]["errors"] <= 8  # the readers, so at most one request each in flight
    assert set(phases[0]["one host"]["served_by"]) == {"app1"}


@pytest.mark.parametrize("phase", ["two hosts", "one host", "replica stopped", "replica back", "admin write"])
def test_phase_has_no_errors(phases, phase):
    assert phases[0][phase]["errors"] == 0
    assert phases[0][phase]["requests"] > 0


def test_reads_move_to_the_primary_when_the_replica_stops(phases):
    health = phases[0]["replica stopped"]["detail"]["health_after"]
    assert health["default"]["status"] == "up"
    assert health["replica"] == {"status": "down", "serving_reads": False}
    assert phases[0]["replica back"]["detail"]["health_after"]["replica"]["serving_reads"] is True


def test_admin_write_is_read_back_through_the_proxy(phases):
    write = phases[0]["admin write"]["detail"]
    assert write["editor_sees_change_at_once"] is True
    assert write["anonymous_reader_sees_change_after_seconds"] < 5
