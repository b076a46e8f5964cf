"""Helpers for tests that start the project as a separate process, as a user or a server would."""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
# What a test process may have set that must not leak into the project it starts.
PROJECT_VARIABLES = {"DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def project_env(**overrides):
    env = {key: value for key, value in os.environ.items() if key not in PROJECT_VARIABLES}
    env.update({key: value for key, value in overrides.items() if value is not None})
    return env


def manage(*args, timeout=120, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=project_env(**env), capture_output=True, text=True, timeout=timeout
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_get(url, timeout=10):
    """(status, body) of a GET, error statuses included."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def database_url(settings_dict=None) -> str:
    """A DATABASE_URL for the database this test process uses (the test database), for a server it starts."""
    from django.db import connection

    db = settings_dict or connection.settings_dict
    credentials = quote(db["USER"] or "", safe="") + (":" + quote(db["PASSWORD"], safe="") if db.get("PASSWORD") else "")
    host = quote(db["HOST"] or "", safe="") + (f":{db['PORT']}" if db.get("PORT") else "")
    return f"postgres://{credentials}@{host}/{db['NAME']}"


def production_env(**overrides):
    """DEBUG off as in production, served over plain HTTP on the loopback, on the test database."""
    return {
        "DEBUG": "0",
        "SECRET_KEY": "test-" + "k3y-" * 20,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url(),
        **overrides,
    }


def collect_static():
    """Production settings serve hashed static names from the collected folder: fill it once."""
    result = manage("collectstatic", "--no-input", "-v", "0", timeout=300, **production_env())
    assert result.returncode == 0, result.stderr


@contextmanager
def running_server(*, args=("--workers", "1"), **env):
    """The project served by gunicorn, as in production, in its own process; yields its base URL.

    `args` are gunicorn's options besides the address, e.g. ("--config", "config/gunicorn.py").
    """
    port = free_port()
    # The server's output goes to a file: a pipe nobody reads would fill up and stop the server.
    log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 (closed in the finally below, after the server)
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", *args],
        cwd=ROOT,
        env=project_env(**env),
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"server exited: {log.read()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("server did not start within 60 s")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.seek(0)
        print(log.read()[-20_000:])  # pytest shows it beside a failure
        log.close()


def run_queued_jobs(worker_id="test-worker"):
    """Run the queued background jobs in this process with the job worker's own code, until none waits.

    Unlike `manage.py run_jobs`, it leaves the test's database connection (and its transaction) alone.
    """
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["*"], interval=0, batch=True, backend_name="default", startup_delay=False, max_tasks=None,
        worker_id=worker_id, excluded_queue_names=[],
    )  # fmt: skip
    from django.db import transaction

    while True:
        with transaction.atomic():
            result = DBTaskResult.objects.ready().select_for_update(skip_locked=True).first()
            if result is None:
                return
            result.claim(worker_id)
        worker.run_task(result)


def database_url_for_tests():
    """A DATABASE_URL naming the test database, for a project process started by a test."""
    from urllib.parse import quote

    from django.db import connection

    settings = connection.settings_dict
    host = quote(settings["HOST"] or "localhost", safe="")
    port = f":{settings['PORT']}" if settings["PORT"] else ""
    password = f":{quote(settings['PASSWORD'])}" if settings["PASSWORD"] else ""
    return f"postgres://{settings['USER']}{password}@{host}{port}/{settings['NAME']}"
