"""robots.txt: crawl the records, not the endless combinations of filters, exports and feeds."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

RULES = [
    "User-agent: *",
    "Disallow: /admin/",
    "Disallow: /api/",
    # Every filtered list, export and citation download is a query string; the sitemap lists every record.
    "Disallow: /*?",
    # Generated for scale tests, never real reporting.
    "Disallow: /articles/synthetic-",
    *(f"Disallow: /{code}/articles/synthetic-" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE),
]


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap_index"))
    return HttpResponse("\n".join([*RULES, "", f"Sitemap: {sitemap}", ""]), content_type="text/plain; charset=utf-8")
