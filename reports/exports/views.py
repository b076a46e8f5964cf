"""`format=csv|json|jsonl` on /claims/ and /articles/: the whole filtered list, streamed as a file.

The list views hand a request over here as soon as it names a format. A request that cannot be
answered exactly gets a 400 in plain text (CSV) or JSON, never an HTML page in place of the data.
"""

import datetime
import json

from django.http import HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _

from reports.exports.streams import FORMATS, RowStream
from reports.listings import QueryRejected, described_filters, evaluate
from reports.permalinks import site_url
from reports.services.integrity import archive_root_latest

# `page` and how the page shows its rows belong to the list the link was taken from; an export holds every page.
EXPORT_PARAMETERS = ("format", "page", "view", "columns", "per_page")
FILENAME_FILTERS_LENGTH = 120


def export_response(request, listing):
    formats = request.GET.getlist("format")
    if len(formats) != 1 or formats[0] not in FORMATS:
        return rejection(
            [_("Give one format: %(formats)s.") % {"formats": ", ".join(f"format={name}" for name in FORMATS)}], "csv"
        )
    export_format = formats[0]
    try:
        filtered = evaluate(listing, request.GET, strict=True, allowed=EXPORT_PARAMETERS)
    except QueryRejected as rejected:
        return rejection(rejected.reasons, export_format)
    if request.method == "HEAD":
        # The headers alone: no reason to have the database render a million rows for nobody.
        response = HttpResponse(content_type=FORMATS[export_format])
    else:
        stream = RowStream(filtered.queryset, filtered.ordering, listing.name, export_format, site_url(request))
        response = StreamingHttpResponse(stream.chunks(), content_type=FORMATS[export_format])
    name = export_filename(listing.plural, request.GET, export_format, datetime.datetime.now(datetime.UTC))
    response["Content-Disposition"] = content_disposition_header(True, name)
    # The archive changes by the hour; a saved export says when it was made, in its name.
    response["Cache-Control"] = "no-store"
    root = archive_root_latest()  # the integrity root the export can be checked against (docs/integrity.md)
    if root is not None:
        response["X-Archive-Root"] = f"{root.last_seq} {root.root}"
    return response


def rejection(reasons, export_format, heading=None):
    """400 with the reasons, in the format the client asked for (JSON for JSON, else plain text)."""
    if export_format == "csv":
        text = (heading or _("This export was not made:")) + "\n" + "".join(f"- {reason}\n" for reason in reasons)
        return HttpResponse(text, status=400, content_type="text/plain; charset=utf-8")
    body = json.dumps({"errors": reasons}, ensure_ascii=False, indent=2)
    return HttpResponse(body, status=400, content_type="application/json; charset=utf-8")


def export_filename(plural, query, export_format, now) -> str:
    """claims_region-ua-09_topic-strikes_2025-04-02T1030Z.csv: what it holds, and when it was made."""
    parts = [
        f"{slugify(name)}-{slugify(value, allow_unicode=True)}" for name, value in described_filters(query, EXPORT_PARAMETERS)
    ]
    filters = "_".join(part.strip("-") for part in parts)[:FILENAME_FILTERS_LENGTH].strip("_-")
    return "_".join(part for part in (plural, filters, now.strftime("%Y-%m-%dT%H%MZ")) if part) + f".{export_format}"


def data_links(query, listing) -> dict:
    """Links to this very list (a canonical query) as files and as a feed, for the list pages."""
    query = query.copy()
    for name in EXPORT_PARAMETERS:
        query.pop(name, None)
    links = {}
    for export_format in FORMATS:
        query["format"] = export_format
        links[export_format] = "?" + query.urlencode()
    query.pop("format")
    query.pop("sort", None)  # a feed is always newest first
    feed = reverse(f"{listing.name}_feed")
    links["feed"] = feed + ("?" + query.urlencode() if query else "")
    return links
