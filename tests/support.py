"""Helpers for tests that start the project as a separate process, as a user or a server would."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

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


@contextmanager
def running_server(**env):
    """The project served by gunicorn, as in production, in its own process; yields its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=project_env(**env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"server exited: {process.stdout.read()}")
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
