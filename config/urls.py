from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from reports.feeds import ArticleFeed, ClaimFeed
from reports.sitemaps import SITEMAPS
from reports.views.health import healthz
from reports.views.robots import robots_txt

handler500 = "reports.views.errors.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("reports.api.urls")),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS}, name="sitemap_index"),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="django.contrib.sitemaps.views.sitemap"),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("feeds/claims/", ClaimFeed(), name="claim_feed"),
    path("feeds/articles/", ArticleFeed(), name="article_feed"),
    path("", include("reports.urls")),
    prefix_default_language=False,
)
