"""Values many readers share (archive totals, counts of broad filters), cached under the archive's data version.

Every write bumps the data version once its transaction commits: ORM saves and deletes and many-to-many
changes through signals, the COPY writer of the importer and the loaders through `data_version_bump()`.
The version is part of every key `cached()` builds, so the first read after a save computes afresh and no
reader is shown a count from before it; old entries simply expire.

With CACHE_URL the version and the values live in the shared cache (Redis), so every app host and worker
sees a bump at once. Without it each process has its own memory cache, and a write is seen at once by the
process that made it; other processes see it when their entry expires (at most `timeout` seconds): set
CACHE_URL when the site runs more than one process.
"""

from collections.abc import Callable, Sequence

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "archive:data-version"


def data_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # A fresh or flushed cache: any number unlike an earlier one will do, as keys of old versions are gone too.
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not there: start it
        cache.add(VERSION_KEY, 1, timeout=None)
        cache.incr(VERSION_KEY)


def data_version_bump(*, using: str = DEFAULT_DB_ALIAS) -> None:
    """Mark the cached shared values out of date once the current transaction on `using` commits.

    After the commit, not before: a reader who computed a value between the bump and the commit would cache
    the old data under the new version.
    """
    pending = transaction.get_connection(using).run_on_commit
    if not any(callback is _bump for _, callback, _ in pending):  # once per transaction, however many rows
        transaction.on_commit(_bump, using=using)


def cached(key_parts: Sequence, compute: Callable, timeout: int):
    """`compute()`, cached for `timeout` seconds under `key_parts` and the current data version."""
    key = ":".join(["archive", f"v{data_version()}", *(str(part) for part in key_parts)])
    return cache.get_or_set(key, compute, timeout)


def _written(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    # History rows and sessions change no count a reader is shown.
    if sender._meta.app_label in {"sessions", "admin"} or sender.__name__.startswith("Historical"):
        return
    data_version_bump(using=using)


def _m2m_written(sender, action, using=DEFAULT_DB_ALIAS, **kwargs):
    if action.startswith("post_"):
        data_version_bump(using=using)


post_save.connect(_written, dispatch_uid="archive-data-version-save")
post_delete.connect(_written, dispatch_uid="archive-data-version-delete")
m2m_changed.connect(_m2m_written, dispatch_uid="archive-data-version-m2m")
