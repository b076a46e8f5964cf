"""Permalinks: the one absolute address of a record, whatever language the reader reads it in.

A citation, a feed entry, an exported row and the structured data of a page all name a record by this
address, never by the language-prefixed one (/uk/…) the reader happens to be on.
"""

from django.urls import reverse
from django.utils import translation


def site_url(request) -> str:
    """The site's own address as the request reached it, without a trailing slash."""
    return request.build_absolute_uri("/").rstrip("/")


def path_of(record) -> str:
    with translation.override(None):
        return record.get_absolute_url()


def permalink(record, base_url: str) -> str:
    """`record`'s address under `base_url` (a site URL, or a request), with no language prefix."""
    if not isinstance(base_url, str):
        base_url = site_url(base_url)
    return base_url.rstrip("/") + path_of(record)


def permalink_prefix(base_url: str, view_name: str, sample) -> str:
    """The permalink of a detail page up to its identifier, for addresses built in SQL row by row."""
    with translation.override(None):
        path = reverse(view_name, args=[sample])
    return base_url.rstrip("/") + path[: path.rindex(str(sample))]
