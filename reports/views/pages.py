from django.shortcuts import get_object_or_404, render

from reports.models import Article, Claim, Region, Source


def home(request):
    return render(request, "reports/home.html", {})


def article_detail(request, slug):
    article = get_object_or_404(Article.objects.published().select_related("publisher"), slug=slug)
    return render(request, "reports/article_detail.html", {"article": article})


def claim_detail(request, pk):
    claim = get_object_or_404(Claim.objects.public().select_related("article", "claimant"), pk=pk)
    return render(request, "reports/claim_detail.html", {"claim": claim})


def region_detail(request, slug):
    region = get_object_or_404(Region, slug=slug)
    return render(request, "reports/region_detail.html", {"region": region})


def source_detail(request, slug):
    source = get_object_or_404(Source, slug=slug)
    return render(request, "reports/source_detail.html", {"source": source})
