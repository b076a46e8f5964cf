from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from reports.listings.suggestions import search_regions, search_sources
from reports.models import Region
from reports.selectors import first_level_regions


def region_list(request):
    context = {"countries": Region.objects.filter(parent__isnull=True).order_by("name"), "first_level": first_level_regions()}
    return render(request, "reports/region_list.html", context)


@require_GET
@cache_control(max_age=300, public=True)
def region_search(request):
    """Regions whose name or any alias starts with `q`, in any script: the region picker's suggestions."""
    text = request.GET.get("q", "")[:100].replace("\x00", "")
    results = [
        {
            "slug": region.slug,
            "name": region.name,
            "name_uk": region.name_uk,
            "kind": region.get_kind_display(),
            "code": region.code,
            "within": region.parent_name or "",
            "detail": " · ".join(part for part in (region.name_uk, region.parent_name) if part),
        }
        for region in search_regions(text)
    ]
    return JsonResponse({"query": text, "results": results})


@require_GET
@cache_control(max_age=300, public=True)
def source_search(request):
    """Sources whose name, short name or an alias starts with `q`: the source field's suggestions."""
    text = request.GET.get("q", "")[:100].replace("\x00", "")
    results = [
        {"slug": source.slug, "name": source.name, "short_name": source.short_name, "detail": source.get_kind_display()}
        for source in search_sources(text)
    ]
    return JsonResponse({"query": text, "results": results})
