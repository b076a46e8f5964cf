"""Cached counts (the home page, the lists) follow every write at once, with the memory cache and with Redis."""

import re
import socket
import uuid

import pytest
from django.db import connection

from reports.models import Article, Claim
from reports.services.copying import rows_copy
from tests.factories import ArticleFactory, ClaimFactory, RegionFactory
from tests.support import http_get

pytestmark = pytest.mark.django_db(transaction=True)


def _redis_available():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.fixture(params=["memory", "redis"])
def shared_cache(request, settings):
    if request.param == "redis":
        # .ci/run makes sure a Redis answers here; a missing one is a failure, not a skip.
        assert _redis_available(), "no Redis on 127.0.0.1:6379 (apt-get install redis-server)"
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": "redis://127.0.0.1:6379/0",
                "KEY_PREFIX": f"test-{uuid.uuid4().hex}",  # others use the machine's Redis too
            }
        }
    return request.param


def _home_count(live_server, noun):
    status, body = http_get(f"{live_server.url}/")
    assert status == 200
    match = re.search(rf"<strong>([\d,]+)</strong> {noun}", body)
    assert match, f"no count of {noun} on the home page"
    return int(re.sub(r"\D", "", match.group(1)))


def test_home_page_count_moves_at_once_after_an_article_is_saved(live_server, shared_cache):
    ArticleFactory()
    before = _home_count(live_server, "articles?")
    assert _home_count(live_server, "articles?") == before  # now served from the cache

    ArticleFactory()

    assert _home_count(live_server, "articles?") == before + 1


def test_home_page_count_moves_at_once_after_a_claim_is_deleted(live_server, shared_cache):
    claims = [ClaimFactory(), ClaimFactory()]
    before = _home_count(live_server, "claims?")

    Claim.objects.get(pk=claims[0].pk).delete()

    assert _home_count(live_server, "claims?") == before - 1


def test_region_count_moves_at_once_after_a_claims_places_change(live_server, shared_cache):
    # The per-oblast counts on the home page change through a many-to-many write alone.
    ukraine = RegionFactory(name="Ukraine", slug="ukraine", code="UA", kind="country")
    oblast = RegionFactory(name="Luhansk Oblast", slug="luhansk-oblast", code="UA-09", kind="oblast", parent=ukraine)
    claim = ClaimFactory()
    http_get(f"{live_server.url}/")

    claim.regions.add(oblast)

    status, body = http_get(f"{live_server.url}/")
    assert re.search(r'href="/regions/luhansk-oblast/">Luhansk Oblast <span class="count">1</span>', body)


def test_home_page_count_moves_at_once_after_rows_are_copied(live_server, shared_cache):
    article = ArticleFactory()
    before = _home_count(live_server, "articles?")
    copy = {field.column: getattr(article, field.attname) for field in Article._meta.concrete_fields}
    next_id = Article.objects.order_by("-pk").values_list("pk", flat=True).first() + 1000
    copy.update(id=next_id, url=f"{article.url}-copy", slug=f"{article.slug}-copy")
    columns = [column for column in copy if column not in {"search", "search_vector"}]
    stored = [field.column for field in Article._meta.concrete_fields if not getattr(field, "generated", False)]
    columns = [column for column in columns if column in stored]

    with connection.cursor() as cursor:
        rows_copy(cursor, Article._meta.db_table, columns, [[copy[column] for column in columns]])

    assert _home_count(live_server, "articles?") == before + 1


def _list_total(live_server, query="synthetic=include"):
    status, body = http_get(f"{live_server.url}/claims/?{query}")
    assert status == 200
    match = re.search(r'data-total="(\d+)"', body)
    assert match, "no total on the list"
    return int(match.group(1))


def _data_version():
    with connection.cursor() as cursor:
        cursor.execute("SELECT version FROM reports_dataversion")
        return cursor.fetchone()[0]


def test_list_counts_move_at_once_after_a_write_in_plain_sql(live_server, shared_cache):
    # No signal and no Python of the archive's is involved: PostgreSQL alone tells the cache the counts moved.
    claims = [ClaimFactory(topic="territorial_control"), ClaimFactory(topic="territorial_control")]
    assert _list_total(live_server, "topic=territorial_control") == 2
    assert _list_total(live_server, "topic=territorial_control") == 2  # now served from the cache

    with connection.cursor() as cursor:
        cursor.execute("UPDATE reports_claim SET topic = 'casualties' WHERE id = %s", [claims[0].pk])

    assert _list_total(live_server, "topic=territorial_control") == 1
    assert _list_total(live_server, "topic=casualties") == 1


def test_a_list_asked_again_is_not_counted_again(client, shared_cache):
    from django.test.utils import CaptureQueriesContext

    ClaimFactory()
    address = "/claims/?topic=territorial_control"
    with CaptureQueriesContext(connection) as first:
        assert client.get(address).status_code == 200
    with CaptureQueriesContext(connection) as second:
        assert client.get(address).status_code == 200

    def counting(captured):
        return [query for query in captured.captured_queries if "reports_claimcount" in query["sql"]]

    assert counting(first) and not counting(second)
    assert len(second.captured_queries) < len(first.captured_queries)


def test_a_data_version_seen_in_a_rolled_back_transaction_never_comes_back():
    from django.db import transaction

    ClaimFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        ClaimFactory()
        seen_inside = _data_version()
        raise RuntimeError("rolled back")
    assert _data_version() != seen_inside

    ClaimFactory()

    assert _data_version() != seen_inside


def test_suggestions_and_drafts_leave_the_data_version_alone():
    # The importer's writer threads write suggestions side by side; a shared row would make them queue.
    claim = ClaimFactory()
    before = _data_version()

    ClaimFactory(status=Claim.Status.SUGGESTED, article=claim.article, claimant=claim.claimant)
    ArticleFactory(status=Article.Status.DRAFT, publisher=claim.article.publisher)

    assert _data_version() == before
    Claim.objects.filter(pk=claim.pk).update(topic="casualties")
    assert _data_version() != before
