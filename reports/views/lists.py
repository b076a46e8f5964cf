"""The filterable lists: /articles/ and /claims/."""

from django.contrib.postgres.search import SearchHeadline
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views import View

from reports.exports.views import data_links, export_response
from reports.filters import SORTS, ArticleFilterSet, ClaimFilterSet
from reports.models import Article, Claim
from reports.models.search import websearch_query
from reports.queries import facets as facet_queries
from reports.queries.pages import COUNT_CAP, ORDERINGS, page_of, parse_page, planned_rows

# Parameters a list understands besides its filters.
LIST_PARAMETERS = {"page", "format"}
# Filters that the form does not edit directly: kept through a new search as hidden fields.
KEPT_PARAMETERS = ["region", "source", "publisher", "claimant", "topic", "status", "language"]


class ArchiveListView(View):
    filterset_class = None
    template_name = None
    model_name = None
    facet_spec = None

    def base_queryset(self):
        raise NotImplementedError

    def row_queryset(self, search_text):
        """What one row of the list shows, loaded for the page's ids (with highlighted snippets when searching)."""
        raise NotImplementedError

    def get(self, request):
        if "format" in request.GET:
            return export_response(request, self.model_name)
        filterset = self.filterset_class(request.GET, queryset=self.base_queryset())
        queryset = filterset.qs
        notices = filterset.notices
        unknown = sorted(set(request.GET) - set(filterset.filters) - LIST_PARAMETERS)
        if unknown:
            notices.append(_("Not understood and left out: %(names)s.") % {"names": ", ".join(name[:40] for name in unknown[:5])})
        sort = filterset.chosen_sort()
        number = parse_page(request.GET.get("page"), notices)
        search_text = filterset.form.cleaned_data.get("q", "").strip()
        page = page_of(queryset, ordering=ORDERINGS[self.model_name][sort], number=number, select=self.row_queryset(search_text))
        if not page.items and number > 1:
            notices.append(_("There is no page %(number)d for these filters.") % {"number": number})
        # An exact count of a broad filter costs more than the page: count (with the facets, in one scan)
        # only what the planner expects to be small; beyond, the facets are sampled and estimate the total.
        regions = facet_queries.region_candidates(filterset.selected.get("region", []))
        facets = facet_queries.facet_counts(
            queryset, spec=self.facet_spec, regions=regions, try_exact=planned_rows(queryset) <= 2 * COUNT_CAP
        )
        page.total = None if facets.estimated or facets.unavailable else facets.total
        context = {
            "model_name": self.model_name,
            "list_title": self.list_title,
            "feed_title": self.feed_title,
            "year_param": self.year_param,
            "facet_source_param": self.facet_source_param,
            "kept_params": KEPT_PARAMETERS,
            "active_filters": active_filters(request.GET, filterset),
            "filterset": filterset,
            "form": filterset.form,
            "page": page,
            "facets": facets,
            "notices": notices,
            "sort": sort,
            "sorts": SORTS,
            "selected": filterset.selected,
            "data_links": data_links(request, self.model_name),
        }
        return render(request, self.template_name, context, status=200)


# Marks around matched words that cannot occur in text; the template escapes the text, then turns them into <mark>.
MATCH_START, MATCH_END = "\x01", "\x02"


def highlighted(field, search_text, fragments=0):
    options = {"start_sel": MATCH_START, "stop_sel": MATCH_END, "max_words": 40, "min_words": 15}
    if fragments:
        options["max_fragments"] = fragments
    return SearchHeadline(field, websearch_query(search_text), config="english", **options)


class ClaimListView(ArchiveListView):
    filterset_class = ClaimFilterSet
    template_name = "reports/claim_list.html"
    model_name = "claim"
    list_title = _lazy("Claims")
    feed_title = _lazy("Claims matching these filters")
    year_param, facet_source_param = "asserted", "claimant"
    facet_spec = facet_queries.FacetSpec(
        table="reports_claim",
        year_column="asserted_on",
        source_column="claimant_id",
        choices={
            "topic": dict(Claim.Topic.choices),
            "status": {value: label for value, label in Claim.Status.choices if value != "suggested"},
            "language": dict(Article.Language.choices),
        },
    )

    def base_queryset(self):
        return Claim.objects.public()

    def row_queryset(self, search_text):
        rows = Claim.objects.select_related("claimant", "publisher", "article").defer("article__body", "article__lead")
        if search_text:
            rows = rows.annotate(
                statement_snippet=highlighted("statement", search_text), quote_snippet=highlighted("quote", search_text)
            )
        return rows


class ArticleListView(ArchiveListView):
    filterset_class = ArticleFilterSet
    template_name = "reports/article_list.html"
    model_name = "article"
    list_title = _lazy("Articles")
    feed_title = _lazy("Articles matching these filters")
    year_param, facet_source_param = "published", "publisher"
    facet_spec = facet_queries.FacetSpec(
        table="reports_article",
        year_column="published_on",
        source_column="publisher_id",
        choices={"language": dict(Article.Language.choices)},
    )

    def base_queryset(self):
        return Article.objects.published()

    def row_queryset(self, search_text):
        rows = Article.objects.select_related("publisher").defer("body")
        if search_text:
            rows = rows.annotate(body_snippet=highlighted("body", search_text, fragments=2))
        return rows


def active_filters(query, filterset):
    """(parameter, value, label) of each value in use among the kept filters, labelled for people."""
    names = {}
    for records in filterset.selected.values():
        for record in records:
            spellings = [record.slug, getattr(record, "code", ""), record.name, getattr(record, "name_uk", ""), *record.aliases]
            for key in spellings:
                if key:
                    names[key.lower()] = getattr(record, "local_name", record.name)
    labels = {}
    for name in ("topic", "status", "language"):
        if name in filterset.filters:
            labels[name] = {value: str(label) for value, label in filterset.filters[name].extra.get("choices", [])}
    chips = []
    for name in KEPT_PARAMETERS:
        for value in query.getlist(name):
            label = labels.get(name, {}).get(value) or names.get(value.strip().lower()) or value
            chips.append((name, value, label))
    return chips
