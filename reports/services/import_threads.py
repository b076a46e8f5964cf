"""The threads of an import run: one reads and checks the records ahead, others write batches on their own connections.

Reading and checking records is pure Python and never touches the database, so a thread does it while the
importing thread waits for PostgreSQL; each writer thread writes the batches handed to it on a database
connection of its own, so that two PostgreSQL processes share the indexing (import_runs.py).
"""

import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from itertools import islice

from django.db import connections
from django.utils import translation

CHECKED_AHEAD = 2  # batches read and checked while the ones before are written


class Writers:
    """Threads that each write the batches handed to them on a database connection of their own."""

    def __init__(self, count: int):
        self.jobs: queue.Queue = queue.Queue()
        self.submitted: list[Future] = []
        self.threads = [threading.Thread(target=self._work, name=f"import-writer-{n}", daemon=True) for n in range(count)]
        for thread in self.threads:
            thread.start()

    def submit(self, function: Callable, *arguments) -> Future:
        future: Future = Future()
        self.submitted.append(future)
        self.jobs.put((future, function, arguments))
        return future

    def cancel(self) -> None:
        """Drop the batches no thread has started on (the run failed: nobody would report them)."""
        for future in self.submitted:
            future.cancel()

    def stop(self) -> None:
        for _ in self.threads:
            self.jobs.put(None)
        for thread in self.threads:
            thread.join()

    def _work(self) -> None:
        try:
            while (job := self.jobs.get()) is not None:
                future, function, arguments = job
                if future.set_running_or_notify_cancel():
                    try:
                        future.set_result(function(*arguments))
                    except BaseException as error:  # raised again where the result is read
                        future.set_exception(error)
        finally:
            connections.close_all()  # this thread's own connections


@contextmanager
def writers_started(count: int) -> Iterator["Writers | None"]:
    if count <= 0:
        yield None
        return
    writers = Writers(count)
    try:
        yield writers
    except BaseException:
        writers.cancel()
        raise
    finally:
        writers.stop()


@contextmanager
def checked_ahead(
    records: Iterable, *, size: int, check: Callable, sources_created: Callable[[], list]
) -> Iterator[Iterator[tuple[list, list]]]:
    """The batches of records passed through `check`, each with `sources_created()` as it stood before, ahead.

    Reading and checking records is pure Python and never touches the database, so a thread does it while
    this one waits for PostgreSQL. Messages speak the caller's language.
    """
    ready: queue.Queue = queue.Queue(maxsize=CHECKED_AHEAD)
    stop = threading.Event()
    language = translation.get_language()

    def put(item) -> bool:
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def check_all() -> None:
        try:
            with translation.override(language):
                for batch in batches(records, size):
                    sources = sources_created()
                    if not put(([check(record) for record in batch], sources)):
                        return
        except BaseException as error:  # handed to the importing thread, which raises it
            put(error)
        else:
            put(None)

    def checked_batches() -> Iterator[tuple[list, list]]:
        while (item := ready.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item

    checker = threading.Thread(target=check_all, name="import-checker", daemon=True)
    checker.start()
    try:
        yield checked_batches()
    finally:
        stop.set()
        checker.join(timeout=1)


def batches(records: Iterable, size: int) -> Iterator[list]:
    records = iter(records)
    while batch := list(islice(records, max(1, size))):
        yield batch
