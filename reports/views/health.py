from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from reports.routing import database_health


@never_cache
@require_GET
def healthz(request):
    """200 while the primary database answers, 503 when it does not: for load balancers and monitors.

    A replica that is down does not make the app host unhealthy (its reads go to the primary); the body
    reports each database, and for the replica how long ago it replayed the last transaction.
    """
    databases = database_health()
    primary_up = databases["default"]["status"] == "up"
    body = {"status": "ok" if primary_up else "unavailable", "database": databases["default"]["status"], "databases": databases}
    return JsonResponse(body, status=200 if primary_up else 503)
