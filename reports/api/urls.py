from django.urls import path, re_path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from reports.api import views

app_name = "api"

router = SimpleRouter()
router.register("articles", views.ArticleViewSet, basename="article")
router.register("claims", views.ClaimViewSet, basename="claim")
router.register("regions", views.RegionViewSet, basename="region")
router.register("sources", views.SourceViewSet, basename="source")

urlpatterns = [
    path("", views.ApiRoot.as_view(), name="root"),
    path("schema/", SpectacularJSONAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up code as a script file: the site's CSP forbids inline scripts.
    # GET alone: its OPTIONS answer would be drawn with a template that does not exist (a 500).
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema", http_method_names=["get", "head"]), name="docs"),
    *router.urls,
    # Anything else under /api/ is answered in JSON too, never with the site's HTML error page.
    re_path(r"^[\s\S]*/$", views.not_found),
]
