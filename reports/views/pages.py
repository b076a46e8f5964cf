"""Home and detail pages."""

import datetime

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.text import slugify

from reports import selectors
from reports.citations import article_citable, citations, claim_citable
from reports.models import Article, Claim, ClaimLink, Region, Source
from reports.presentation import describe_period, reliability_explanation, status_explanation
from reports.queries.facets import EXACT_LIMIT, monthly_counts
from reports.queries.pages import capped_count, planned_rows


def home(request):
    return render(
        request,
        "reports/home.html",
        {
            "counts": selectors.archive_counts(),
            "latest_articles": selectors.latest_articles(),
            "latest_claims": selectors.latest_claims(),
            "first_level_regions": selectors.first_level_claim_counts(),
            "sources": selectors.prominent_sources(),
        },
    )


def _permalink(request, record):
    """The record's address in the default language: a citation must not depend on the reader's."""
    with translation.override(settings.LANGUAGE_CODE):
        return request.build_absolute_uri(record.get_absolute_url())


def _citation_context(request, citable):
    return {"citations": citations(citable, accessed=datetime.date.today()), "permalink": citable.permalink}


def article_detail(request, slug):
    article = get_object_or_404(Article.objects.published().select_related("publisher"), slug=slug)
    claims = list(Claim.objects.public().filter(article=article).select_related("claimant").order_by("quote_start"))
    for claim in claims:
        claim.article = article  # already loaded, with its publisher
    permalink = _permalink(request, article)
    context = {"article": article, "claims": claims, **_citation_context(request, article_citable(article, permalink))}
    if request.GET.get("cite") == "ris":
        return _ris_download(context["citations"]["RIS"], article.slug)
    return render(request, "reports/article_detail.html", context)


def claim_detail(request, pk):
    claim = get_object_or_404(Claim.objects.public().select_related("article__publisher", "claimant"), pk=pk)
    regions = list(claim.regions.all())
    ancestor_ids = {ancestor for region in regions for ancestor in region.ancestor_ids}
    ancestors = Region.objects.in_bulk(ancestor_ids)
    links = ClaimLink.objects.filter(
        Q(from_claim=claim) | Q(to_claim=claim), from_claim__is_public=True, to_claim__is_public=True
    ).select_related("from_claim", "to_claim")
    related = [
        {"relation": link.get_relation_display(), "claim": link.to_claim if link.from_claim_id == claim.pk else link.from_claim}
        for link in links
    ]
    permalink = _permalink(request, claim)
    context = {
        "claim": claim,
        "regions": [(region, [ancestors[pk] for pk in region.ancestor_ids if pk in ancestors]) for region in regions],
        "period": describe_period(claim.occurred_start, claim.occurred_end, claim.occurred_precision),
        "status_explanation": status_explanation(claim.status),
        "paragraph": _paragraph_around(claim),
        "related": related,
        **_citation_context(request, claim_citable(claim, permalink)),
    }
    if request.GET.get("cite") == "ris":
        return _ris_download(context["citations"]["RIS"], f"claim-{claim.pk}")
    return render(request, "reports/claim_detail.html", context)


def _paragraph_around(claim):
    """(before, quote, after): the paragraph of the article that holds the quote."""
    body = claim.article.lead if claim.quote_in_lead else claim.article.body
    start = body.rfind("\n", 0, claim.quote_start) + 1
    end = body.find("\n", claim.quote_end)
    end = len(body) if end < 0 else end
    return body[start : claim.quote_start], claim.quote, body[claim.quote_end : end]


def _ris_download(text, name):
    response = HttpResponse(text, content_type="application/x-research-info-systems; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(name)}.ris"'
    return response


def region_detail(request, slug):
    region = Region.objects.filter(slug=slug).first()
    if region is None:
        by_code = Region.objects.filter(Q(code__iexact=slug) | Q(katottg__iexact=slug)).first()
        if by_code is None:
            return render(request, "404.html", {"missing": "region"}, status=404)
        return redirect(by_code, permanent=True)
    claims = Claim.objects.public().in_region(region)
    # Counting a broad region's claims exactly would cost more than the page; the planner's estimate
    # decides whether the chart counts them all or a sample.
    exact_total = capped_count(claims) if planned_rows(claims) <= EXACT_LIMIT else None
    series, estimated = monthly_counts(claims, table="reports_claim", date_column="asserted_on", exact_total=exact_total)
    context = {
        "region": region,
        "ancestors": region.ancestors(),
        "children": region.children.order_by("name")[:200],
        "claims": claims.select_related("claimant", "publisher").order_by("-asserted_on", "-id")[:20],
        "articles": Article.objects.published().in_region(region).select_related("publisher").defer("body")[:10],
        "series": series,
        "series_estimated": estimated,
    }
    return render(request, "reports/region_detail.html", context)


def source_list(request):
    sources = Source.objects.real().order_by("name")[:500]
    return render(request, "reports/source_list.html", {"sources": sources})


def source_detail(request, slug):
    source = get_object_or_404(Source, slug=slug)
    context = {
        "source": source,
        "reliability_explanation": reliability_explanation(source.reliability),
        "published": source.published_articles.published().defer("body").order_by("-published_on", "-id")[:10],
        "claims": Claim.objects.public()
        .filter(claimant=source)
        .select_related("publisher", "claimant")
        .order_by("-asserted_on", "-id")[:10],
        "cited_in": source.cited_in.published().select_related("publisher").defer("body").order_by("-published_on", "-id")[:10],
    }
    return render(request, "reports/source_detail.html", context)
