"""Finding places and claims in batches of articles, in worker processes when an import is large.

Detection is pure Python and holds one core; the import's own process meanwhile writes the previous batch
and PostgreSQL indexes it. Workers are forked from the importing process after its matchers are built, so
they share them (copy-on-write) instead of each loading 30,000 regions again. Sources created during the
run (an unknown publisher or cited source) travel with each batch, so that workers attribute claims to them
as the importing process does.
"""

import multiprocessing
import os
from collections.abc import Callable, Sequence
from contextlib import contextmanager

from reports.importers.analysis import Analysis, analyse
from reports.importers.phrases import PhraseMatcher
from reports.importers.regions import RegionMatcher
from reports.services.import_batches import NewArticle

# What a forked worker reads: the matchers of the run, and which added sources it has taken in already.
_matchers: tuple[RegionMatcher, PhraseMatcher] | None = None
_added_seen: set[tuple[str, int]] = set()


def default_workers() -> int:
    """One worker per core this process may use; none on a single core, where they would only add copying."""
    cores = len(os.sched_getaffinity(0))
    return cores if cores > 1 else 0


class Analyser:
    """Analyses a batch of new articles now (no workers) or in the background (workers), result on demand."""

    def __init__(self, regions: RegionMatcher, sources: PhraseMatcher, added: list[tuple[str, int]], pool=None, workers=0):
        self.regions, self.sources, self.added, self.pool, self.workers = regions, sources, added, pool, workers

    def submit(self, items: Sequence[NewArticle]) -> Callable[[], None]:
        """Start analysing `items`; the returned function waits for the results and stores them on the items."""
        if self.pool is None or not items:
            return lambda: _store(items, [_analyse(item, self.regions, self.sources) for item in items])
        added = tuple(self.added)
        tasks = [(_inputs(item), added) for item in items]
        chunk = max(1, len(tasks) // (4 * self.workers))
        pending = self.pool.map_async(_analyse_in_worker, tasks, chunksize=chunk)
        return lambda: _store(items, pending.get())


@contextmanager
def analyser_started(*, regions: RegionMatcher, sources: PhraseMatcher, added: list[tuple[str, int]], workers: int):
    """An Analyser with `workers` forked processes (0: in this process), stopped on leaving the block."""
    if workers <= 0:
        yield Analyser(regions, sources, added)
        return
    global _matchers
    _matchers = (regions, sources)
    pool = multiprocessing.get_context("fork").Pool(workers)
    try:
        yield Analyser(regions, sources, added, pool, workers)
        pool.close()
    finally:
        pool.terminate()
        pool.join()
        _matchers = None


def _inputs(item: NewArticle) -> dict:
    article = item.article
    return {
        "title": article.title,
        "lead": article.lead,
        "body": article.body,
        "published_on": article.published_on,
        "language": article.language,
        "publisher": article.publisher_id,
        "cited": [source.pk for source in item.cited],
    }


def _analyse(item: NewArticle, regions: RegionMatcher, sources: PhraseMatcher) -> Analysis:
    return analyse(**_inputs(item), regions=regions, sources=sources)


def _analyse_in_worker(task: tuple[dict, tuple[tuple[str, int], ...]]) -> Analysis:
    inputs, added = task
    regions, sources = _matchers
    for name, key in added:
        if (name, key) not in _added_seen:
            sources.add(name, key)
            _added_seen.add((name, key))
    return analyse(**inputs, regions=regions, sources=sources)


def _store(items: Sequence[NewArticle], analyses: list[Analysis]) -> None:
    for item, analysis in zip(items, analyses, strict=True):
        item.analysis = analysis
