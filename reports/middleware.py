"""Requests refused before any view runs, and database outages turned into 503.

- A method that no address of the archive answers (TRACE, CONNECT, anything made up) gets 405.
- A path holding a control character names nothing the archive can hold (PostgreSQL refuses NUL in text):
  404, in JSON under /api/.
- A view that meets a database outage answers 503 with Retry-After (see reports.views.errors).
"""

import re

from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import render

from reports.routing import reading_replica
from reports.views.errors import OUTAGE_ERRORS, is_api, unavailable

# What some address answers: the pages GET and HEAD, the admin and the language switch POST, CORS
# preflights OPTIONS; PUT, PATCH and DELETE reach the API, which refuses them in JSON.
KNOWN_METHODS = ("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE")
CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in KNOWN_METHODS:
            return HttpResponseNotAllowed(KNOWN_METHODS[:4])
        if CONTROL_CHARACTER.search(request.path_info):
            if is_api(request):
                return JsonResponse({"detail": "Not found."}, status=404)
            return render(request, "404.html", status=404)
        return self.get_response(request)

    def process_exception(self, request, exception):
        # A read from the replica that failed is the replica routing's to answer: it asks the primary again.
        if isinstance(exception, OUTAGE_ERRORS) and not reading_replica():
            return unavailable(request)
        return None
