"""One rate limit for the whole site: the API, the feeds and the exports, counted per client address.

Every worker and host counts in one place, so the limit holds however many processes serve the site:
in Redis when CACHE_URL is set (an atomic increment), else in an unlogged table of the database (one
atomic upsert per request). Windows are fixed: `120/minute` allows 120 requests from 12:00:00 to
12:00:59, and Retry-After says how long until the next window opens.
"""

import random
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from reports.client import client_address
from reports.exports.streams import FORMATS

PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
RATE = re.compile(r"^\s*(\d+)\s*/\s*(second|minute|hour|day)\s*$")
FEED_PATH = re.compile(r"^/(?:[a-z]{2}/)?feeds/")
UPSERT = """
INSERT INTO reports_rate_count AS counted (key, window_start, hits) VALUES (%s, %s, 1)
ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN counted.window_start = EXCLUDED.window_start THEN counted.hits + 1 ELSE 1 END,
    window_start = EXCLUDED.window_start
RETURNING hits
"""


def parse_rate(text) -> tuple[int, int]:
    """(requests, seconds) of a rate such as "120/minute"; ValueError if it is not one."""
    match = RATE.match(text or "")
    if not match:
        raise ValueError(f"{text!r} is not a rate such as 120/minute")
    return int(match.group(1)), PERIODS[match.group(2)]


def scope_of(request) -> str | None:
    """Which limit a request counts against, or None for the pages and the admin, which are not limited."""
    path = request.path_info
    if path.startswith("/api/"):
        return "api"
    if FEED_PATH.match(path):
        return "feeds"
    if request.GET.get("format") in FORMATS:
        return "exports"
    return None


def count_hit(key: str, window_start: int, period: int) -> int:
    """Requests counted in this window for `key`, this one included."""
    if settings.CACHE_URL:
        cache_key = f"rate:{key}:{window_start}"
        cache.add(cache_key, 0, timeout=period + 1)
        return cache.incr(cache_key)
    with connection.cursor() as cursor:
        cursor.execute(UPSERT, [key, window_start])
        hits = cursor.fetchone()[0]
        if random.random() < 0.001:  # now and then, forget the addresses of past windows
            cursor.execute("DELETE FROM reports_rate_count WHERE window_start < %s", [window_start - period])
    return hits


def refused(request, scope, retry_after):
    message = _("Too many requests from this address: %(seconds)d seconds until more are answered.") % {"seconds": retry_after}
    if scope == "api":
        # DRF's wording, which API clients already know.
        response = JsonResponse({"detail": f"Request was throttled. Expected available in {retry_after} seconds."}, status=429)
    else:
        response = HttpResponse(message + "\n", status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(retry_after)
    return response


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        scope = scope_of(request) if request.method != "OPTIONS" else None
        if scope is not None:
            allowed, period = parse_rate(settings.RATE_LIMITS[scope])
            now = time.time()
            window_start = int(now // period) * period
            if count_hit(f"{scope}:{client_address(request)}", window_start, period) > allowed:
                return refused(request, scope, max(1, int(window_start + period - now) + 1))
        return self.get_response(request)
