"""Values many readers share (archive totals, the counts of a list), cached under the archive's data version.

The version is a number PostgreSQL keeps (migration 0029): every statement that writes what a reader is shown
(public claims, published articles, sources, regions) replaces it in its own transaction, whoever runs it: an
ORM save, the importer's COPY, a bulk update in the admin, a region move, plain SQL. `cached()` reads it first
(one indexed row) and keys the value by it, so once a write commits every reader, in any process or on any
host, counts afresh; old entries expire unread. Without CACHE_URL each process keeps its own memory cache;
with it (Redis) the processes share one, which only saves work: either way no reader sees a count from before
a committed write.
"""

import hashlib
from collections.abc import Callable, Sequence
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache

from reports.routing import read_connection

_MISSING = object()
# The data version of the value being computed, if any: what it counts is at least as new as that version.
_computing_under: ContextVar[int | None] = ContextVar("computing_under", default=None)


def data_version() -> int | None:
    """The archive's data version on the connection reads use; None when it is not there (nothing is cached)."""
    with read_connection().cursor() as cursor:
        cursor.execute("SELECT version FROM reports_dataversion")
        row = cursor.fetchone()
    return row[0] if row else None


def cached(key_parts: Sequence, compute: Callable, timeout: int, *, version: int | None = None):
    """`compute()`, cached for `timeout` seconds under `key_parts` and the data version read before it runs.

    `version`: the data version, when the caller has just read it. A None from `compute()` (a count cancelled
    at its time budget) is not kept.
    """
    if not settings.COUNTS_CACHE:
        return compute()
    if version is None:
        # Values computed for an outer value (the home page's totals) take its version: one read for them all.
        version = _computing_under.get() or data_version()
    if version is None:
        return compute()
    key = f"archive:v{version}:{digest(*key_parts)}"  # short and of safe characters, whatever the parts hold
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        token = _computing_under.set(version)
        try:
            value = compute()
        finally:
            _computing_under.reset(token)
        if value is not None:
            cache.set(key, value, timeout)
    return value


def digest(*parts) -> str:
    """A short cache key naming `parts` (an address, an SQL statement with its parameters…)."""
    return hashlib.sha256("\x00".join(repr(part) for part in parts).encode()).hexdigest()
