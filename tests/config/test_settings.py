"""Start-up as an operator meets it: production settings, and one clear line for each mistake."""

import os
import secrets
import signal
import socket
import subprocess
import sys

from tests.support import ROOT, manage, project_env

PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(60),
    "ALLOWED_HOSTS": "archive.example.org",
    "DATABASE_URL": "postgres://archive:secret@db.example.org:5432/archive",
}


def one_line_error(result):
    message = result.stderr.strip()
    return result.returncode != 0 and "Traceback" not in message and message.count("\n") == 0 and message.startswith("error:")


def test_production_settings_pass_the_deployment_check_without_a_warning():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_missing_secret_key_in_production_stops_with_one_line():
    result = manage("check", **{**PRODUCTION, "SECRET_KEY": None})

    assert one_line_error(result), result.stderr
    assert "SECRET_KEY" in result.stderr


def test_missing_allowed_hosts_in_production_stops_with_one_line():
    result = manage("check", **{**PRODUCTION, "ALLOWED_HOSTS": None})

    assert one_line_error(result), result.stderr
    assert "ALLOWED_HOSTS" in result.stderr


def test_malformed_database_url_stops_with_one_line():
    result = manage("check", **{**PRODUCTION, "DATABASE_URL": "postgres://user@host:notaport/archive"})

    assert one_line_error(result), result.stderr
    assert "DATABASE_URL" in result.stderr


def test_a_database_url_for_another_engine_is_refused_with_one_line():
    result = manage("check", **{**PRODUCTION, "DATABASE_URL": "mysql://user@host/archive"})

    assert one_line_error(result), result.stderr
    assert "PostgreSQL" in result.stderr


def test_an_unusable_data_folder_stops_with_one_line(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")

    result = manage("check", DEBUG="1", VAR_DIR=str(blocker / "var"))

    assert one_line_error(result), result.stderr
    assert str(blocker / "var") in result.stderr


def test_a_debug_flag_that_is_not_a_boolean_is_named():
    result = manage("check", **{**PRODUCTION, "DEBUG": "perhaps"})

    assert one_line_error(result), result.stderr
    assert "DEBUG" in result.stderr


def test_local_run_generates_its_secret_key_once_and_keeps_it(tmp_path):
    show_key = ["shell", "--no-imports", "-c", "from django.conf import settings; print(settings.SECRET_KEY)"]
    first = manage(*show_key, DEBUG="1", VAR_DIR=str(tmp_path))
    second = manage(*show_key, DEBUG="1", VAR_DIR=str(tmp_path))

    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == second.stdout.strip() == (tmp_path / "secret_key").read_text().strip()
    assert len(first.stdout.strip()) >= 50


def test_serving_on_a_port_in_use_says_so_in_one_line():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = manage("runserver", f"127.0.0.1:{port}", "--noreload", DEBUG="1", timeout=60)

    assert result.returncode != 0
    assert "already in use" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_shared_cache_is_used_when_cache_url_is_set():
    show_cache = ["shell", "--no-imports", "-c", "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"]

    result = manage(*show_cache, DEBUG="1", CACHE_URL="redis://127.0.0.1:6379/0")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("RedisCache")


def test_the_embedded_server_stops_when_its_last_user_exits_even_after_one_ended_abruptly(tmp_path):
    pgdata = tmp_path / "var" / "pgdata"
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        abrupt = manage("runserver", f"127.0.0.1:{port}", "--noreload", DEBUG="1", VAR_DIR=str(tmp_path / "var"), timeout=120)
    try:
        assert abrupt.returncode != 0 and "already in use" in abrupt.stderr  # it left by os._exit
        last = manage("check", DEBUG="1", VAR_DIR=str(tmp_path / "var"), timeout=120)

        assert last.returncode == 0, last.stderr
        assert not (pgdata / "postmaster.pid").exists()
    finally:
        if (pgdata / "postmaster.pid").exists():  # stop what the failed check left running
            os.kill(int((pgdata / "postmaster.pid").read_text().split()[0]), signal.SIGTERM)


def test_malformed_replica_url_stops_with_one_line():
    result = manage("check", **{**PRODUCTION, "DATABASE_REPLICA_URL": "postgres://user@host:notaport/archive"})

    assert one_line_error(result), result.stderr
    assert "DATABASE_REPLICA_URL" in result.stderr


def test_a_replica_url_for_another_engine_is_refused_with_one_line():
    result = manage("check", **{**PRODUCTION, "DATABASE_REPLICA_URL": "mysql://user@host/archive"})

    assert one_line_error(result), result.stderr
    assert "DATABASE_REPLICA_URL" in result.stderr and "PostgreSQL" in result.stderr


SHOW_ROUTING = [
    "shell",
    "--no-imports",
    "-c",
    "from django.conf import settings; print(sorted(settings.DATABASES), getattr(settings, 'DATABASE_ROUTERS', []), "
    "'reports.routing.ReplicaRoutingMiddleware' in settings.MIDDLEWARE)",
]


def test_a_replica_url_adds_the_replica_database_its_router_and_middleware():
    result = manage(*SHOW_ROUTING, **{**PRODUCTION, "DATABASE_REPLICA_URL": "postgres://reader@replica.example.org:5432/archive"})

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['default', 'replica'] ['reports.routing.ReplicaRouter'] True"


def test_without_a_replica_url_everything_stays_on_one_database():
    result = manage(*SHOW_ROUTING, **PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['default'] [] False"


def test_a_secret_key_of_one_repeated_character_is_refused_with_one_line():
    result = manage("check", **{**PRODUCTION, "SECRET_KEY": "a" * 80})

    assert one_line_error(result), result.stderr
    assert "SECRET_KEY is too weak" in result.stderr


def test_a_short_secret_key_is_refused_with_one_line():
    result = manage("check", **{**PRODUCTION, "SECRET_KEY": secrets.token_urlsafe(20)})

    assert one_line_error(result), result.stderr
    assert "SECRET_KEY is too weak" in result.stderr


def test_the_data_folder_probe_holds_when_many_processes_start_at_once(tmp_path):
    # Each process probes the same folder hundreds of times while the others do: with one shared probe
    # file, one process deletes another's and takes the folder for unwritable.
    probe = (
        "import pathlib, sys\n"
        "from config.embedded import check_writable\n"
        "for _ in range(300):\n"
        "    check_writable(pathlib.Path(sys.argv[1]))\n"
    )
    processes = [
        subprocess.Popen([sys.executable, "-c", probe, str(tmp_path)], cwd=ROOT, stderr=subprocess.PIPE, text=True)
        for _ in range(6)
    ]
    results = [(process.wait(timeout=120), process.stderr.read()) for process in processes]

    assert results == [(0, "")] * 6
    assert list(tmp_path.iterdir()) == []


def test_workers_starting_together_on_the_embedded_database_all_start():
    processes = [
        subprocess.Popen(
            [sys.executable, "manage.py", "check"],
            cwd=ROOT,
            env=project_env(DEBUG="1"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    results = [(process.wait(timeout=180), process.stderr.read()) for process in processes]

    assert [code for code, _ in results] == [0] * 4, results
