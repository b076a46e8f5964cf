from django.urls import path

from reports.views import integrity, lists, maps, pages, regions

app_name = "reports"

urlpatterns = [
    path("", pages.home, name="home"),
    path("articles/", lists.ArticleListView.as_view(), name="article_list"),
    path("articles/<slug:slug>/", pages.article_detail, name="article_detail"),
    path("claims/", lists.ClaimListView.as_view(), name="claim_list"),
    path("claims/<int:pk>/", pages.claim_detail, name="claim_detail"),
    path("regions/", regions.region_list, name="region_list"),
    path("regions/search.json", regions.region_search, name="region_search"),
    path("regions/<str:slug>/", pages.region_detail, name="region_detail"),
    path("<str:plural>/facets/<str:facet>/", lists.facet_values, name="facet_values"),
    path("<str:plural>/map.json", maps.map_points, name="map_points"),
    path("sources/", pages.source_list, name="source_list"),
    path("sources/search.json", regions.source_search, name="source_search"),
    path("sources/<slug:slug>/", pages.source_detail, name="source_detail"),
    path("integrity/", integrity.integrity, name="integrity"),
    path("integrity/roots.txt", integrity.roots_txt, name="integrity_roots"),
    path("integrity/feed/", integrity.RootFeed(), name="integrity_feed"),
]
