"""A synthetic archive for scale work: realistic in shape, reproducible from a seed, and always marked.

Every article and source it writes has is_synthetic set, a "synthetic-" slug and an address under
https://synthetic.invalid/, so exports of real data can leave it out and `replace` can remove it. Rows go in
through PostgreSQL COPY in committed batches, so that a quarter of a million articles and a million claims
load in minutes with flat memory. No history is written for them: they were never edited by anyone.
"""

import bisect
import datetime
import hashlib
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from itertools import accumulate

from django.db import connection, transaction
from django.utils.text import slugify

from reports.models import Article, Claim, ClaimLink, Region, Source
from reports.services import synthetic_text as text

BATCH_ARTICLES = 5000
FIRST_DAY, LAST_DAY = datetime.date(2022, 2, 24), datetime.date(2026, 10, 31)
SYNTHETIC_PUBLISHERS = 60
SOURCES_AT_FULL_SCALE, FULL_SCALE_ARTICLES = 1000, 250_000
FIRST_LEVEL_KINDS = {Region.Kind.OBLAST, Region.Kind.AUTONOMOUS_REPUBLIC, Region.Kind.SPECIAL_CITY, Region.Kind.KRAI}
# The five front-line oblasts carry most of the reporting; Sumy and Russia's border oblasts some of it.
FIRST_LEVEL_WEIGHTS = {
    "UA-14": 26, "UA-23": 14, "UA-63": 14, "UA-09": 10, "UA-65": 10,
    "UA-59": 4, "UA-12": 3, "UA-30": 3, "UA-51": 3, "UA-48": 2, "UA-74": 2, "UA-43": 2, "RU-KRS": 3, "RU-BEL": 3,
}  # fmt: skip
KIND_WEIGHTS = {"settlement": 5, "area": 4, "raion": 2, "hromada": 1.5}

ARTICLE_COLUMNS = (
    "id, title, slug, url, published_on, published_time, dateline, language, lead, body, status, sha256, "
    "is_synthetic, created_at, updated_at, publisher_id"
)
CLAIM_COLUMNS = (
    "id, article_id, statement, quote, quote_start, quote_end, claimant_id, asserted_on, occurred_start, occurred_end, "
    "occurred_precision, topic, quantity_value, quantity_unit, status, created_at, updated_at"
)


class SyntheticArchiveError(Exception):
    """The synthetic archive cannot be generated as asked; the message says what to do."""


@dataclass(frozen=True)
class GenerateResult:
    articles: int
    claims: int
    article_regions: int
    claim_regions: int
    cited_sources: int
    sources_created: int
    deleted_articles: int
    deleted_sources: int
    seconds: float

    @property
    def rows(self) -> int:
        return self.articles + self.claims + self.article_regions + self.claim_regions + self.cited_sources


class Weighted:
    """Items drawn by weight in O(log n), from cumulative weights computed once."""

    __slots__ = ("items", "cumulative", "total")

    def __init__(self, items, weights):
        self.items = list(items)
        self.cumulative = list(accumulate(weights))
        self.total = self.cumulative[-1]

    def draw(self, rng: random.Random):
        return self.items[min(bisect.bisect(self.cumulative, rng.random() * self.total), len(self.items) - 1)]


def zipf(items, exponent: float) -> Weighted:
    return Weighted(items, [1 / (rank + 1) ** exponent for rank in range(len(items))])


LANGUAGES = Weighted(["en", "uk", "ru"], [50, 35, 15])
CLAIMS_PER_ARTICLE = Weighted(range(2, 9), [20, 27, 21, 13, 9, 6, 4])
TOPICS = Weighted(Claim.Topic.values, [20, 22, 18, 9, 8, 6, 7, 7, 3])  # in the order Claim.Topic declares them
STATUSES = Weighted(["unverified", "suggested", "corroborated", "disputed", "refuted"], [62, 20, 9, 6, 3])
PRECISIONS = Weighted(["day", "week", "month", "season", "year", "approximate"], [40, 14, 16, 8, 7, 15])


def archive_generate(
    *, articles: int, seed: int, replace: bool = False, progress: Callable[[int], None] | None = None
) -> GenerateResult:
    """Generate `articles` synthetic articles with their claims, regions and cited sources.

    The same seed and number give the same titles, texts, quotes and choices on an archive without synthetic
    data (ids may differ). `replace` first deletes every synthetic article (with its claims) and source;
    otherwise the new articles are added after the existing synthetic ones. Publishers and claimants are
    synthetic sources (created once, reused by later runs) and the real sources already in the archive;
    regions come from the gazetteer, which must be loaded. `progress(n)` is called after each committed
    batch with the number of articles it held.
    """
    if articles <= 0:
        raise SyntheticArchiveError("the number of articles must be positive")
    started = time.monotonic()
    regions = _load_regions()
    deleted_articles = deleted_sources = 0
    if replace:
        deleted_articles, deleted_sources = _delete_synthetic()
    publishers, claimants, sources_created = _sources(articles)
    world = text.World(rng=random.Random(seed), regions=regions, publishers=publishers, claimants=claimants)
    number = _last_article_number()
    totals = [0, 0, 0, 0, 0]
    for batch_start in range(0, articles, BATCH_ARTICLES):
        batch = []
        for _ in range(min(BATCH_ARTICLES, articles - batch_start)):
            number += 1
            batch.append(world.article(number))
        for index, count in enumerate(_write(batch)):
            totals[index] += count
        if progress:
            progress(len(batch))
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {', '.join(_tables())}")
    return GenerateResult(*totals, sources_created, deleted_articles, deleted_sources, time.monotonic() - started)


def _tables() -> list[str]:
    return [
        Source._meta.db_table,
        Article._meta.db_table,
        Article.regions.through._meta.db_table,
        Article.cited_sources.through._meta.db_table,
        Claim._meta.db_table,
        Claim.regions.through._meta.db_table,
    ]


def _load_regions() -> list[text.Place]:
    rows = Region.objects.order_by("slug").values_list("id", "name", "name_uk", "kind", "code", "path", "aliases")
    places = [text.Place(*row) for row in rows]
    if not places:
        raise SyntheticArchiveError("the archive has no regions: run load_gazetteer first")
    return places


def _delete_synthetic() -> tuple[int, int]:
    source, article, article_regions, cited, claim, claim_regions = _tables()
    in_synthetic = f"IN (SELECT c.id FROM {claim} c JOIN {article} a ON a.id = c.article_id WHERE a.is_synthetic)"
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {claim_regions} WHERE claim_id {in_synthetic}")
        cursor.execute(
            f"DELETE FROM {ClaimLink._meta.db_table} WHERE from_claim_id {in_synthetic} OR to_claim_id {in_synthetic}"
        )
        cursor.execute(f"DELETE FROM {claim} c USING {article} a WHERE a.id = c.article_id AND a.is_synthetic")
        for table in (article_regions, cited):
            cursor.execute(f"DELETE FROM {table} m USING {article} a WHERE a.id = m.article_id AND a.is_synthetic")
        cursor.execute(f"DELETE FROM {article} WHERE is_synthetic")
        deleted_articles = cursor.rowcount
        # A synthetic source that real data refers to (an editor's slip) stays, rather than failing the run.
        cursor.execute(
            f"DELETE FROM {source} s WHERE s.is_synthetic"
            f" AND NOT EXISTS (SELECT 1 FROM {article} WHERE publisher_id = s.id)"
            f" AND NOT EXISTS (SELECT 1 FROM {cited} WHERE source_id = s.id)"
            f" AND NOT EXISTS (SELECT 1 FROM {claim} WHERE claimant_id = s.id)"
        )
        return deleted_articles, cursor.rowcount


def _sources(articles: int) -> tuple[list[text.Voice], list[text.Voice], int]:
    """Publishers and claimants, most quoted first; synthetic ones are created when missing."""
    real = list(Source.objects.filter(is_synthetic=False).order_by("slug"))
    # The long tail of rarely quoted claimants grows with the archive, up to ~1,000 sources in all.
    wanted_total = 200 + (SOURCES_AT_FULL_SCALE - 200) * min(1, articles / FULL_SCALE_ARTICLES)
    claimant_count = max(140, round(wanted_total) - SYNTHETIC_PUBLISHERS - len(real))
    specs = text.publisher_specs(SYNTHETIC_PUBLISHERS) + text.claimant_specs(claimant_count)
    real_names = {source.name for source in real}
    with transaction.atomic():
        existing = {s.slug: s for s in Source.objects.filter(is_synthetic=True, slug__in=[spec.slug for spec in specs])}
        missing = [
            Source(
                name=spec.name + (" (synthetic)" if spec.name in real_names else ""),
                short_name=spec.short_name,
                slug=spec.slug,
                kind=spec.kind,
                country=spec.country,
                website=f"https://synthetic.invalid/sources/{spec.slug}/",
                description="Synthetic source, generated for scale tests; not a real organisation.",
                reliability=spec.reliability,
                is_synthetic=True,
            )
            for spec in specs
            if spec.slug not in existing
        ]
        # bulk_create writes no history, as befits rows nobody edited.
        existing.update({source.slug: source for source in Source.objects.bulk_create(missing)})
    synthetic = [(existing[spec.slug], spec) for spec in specs]
    publishers = [text.Voice.of(source, text.languages_of(source.country)) for source in real]
    publishers += [text.Voice.of(source, spec.languages) for source, spec in synthetic if spec.languages]
    claimants = [text.Voice.of(source, ()) for source in real]
    claimants += [text.Voice.of(source, ()) for source, spec in synthetic if not spec.languages]
    return publishers, claimants, len(missing)


def _last_article_number() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT coalesce(max(substring(slug FROM '^synthetic-([0-9]+)$')::bigint), 0)"
            f" FROM {Article._meta.db_table} WHERE is_synthetic"
        )
        return cursor.fetchone()[0]


def _reserve_ids(cursor, table: str, count: int) -> list[int]:
    cursor.execute(f"SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, count])
    return [row[0] for row in cursor.fetchall()]


def _write(batch: list[text.Draft]) -> tuple[int, int, int, int, int]:
    """Write one batch in one transaction; return the rows written per table."""
    _, article, article_regions, cited, claim, claim_regions = _tables()
    with transaction.atomic(), connection.cursor() as cursor:
        # Losing the last batches in a crash costs nothing here, and not waiting for each flush saves time.
        cursor.execute("SET LOCAL synchronous_commit TO off")
        article_ids = _reserve_ids(cursor, article, len(batch))
        claim_ids = iter(_reserve_ids(cursor, claim, sum(len(draft.claims) for draft in batch)))
        claim_rows, claim_region_rows, article_region_rows, cited_rows = [], [], [], []
        with cursor.connection.cursor() as raw, raw.copy(f"COPY {article} ({ARTICLE_COLUMNS}) FROM STDIN") as copy:
            for article_id, draft in zip(article_ids, batch, strict=True):
                copy.write_row((article_id, *draft.row))
                article_region_rows += [(article_id, region_id) for region_id in draft.region_ids]
                cited_rows += [(article_id, source_id) for source_id in draft.cited_ids]
                for claim_draft in draft.claims:
                    claim_id = next(claim_ids)
                    claim_rows.append((claim_id, article_id, *claim_draft.row, draft.created_at, draft.created_at))
                    claim_region_rows += [(claim_id, region_id) for region_id in claim_draft.region_ids]
        _copy(cursor, f"{claim} ({CLAIM_COLUMNS})", claim_rows)
        _copy(cursor, f"{article_regions} (article_id, region_id)", article_region_rows)
        _copy(cursor, f"{cited} (article_id, source_id)", cited_rows)
        _copy(cursor, f"{claim_regions} (claim_id, region_id)", claim_region_rows)
    return len(batch), len(claim_rows), len(article_region_rows), len(claim_region_rows), len(cited_rows)


def _copy(cursor, target: str, rows: list[tuple]) -> None:
    with cursor.connection.cursor() as raw, raw.copy(f"COPY {target} FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


# Helpers for the composition module, kept here so that the ORM stays out of it.
def quantity(value: float, places: int) -> Decimal:
    return Decimal(f"{value:.{places}f}")


def content_sha256(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


__all__ = ["GenerateResult", "SyntheticArchiveError", "archive_generate", "slugify"]
