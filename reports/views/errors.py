"""Answers the archive gives when it cannot serve a request: the database is away, or the server failed.

While PostgreSQL is unreachable every address answers 503 with Retry-After, in the form its readers
expect: the site's own page for pages, JSON for the API, a plain sentence for files and feeds. Nothing
here touches the database, and nothing is kept between requests, so the first request after the
database returns is served normally: no restart is needed.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.template.exceptions import TemplateDoesNotExist
from django.utils.translation import gettext as _

from reports.exports.streams import FORMATS

RETRY_AFTER_SECONDS = 10
# Raised by the driver when the server is down, refuses connections or drops one.
OUTAGE_ERRORS = (OperationalError, InterfaceError)


def is_api(request) -> bool:
    return request.path_info.startswith("/api/")


def wants_plain_text(request) -> bool:
    """Files and feeds: their readers are programs, which show a sentence better than a page."""
    return request.GET.get("format") in FORMATS or "/feeds/" in request.path_info


def unavailable(request):
    message = _("The archive's database cannot be reached just now. Please try again in a moment.")
    if is_api(request):
        response = JsonResponse({"detail": message}, status=503)
    elif wants_plain_text(request):
        response = HttpResponse(message + "\n", status=503, content_type="text/plain; charset=utf-8")
    else:
        try:
            body = loader.render_to_string("503.html", {"message": message}, request=request)
        except Exception:  # a page that cannot be drawn must not turn the 503 into a 500
            body = message
        response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, template_name="500.html"):
    """handler500: an outage met outside a view (in a middleware, say) is a 503 too."""
    if isinstance(sys.exc_info()[1], OUTAGE_ERRORS):
        return unavailable(request)
    if is_api(request):
        return JsonResponse({"detail": _("The server failed to answer this request.")}, status=500)
    try:
        return HttpResponseServerError(loader.get_template(template_name).render())
    except TemplateDoesNotExist:
        return HttpResponseServerError(b"<h1>Server Error (500)</h1>")
