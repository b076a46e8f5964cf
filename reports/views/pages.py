from django.shortcuts import get_object_or_404, render

from reports import selectors
from reports.models import Article, Claim, Region, Source


def home(request):
    return render(
        request,
        "reports/home.html",
        {
            "counts": selectors.archive_counts(),
            "latest_articles": selectors.latest_articles(),
            "latest_claims": selectors.latest_claims(),
            "first_level_regions": selectors.first_level_regions(),
            "sources": selectors.prominent_sources(),
        },
    )


def article_detail(request, slug):
    article = get_object_or_404(Article.objects.published().select_related("publisher"), slug=slug)
    claims = article.claims.select_related("claimant").order_by("quote_start")
    return render(request, "reports/article_detail.html", {"article": article, "claims": claims})


def claim_detail(request, pk):
    claim = get_object_or_404(Claim.objects.public().select_related("article__publisher", "claimant"), pk=pk)
    return render(request, "reports/claim_detail.html", {"claim": claim, "regions": claim.regions.all()})


def region_detail(request, slug):
    region = get_object_or_404(Region, slug=slug)
    context = {
        "region": region,
        "ancestors": region.ancestors(),
        "children": region.children.order_by("name")[:200],
        "claims": Claim.objects.public()
        .filter(regions__path__startswith=region.path)
        .select_related("claimant", "article__publisher")
        .order_by("-asserted_on", "-id")
        .distinct()[:20],
    }
    return render(request, "reports/region_detail.html", context)


def source_detail(request, slug):
    source = get_object_or_404(Source, slug=slug)
    context = {
        "source": source,
        "published": source.published_articles.published().order_by("-published_on", "-id")[:20],
        "claims": Claim.objects.public().filter(claimant=source).select_related("article__publisher", "claimant")[:20],
    }
    return render(request, "reports/source_detail.html", context)


def source_list(request):
    sources = Source.objects.real().order_by("name")[:500]
    return render(request, "reports/source_list.html", {"sources": sources})
