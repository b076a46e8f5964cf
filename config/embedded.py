"""The embedded PostgreSQL server that local runs use when DATABASE_URL is unset.

The `pgserver` wheel ships PostgreSQL 16. Its data lives under `var/pgdata`, so it survives between
runs. Every process that loads the settings registers itself with the server; the server stops when
the last of them exits, so `make run` and `make test` leave nothing running behind them.
"""

import atexit
import contextlib
import os
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

DATABASE_NAME = "archive"


def _fail(message):
    sys.exit(f"error: {message}")


def check_writable(var_dir: Path) -> None:
    """Stop with one line unless `var_dir` can be created and written to.

    The probe file is named after the process: workers that start together would otherwise delete one
    another's probe and take the folder for unwritable.
    """
    try:
        var_dir.mkdir(parents=True, exist_ok=True)
        probe = var_dir / f".write-test-{os.getpid()}"
        probe.write_text("")
        probe.unlink()
    except OSError as error:
        _fail(f"the data folder {var_dir} is not writable ({error.strerror}); fix its permissions or set DATABASE_URL")


def database_settings(var_dir: Path) -> dict:
    """Start (or join) the embedded server and return a Django DATABASES entry for it."""
    check_writable(var_dir)

    import warnings

    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset; the fallback it picks is fine.
        warnings.simplefilter("ignore")
        try:
            import pgserver

            server = pgserver.get_server(var_dir / "pgdata", cleanup_mode="stop")
        except Exception as error:  # the package raises bare assertions and subprocess errors
            log = var_dir / "pgdata" / "log"
            _fail(f"the embedded PostgreSQL did not start ({error.__class__.__name__}: {error}); see {log}")
    _forget_exited_users(server)
    atexit.register(_forget_exited_users, server)  # runs before the package's own handler, registered earlier

    socket_dir = parse_qs(urlsplit(server.get_uri()).query)["host"][0]
    _ensure_database(socket_dir)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": "postgres",
        "HOST": socket_dir,
        "PORT": "",
    }


def _forget_exited_users(server) -> None:
    """Drop from the server's list of users the processes that ended without their exit handlers.

    The server stops when the last process on that list exits. One that ends by os._exit (as runserver does
    when its port is taken) or by a kill stays on it, and would keep the server running after everyone left.
    """
    import psutil

    with server._lock:
        users = server.global_process_id_list
        users.put([pid for pid in users.get() if psutil.pid_exists(pid)])


def _ensure_database(socket_dir: str) -> None:
    import psycopg

    with psycopg.connect(host=socket_dir, user="postgres", dbname="postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]).fetchone()
        if not exists:
            # Another process may have created it a moment ago.
            with contextlib.suppress(psycopg.errors.DuplicateDatabase):
                conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
