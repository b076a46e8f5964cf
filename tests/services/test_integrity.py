"""The hash chain over texts and quotes: sealing is incremental, and every kind of tampering is named."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from reports.models import ArchiveLeaf, ArchiveRoot, Article, Claim
from reports.services.integrity import archive_chain_breaks, archive_seal, published_roots_read
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def outside_sql(sql, params=()):
    """Run SQL as someone with database access but not through the archive (no archive.writer)."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL archive.writer TO 'someone-else'")
        cursor.execute(sql, params)
        cursor.execute("SET LOCAL archive.writer TO 'archive'")


def verify(*args):
    out = StringIO()
    try:
        call_command("verify_archive", "--no-progress", *args, stdout=out, stderr=StringIO())
    except CommandError:
        return 1, out.getvalue()
    return 0, out.getvalue()


def test_each_new_text_and_quote_adds_one_leaf_and_a_seal_links_only_the_new_ones():
    claim = ClaimFactory()
    assert ArchiveLeaf.objects.filter(kind="article", record_id=claim.article_id).count() == 1
    assert ArchiveLeaf.objects.filter(kind="claim", record_id=claim.pk).count() == 1
    first = archive_seal()
    assert first.leaves == ArchiveLeaf.objects.count()

    ArticleFactory()
    second = archive_seal()

    assert second.leaves == 1
    assert second.root != first.root
    assert archive_seal() is None


def test_a_status_change_adds_no_leaf_but_a_new_quote_does():
    claim = ClaimFactory()
    before = ArchiveLeaf.objects.count()
    claim.status = Claim.Status.CORROBORATED
    claim.save()
    assert ArchiveLeaf.objects.count() == before

    claim.quote = "Lyman"
    claim.save()

    assert ArchiveLeaf.objects.count() == before + 1


def test_an_untouched_archive_verifies_and_edits_through_the_archive_stay_valid():
    claim = ClaimFactory()
    archive_seal()
    article = claim.article
    article.body = "Preface.\n" + article.body
    article.save()  # moves the quote; its new offsets are recorded too
    Claim.objects.filter(pk=ClaimFactory(article=article).pk).delete()
    archive_seal()

    assert list(archive_chain_breaks()) == []
    assert verify()[0] == 0


def test_a_body_and_its_sha256_rewritten_together_in_sql_are_caught():
    article = ClaimFactory().article
    archive_seal()
    outside_sql(
        "UPDATE reports_article SET body = body || ' And more.', "
        "sha256 = encode(sha256(convert_to(body || ' And more.', 'UTF8')), 'hex') WHERE id = %s",
        [article.pk],
    )

    status, output = verify()

    assert status == 1
    assert f"ALTERED article #{article.pk}: its text differs from its last leaf" in output


def test_a_rewritten_chain_is_caught_by_a_root_published_before(tmp_path, client):
    article = ClaimFactory().article
    archive_seal()
    kept = tmp_path / "roots.txt"
    kept.write_text(b"".join(client.get("/integrity/roots.txt").streaming_content).decode())
    # An attacker who rewrites the text, its hash, its leaf, every link and the stored roots:
    outside_sql(
        "UPDATE reports_article SET body = replace(body, 'Lyman', 'Lymanx'), "
        "sha256 = encode(sha256(convert_to(replace(body, 'Lyman', 'Lymanx'), 'UTF8')), 'hex') WHERE id = %s",
        [article.pk],
    )
    outside_sql(
        "UPDATE reports_archiveleaf SET digest = reports_article_leaf(record_id, a.body), link = NULL "
        "FROM reports_article a WHERE kind = 'article' AND record_id = a.id AND a.id = %s",
        [article.pk],
    )
    outside_sql("UPDATE reports_archiveleaf SET link = NULL")
    outside_sql("DELETE FROM reports_archiveroot")
    archive_seal()  # the chain is consistent again, and so are the roots stored in the database

    assert published_roots_read(kept.read_text())
    assert not [line for line in archive_chain_breaks() if "ALTERED article" in line or "CHAIN" in line]
    status, output = verify("--roots", str(kept))

    assert status == 1
    assert "ROOT MISMATCH" in output and "published root" in output


def test_a_quote_replaced_in_sql_by_words_not_in_the_article_is_caught_and_not_shown_as_a_quote(client):
    claim = ClaimFactory()
    archive_seal()
    outside_sql("UPDATE reports_claim SET quote = 'Kyiv fell overnight' WHERE id = %s", [claim.pk])

    status, output = verify()
    page = client.get(f"/claims/{claim.pk}/").content.decode()

    assert status == 1
    assert f"MISQUOTED claim #{claim.pk}" in output
    assert f"ALTERED claim #{claim.pk}" in output
    assert "This quote does not match the archived article." in page
    assert "<blockquote" not in page


def test_a_claim_deleted_in_sql_is_named_but_one_deleted_through_the_archive_is_not():
    gone, removed = ClaimFactory(), ClaimFactory()
    archive_seal()
    removed.delete()
    outside_sql("DELETE FROM reports_claim WHERE id = %s", [gone.pk])

    breaks = list(archive_chain_breaks())

    assert breaks == [f"VANISHED claim #{gone.pk}: it is gone, but the archive never recorded its deletion"]


def test_a_stored_link_rewritten_in_sql_is_named():
    ClaimFactory()
    archive_seal()
    seq = ArchiveLeaf.objects.order_by("seq").first().seq
    outside_sql("UPDATE reports_archiveleaf SET link = sha256('x') WHERE seq = %s", [seq])

    assert any(line.startswith(f"BROKEN CHAIN at leaf {seq}") for line in archive_chain_breaks())
    assert ArchiveRoot.objects.count() == 1
    assert Article.objects.count() == 1
