from django.urls import path

from reports.views import pages

app_name = "reports"

urlpatterns = [
    path("", pages.home, name="home"),
    path("articles/<slug:slug>/", pages.article_detail, name="article_detail"),
    path("claims/<int:pk>/", pages.claim_detail, name="claim_detail"),
    path("regions/<str:slug>/", pages.region_detail, name="region_detail"),
    path("sources/<slug:slug>/", pages.source_detail, name="source_detail"),
]
