"""The hash chain over archived texts and claim quotes: sealing new leaves, and checking everything.

PostgreSQL writes a leaf for each new version of an article's text or a claim's quote and its offsets
(migration 0012). `archive_seal` links the leaves written since the last seal, in order, each link being
SHA-256(previous link ‖ leaf digest), and records the last link as a root that the archive publishes
(/integrity/, its Atom feed and roots.txt, the X-Archive-Root header of exports). Sealing costs one hash
and one row update per new leaf, whatever the size of the archive.

`archive_chain_breaks` is one streaming pass that names every break: a link that does not follow from
the chain, a root (stored, or published and kept by someone else) that the chain no longer gives, a text
or a quote that differs from its last leaf, a quote whose offsets no longer point at its words in the
article, a record that vanished without the archive deleting it. An attacker who rewrites a text and its
stored SHA-256 together is caught by the leaf; one who also rewrites the leaf and every link after it is
caught by any root published before, wherever a copy of it is kept.
"""

import hashlib
import re
from collections.abc import Iterable, Iterator

from django.db import connection, transaction

from reports.models import ArchiveLeaf, ArchiveRoot, Article, Claim

GENESIS = bytes(32)
BATCH = 10_000
ROOT_LINE = re.compile(r"\b(\d+)\s+([0-9a-f]{64})\b")


def chain_link(previous: bytes, digest: bytes) -> bytes:
    return hashlib.sha256(previous + digest).digest()


def archive_root_latest() -> ArchiveRoot | None:
    return ArchiveRoot.objects.order_by("-last_seq").first()


@transaction.atomic
def archive_seal() -> ArchiveRoot | None:
    """Link every leaf written since the last seal into the chain and record the new root (None if none)."""
    leaves = ArchiveLeaf._meta.db_table
    with connection.cursor() as cursor:
        # Waits for the transactions writing leaves to end and holds new ones back, so no leaf with a
        # lower number can commit after this seal has passed it.
        cursor.execute(f"LOCK TABLE {leaves} IN EXCLUSIVE MODE")
        cursor.execute(f"SELECT link FROM {leaves} WHERE link IS NOT NULL ORDER BY seq DESC LIMIT 1")
        row = cursor.fetchone()
        previous = bytes(row[0]) if row else GENESIS
        linked, last_seq = 0, None
        while True:
            cursor.execute(f"SELECT seq, digest FROM {leaves} WHERE link IS NULL ORDER BY seq LIMIT %s", [BATCH])
            rows = cursor.fetchall()
            if not rows:
                break
            seqs, links = [], []
            for seq, digest in rows:
                previous = chain_link(previous, bytes(digest))
                seqs.append(seq)
                links.append(previous)
            cursor.execute(
                f"""UPDATE {leaves} SET link = batch.link
                    FROM unnest(%s::bigint[], %s::bytea[]) AS batch(seq, link) WHERE {leaves}.seq = batch.seq""",
                [seqs, links],
            )
            linked, last_seq = linked + len(rows), seqs[-1]
    if not linked:
        return None
    return ArchiveRoot.objects.create(last_seq=last_seq, root=previous.hex(), leaves=linked)


def published_roots_read(text: str) -> dict[int, str]:
    """Roots kept by an outsider: every '<leaf number> <root>' pair in a copy of roots.txt, the feed or the page."""
    return {int(seq): root for seq, root in ROOT_LINE.findall(text)}


def archive_chain_breaks(*, published: dict[int, str] | None = None, progress=None) -> Iterator[str]:
    """Name every break of the archive's integrity, in one streaming pass over leaves, articles and claims."""
    yield from _chain_breaks(published or {}, progress)
    yield from _records_differing_from_their_leaf(Article, "reports_article_leaf(r.id, r.body)", progress)
    yield from _records_differing_from_their_leaf(
        Claim, "reports_claim_leaf(r.id, r.article_id, r.quote_start, r.quote_end, r.quote)", progress
    )
    yield from _quotes_out_of_place(progress)
    yield from _records_gone()


def _chain_breaks(published, progress) -> Iterator[str]:
    expected = {root.last_seq: [("stored", root.root)] for root in ArchiveRoot.objects.all()}
    for seq, root in published.items():
        expected.setdefault(seq, []).append(("published", root))
    previous, last_seq = GENESIS, 0
    with connection.cursor() as cursor:
        while True:
            cursor.execute(
                f"SELECT seq, kind, record_id, digest, link FROM {ArchiveLeaf._meta.db_table} "
                "WHERE seq > %s ORDER BY seq LIMIT %s",
                [last_seq, BATCH],
            )
            rows = cursor.fetchall()
            if not rows:
                break
            for seq, kind, record_id, digest, link in rows:
                computed = chain_link(previous, bytes(digest))
                if link is not None and bytes(link) != computed:
                    yield f"BROKEN CHAIN at leaf {seq} ({kind} #{record_id}): its link does not follow from the leaves before it"
                for origin, root in expected.pop(seq, []):
                    if root != computed.hex():
                        yield f"ROOT MISMATCH at leaf {seq}: the {origin} root is {root}, the chain now gives {computed.hex()}"
                previous = bytes(link) if link is not None else computed
            last_seq = rows[-1][0]
            if progress:
                progress(len(rows))
    for seq, roots in sorted(expected.items()):
        for origin, root in roots:
            yield f"ROOT MISSING at leaf {seq}: the {origin} root {root} covers leaves the chain no longer has"


def _records_differing_from_their_leaf(model, leaf_sql, progress) -> Iterator[str]:
    kind = model._meta.model_name
    for first, last in _id_ranges(model):
        with connection.cursor() as cursor:
            cursor.execute(
                f"""SELECT r.id FROM {model._meta.db_table} r
                    LEFT JOIN LATERAL (SELECT digest FROM {ArchiveLeaf._meta.db_table} l
                                       WHERE l.kind = %s AND l.record_id = r.id ORDER BY l.seq DESC LIMIT 1) leaf ON true
                    WHERE r.id BETWEEN %s AND %s AND leaf.digest IS DISTINCT FROM {leaf_sql} ORDER BY r.id""",
                [kind, first, last],
            )
            for (record_id,) in cursor.fetchall():
                what = "text" if model is Article else "quote or its offsets"
                yield f"ALTERED {kind} #{record_id}: its {what} differs from its last leaf in the chain"
        if progress:
            progress(0)


def _quotes_out_of_place(progress) -> Iterator[str]:
    for first, last in _id_ranges(Claim):
        with connection.cursor() as cursor:
            cursor.execute(
                f"""SELECT c.id, c.article_id FROM {Claim._meta.db_table} c JOIN {Article._meta.db_table} a ON a.id = c.article_id
                    WHERE c.id BETWEEN %s AND %s
                      AND substr(CASE WHEN c.quote_in_lead THEN a.lead ELSE a.body END,
                                 c.quote_start + 1, c.quote_end - c.quote_start) IS DISTINCT FROM c.quote
                    ORDER BY c.id""",
                [first, last],
            )
            for claim_id, article_id in cursor.fetchall():
                yield f"MISQUOTED claim #{claim_id}: its quote is not at its offsets in article #{article_id} (its text or lead)"


def _records_gone() -> Iterator[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT latest.kind, latest.record_id FROM (
                    SELECT DISTINCT ON (kind, record_id) kind, record_id, digest
                    FROM {ArchiveLeaf._meta.db_table} ORDER BY kind, record_id, seq DESC) latest
                WHERE latest.digest <> CASE latest.kind
                        WHEN 'article' THEN reports_article_leaf(latest.record_id, NULL)
                        ELSE reports_claim_leaf(latest.record_id, NULL, NULL, NULL, NULL) END
                  AND NOT EXISTS (SELECT 1 FROM {Article._meta.db_table} a
                                  WHERE latest.kind = 'article' AND a.id = latest.record_id)
                  AND NOT EXISTS (SELECT 1 FROM {Claim._meta.db_table} c
                                  WHERE latest.kind = 'claim' AND c.id = latest.record_id)
                ORDER BY 1, 2"""
        )
        for kind, record_id in cursor.fetchall():
            yield f"VANISHED {kind} #{record_id}: it is gone, but the archive never recorded its deletion"


def _id_ranges(model) -> Iterable[tuple[int, int]]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT min(id), max(id) FROM {model._meta.db_table}")
        low, high = cursor.fetchone()
    if low is None:
        return
    for first in range(low, high + 1, BATCH):
        yield first, first + BATCH - 1
