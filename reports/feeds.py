"""Atom feeds of any filtered list: /feeds/claims/?region=UA-09 follows what the page /claims/?region=UA-09 shows.

The same filters as the lists, applied strictly as for exports: a feed that silently dropped a filter
would follow something other than what its reader subscribed to, so a filter that is not understood
gets a 400 with the reasons. Newest first, whatever the list's sort; synthetic records only on request.
"""

import datetime
import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from reports.exports.views import rejection
from reports.listings import ARTICLES, CLAIMS, QueryRejected, described_filters, evaluate
from reports.models import Region, Source
from reports.permalinks import permalink, site_url

FEED_ITEMS = 50
# The feed takes every list parameter; `sort`, `page` and how a page shows its rows are accepted (links are copied
# from pages) and ignored.
IGNORED_PARAMETERS = ("page", "sort", "view", "columns", "per_page")
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


@dataclass
class FeedRequest:
    items: list
    query: object
    site_url: str


def _midday(date):
    # Reports carry a date, seldom a time; noon UTC keeps the day right in every time zone a reader is likely in.
    return datetime.datetime.combine(date, datetime.time(12), tzinfo=datetime.UTC)


class ArchiveFeed(Feed):
    feed_type = Atom1Feed
    listing = None
    list_url_name = None

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except QueryRejected as rejected:
            return rejection(rejected.reasons, "csv", heading=_("This feed was not made:"))

    def get_object(self, request):
        query = request.GET.copy()
        for name in IGNORED_PARAMETERS:
            query.pop(name, None)
        if any(CONTROL_CHARACTER.search(name + value) for name, values in query.lists() for value in values):
            # XML 1.0 cannot carry them, and the feed repeats its parameters in its title and links.
            raise QueryRejected([_("A parameter holds a control character, which a feed cannot carry.")])
        filtered = evaluate(self.listing, query, strict=True)
        newest = self.listing.orderings["newest"]
        base_url = site_url(request)
        items = list(self.select(filtered.queryset.order_by(*newest))[:FEED_ITEMS])
        for item in items:
            # The same entry id whatever language the feed is read in.
            item.feed_guid = permalink(item, base_url)
        return FeedRequest(items=items, query=query, site_url=base_url)

    def select(self, queryset):
        return queryset

    def items(self, obj):
        return obj.items

    def link(self, obj):
        return reverse(self.list_url_name) + ("?" + obj.query.urlencode() if obj.query else "")

    def feed_url(self, obj):
        return reverse(f"{self.listing.name}_feed") + ("?" + obj.query.urlencode() if obj.query else "")

    def title(self, obj):
        filters = ", ".join(f"{name} {value}" for name, value in described_filters(obj.query))
        heading = f"{self.heading()} · {settings.ARCHIVE_NAME}"
        return f"{heading} ({filters})" if filters else heading

    def item_guid(self, item):
        return item.feed_guid

    def item_updateddate(self, item):
        return item.updated_at

    def author_name(self, obj):
        return settings.ARCHIVE_NAME


class ClaimFeed(ArchiveFeed):
    listing = CLAIMS
    list_url_name = "reports:claim_list"

    def heading(self):
        return _("Claims")

    def subtitle(self, obj):
        return _("The newest dated claims matching these filters, each traced to the words of the report it came from.")

    def select(self, queryset):
        regions = Prefetch("regions", queryset=Region.objects.order_by("name"))
        return queryset.select_related("claimant", "publisher", "article").prefetch_related(regions)

    def item_title(self, item):
        return item.statement

    def item_description(self, item):
        return f"“{item.quote}” ({item.article.title})"

    def item_pubdate(self, item):
        return _midday(item.asserted_on)

    def item_author_name(self, item):
        return item.claimant.name

    def item_categories(self, item):
        return [item.get_topic_display(), item.get_status_display(), *(region.name for region in item.regions.all())]


class ArticleFeed(ArchiveFeed):
    listing = ARTICLES
    list_url_name = "reports:article_list"

    def heading(self):
        return _("Articles")

    def subtitle(self, obj):
        return _("The newest archived reports matching these filters.")

    def select(self, queryset):
        sources = Prefetch("cited_sources", queryset=Source.objects.order_by("name"))
        return queryset.select_related("publisher").prefetch_related(sources)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead or item.body[:500]

    def item_pubdate(self, item):
        if item.published_time:
            return datetime.datetime.combine(item.published_on, item.published_time)  # in the archive's time zone
        return _midday(item.published_on)

    def item_author_name(self, item):
        return item.publisher.name

    def item_categories(self, item):
        return [item.get_language_display(), *(source.name for source in item.cited_sources.all())]
