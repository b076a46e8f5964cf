"""Home and detail pages."""

import datetime

from django.db.models import Q
from django.http import HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from reports import selectors
from reports.citations import article_citable, citations, claim_citable
from reports.filters import resolve_regions
from reports.listings import ARTICLES, CLAIMS, evaluate
from reports.listings.control import control_history
from reports.listings.timeline import bar_links, timeline
from reports.maps import region_map
from reports.models import ClaimLink, Region, Source
from reports.permalinks import permalink
from reports.presentation import describe_period, reliability_explanation, status_explanation


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


def _asks_for_synthetic(request) -> bool:
    return request.GET.get("synthetic") in ("include", "only")


def _list_query(request, **filters) -> QueryDict:
    """The list query these filters make, with the reader's `synthetic` choice passed on."""
    query = QueryDict(mutable=True)
    for name, value in filters.items():
        query[name] = value
    if _asks_for_synthetic(request):
        query["synthetic"] = request.GET["synthetic"]
    return query


def _public(request, listing, **filters):
    """The public rows of `listing` these filters select, exactly as the list page with the same filters shows them."""
    return evaluate(listing, _list_query(request, **filters), strict=True)


def _citation_context(request, citable):
    return {"citations": citations(citable, accessed=datetime.date.today()), "permalink": citable.permalink}


def article_detail(request, slug):
    article = get_object_or_404(ARTICLES.public().select_related("publisher"), slug=slug)
    claims = list(CLAIMS.public().filter(article=article).select_related("claimant").order_by("quote_start"))
    for claim in claims:
        claim.article = article  # already loaded, with its publisher
    context = {
        "article": article,
        "claims": claims,
        **_citation_context(request, article_citable(article, permalink(article, request))),
    }
    if request.GET.get("cite") == "ris":
        return _ris_download(context["citations"]["RIS"], article.slug)
    return render(request, "reports/article_detail.html", context)


def claim_detail(request, pk):
    claim = get_object_or_404(CLAIMS.public().select_related("article__publisher", "claimant"), pk=pk)
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
    context = {
        "claim": claim,
        "regions": [(region, [ancestors[pk] for pk in region.ancestor_ids if pk in ancestors]) for region in regions],
        "period": describe_period(claim.occurred_start, claim.occurred_end, claim.occurred_precision),
        "status_explanation": status_explanation(claim.status),
        "paragraph": _paragraph_around(claim) if _quote_intact(claim) else None,
        "related": related,
        **_citation_context(request, claim_citable(claim, permalink(claim, request))),
    }
    if request.GET.get("cite") == "ris":
        return _ris_download(context["citations"]["RIS"], f"claim-{claim.pk}")
    return render(request, "reports/claim_detail.html", context)


def _quote_intact(claim):
    """Whether the claim's words still stand at its offsets in the archived text (verify_archive checks all)."""
    text = claim.article.lead if claim.quote_in_lead else claim.article.body
    return text[claim.quote_start : claim.quote_end] == claim.quote


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
    found, _unknown = resolve_regions([slug])
    if len(found) != 1:
        return render(request, "404.html", {"missing": "region"}, status=404)
    region = found[0]
    if region.slug != slug:  # a code or another spelling: the page lives at the slug
        return redirect(region, permanent=True)
    query = _list_query(request, region=slug)
    claims = evaluate(CLAIMS, query, strict=True)
    spread = timeline(claims)
    claims = claims.queryset
    ancestors = list(region.ancestors())
    context = {
        "region": region,
        "ancestors": ancestors,
        "map": region_map(region, ancestors),
        "located_at": next((place for place in reversed(ancestors) if place.location_precision == "own"), None),
        "children": region.children.order_by("name")[:200],
        "claims": claims.select_related("claimant", "publisher").order_by(*CLAIMS.orderings["newest"])[:20],
        "articles": _public(request, ARTICLES, region=slug).ordered.select_related("publisher").defer("body")[:10],
        "timeline": spread,
        "timeline_links": bar_links(CLAIMS, query, spread, path=reverse("reports:claim_list")),
        "control": control_history(slug, request.GET["synthetic"] if _asks_for_synthetic(request) else ""),
        "timeline_caption": _("Claims about it by when the events happened"),
        "includes_synthetic": _asks_for_synthetic(request),
    }
    return render(request, "reports/region_detail.html", context)


def source_list(request):
    sources = selectors.everything(selectors.SOURCES).ordered[:500]
    return render(request, "reports/source_list.html", {"sources": sources})


def source_detail(request, slug):
    source = get_object_or_404(Source, slug=slug)
    context = {
        "source": source,
        "reliability_explanation": reliability_explanation(source.reliability),
        "includes_synthetic": _asks_for_synthetic(request),
        "published": _public(request, ARTICLES, publisher=slug).ordered.defer("body")[:10],
        "claims": _public(request, CLAIMS, claimant=slug).ordered.select_related("publisher", "claimant")[:10],
        "cited_in": _public(request, ARTICLES)
        .ordered.filter(cited_sources=source)
        .select_related("publisher")
        .defer("body")[:10],
    }
    return render(request, "reports/source_detail.html", context)
