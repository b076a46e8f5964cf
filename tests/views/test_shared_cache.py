"""Cached counts on the home page follow every write at once, with the memory cache and with Redis."""

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
