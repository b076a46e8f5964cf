"""sitemap.xml: every public page of real records, in each interface language.

Drafts, importer suggestions and synthetic records stay out. With a million claims the map is an index
of files of at most 50,000 addresses each, as the sitemaps protocol requires. Each language has its own
sections rather than Django's `i18n = True`, which builds a list of every item in memory on each request.
"""

from django.conf import settings
from django.contrib import sitemaps
from django.db.models import Max
from django.urls import reverse
from django.utils import translation

from reports.models import Region
from reports.selectors import ARTICLES, CLAIMS, SOURCES, everything


class LanguageSitemap(sitemaps.Sitemap):
    language = settings.LANGUAGE_CODE

    def location(self, item):
        with translation.override(self.language):
            return item.get_absolute_url()


class RecordSitemap(LanguageSitemap):
    changefreq = "monthly"

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # One aggregate instead of the default, which would load every item to find the newest.
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class ArticleSitemap(RecordSitemap):
    def items(self):
        return everything(ARTICLES).queryset.only("slug", "updated_at").order_by("id")


class ClaimSitemap(RecordSitemap):
    def items(self):
        return everything(CLAIMS).queryset.only("id", "updated_at").order_by("id")


class RegionSitemap(RecordSitemap):
    changefreq = "weekly"

    def items(self):
        return Region.objects.only("slug", "updated_at").order_by("id")


class SourceSitemap(RecordSitemap):
    changefreq = "weekly"

    def items(self):
        return everything(SOURCES).queryset.only("slug", "updated_at").order_by("id")


class PageSitemap(LanguageSitemap):
    changefreq = "daily"

    def items(self):
        return ["reports:home", "reports:claim_list", "reports:article_list", "reports:region_list", "reports:source_list"]

    def location(self, item):
        with translation.override(self.language):
            return reverse(item)


def _sections():
    sections = {}
    for code, _name in settings.LANGUAGES:
        for name, sitemap in (
            ("pages", PageSitemap),
            ("articles", ArticleSitemap),
            ("claims", ClaimSitemap),
            ("regions", RegionSitemap),
            ("sources", SourceSitemap),
        ):
            key = name if code == settings.LANGUAGE_CODE else f"{name}-{code}"
            sections[key] = type(f"{sitemap.__name__}_{code}", (sitemap,), {"language": code})
    return sections


SITEMAPS = _sections()
