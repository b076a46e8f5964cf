"""Reads of public requests on the read replica, everything else on the primary.

With DATABASE_REPLICA_URL set, the settings add a `replica` database, `ReplicaRouter` and
`ReplicaRoutingMiddleware`. The middleware marks a request as a public read when it is a GET or HEAD
outside the admin from a client that has not written in the last few seconds; only those read from the
replica. A request that writes (any other method) leaves a short-lived cookie, so that the editor who
saved reads their own change on the primary until the replica has replayed it (read your writes).

The replica may stop answering. Each process keeps a memo of its state: a query that fails on the
replica marks it down, the request is answered again on the primary (GET and HEAD only, so repeating is
safe), and later requests go to the primary until a reconnection attempt, at most every
REPLICA_RETRY_SECONDS, succeeds again.
"""

import contextlib
import contextvars
import logging
import time

from django.conf import settings
from django.core.signals import request_finished
from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections, router

logger = logging.getLogger(__name__)

REPLICA = "replica"
PIN_COOKIE = "read_primary_until"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# What always stays on the primary: sign-in, sessions and the admin's own records are written and read
# back at once, and never by the public pages.
PRIMARY_APPS = frozenset({"admin", "auth", "sessions"})

_reading_replica = contextvars.ContextVar("reading_replica", default=False)


class _ReplicaState:
    """Whether this process may send reads to the replica; rechecked only after a failure."""

    def __init__(self):
        self.up = True
        self.checked = 0.0

    def mark_down(self, error):
        if self.up:
            logger.warning("the read replica failed (%s); reading from the primary", error)
        self.up = False
        self.checked = time.monotonic()
        # Closing a connection to a server that is gone may fail again; there is nothing to keep.
        with contextlib.suppress(OperationalError, InterfaceError):
            connections[REPLICA].close()

    def usable(self):
        if self.up:
            return True
        if time.monotonic() - self.checked < settings.REPLICA_RETRY_SECONDS:
            return False
        self.checked = time.monotonic()
        try:
            connections[REPLICA].ensure_connection()
            with connections[REPLICA].cursor() as cursor:
                cursor.execute("SELECT 1")
        except (OperationalError, InterfaceError):
            connections[REPLICA].close()
            return False
        logger.warning("the read replica answers again; public reads go back to it")
        self.up = True
        return True


replica_state = _ReplicaState()


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


def reading_replica() -> bool:
    """True while the current request reads from the replica."""
    return _reading_replica.get()


def read_connection():
    """The connection that raw SQL of a read should use: the replica during a public read, else the primary."""
    return connections[router.db_for_read(None) or DEFAULT_DB_ALIAS]


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if model is not None and model._meta.app_label in PRIMARY_APPS:
            return DEFAULT_DB_ALIAS
        return REPLICA if _reading_replica.get() else DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica is a copy of the primary: the same rows

    def allow_migrate(self, db, app_label, **hints):
        return db == DEFAULT_DB_ALIAS  # the replica is read-only and replays the primary's schema


def _pinned_to_primary(request) -> bool:
    try:
        until = float(request.COOKIES.get(PIN_COOKIE, "0"))
    except ValueError:
        return False
    return time.time() < until <= time.time() + settings.REPLICA_PIN_SECONDS


def _is_public_read(request) -> bool:
    return (
        request.method in SAFE_METHODS
        and not request.path.startswith(settings.REPLICA_PRIMARY_PATHS)
        and not _pinned_to_primary(request)
    )


class ReplicaRoutingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        public_read = _is_public_read(request)
        request.replica_failed = False
        _reading_replica.set(public_read and replica_state.usable())
        response = self.get_response(request)
        if request.replica_failed and request.method in SAFE_METHODS:
            # The replica broke during this read; the same request again, on the primary.
            _reading_replica.set(False)
            response = self.get_response(request)
        if request.method not in SAFE_METHODS:
            response.set_cookie(
                PIN_COOKIE,
                f"{time.time() + settings.REPLICA_PIN_SECONDS:.3f}",
                max_age=settings.REPLICA_PIN_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response

    def process_exception(self, request, exception):
        if _reading_replica.get() and isinstance(exception, OperationalError | InterfaceError):
            replica_state.mark_down(exception)
            request.replica_failed = True
        return None


def _end_of_request(**kwargs):
    # After a streamed response is consumed, not when the view returns: the stream reads where its view did.
    _reading_replica.set(False)


request_finished.connect(_end_of_request)


def database_health() -> dict:
    """Each database's state for /healthz: {"default": {...}, "replica": {...}}."""
    report = {}
    for alias in [DEFAULT_DB_ALIAS] + ([REPLICA] if replica_configured() else []):
        try:
            with connections[alias].cursor() as cursor:
                if alias == REPLICA:
                    # Seconds since the last replayed transaction's commit: lag while the primary is busy.
                    cursor.execute(
                        "SELECT pg_is_in_recovery(), "
                        "COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0)::float"
                    )
                    in_recovery, lag = cursor.fetchone()
                    report[alias] = {"status": "up", "in_recovery": in_recovery, "replay_age_seconds": round(lag, 3)}
                else:
                    cursor.execute("SELECT 1")
                    report[alias] = {"status": "up"}
        except (OperationalError, InterfaceError):
            connections[alias].close()
            report[alias] = {"status": "down"}
            if alias == REPLICA:
                replica_state.mark_down("health check")
    if REPLICA in report:
        report[REPLICA]["serving_reads"] = report[REPLICA]["status"] == "up" and replica_state.usable()
    return report
