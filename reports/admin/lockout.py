"""The page a locked-out sign-in gets: what happened, for how long, and who can lift it."""

from django.conf import settings
from django.shortcuts import render


def locked_out(request, response=None, credentials=None):
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": settings.AXES_COOLOFF_MINUTES}
    return render(request, "admin/locked_out.html", context, status=429)
