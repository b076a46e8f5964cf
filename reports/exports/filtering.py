"""The list filters, applied strictly, for machines: exports, feeds and the API.

A page can show what it did not understand next to the results. A file or a feed cannot: a reader who
gets 200 rows has no way to know that one filter was dropped. So here anything the FilterSet could not
understand, and any parameter it does not know, refuses the whole request with the reasons.

Synthetic records (made by `generate_archive` for scale work) are left out unless the request asks for
them with `synthetic=include` or `synthetic=only`, so that they never end up in a data set by accident.
"""

from collections.abc import Callable
from dataclasses import dataclass

import django_filters
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reports.filters import ArticleFilterSet, ClaimFilterSet
from reports.models import Article, Claim
from reports.queries.pages import ORDERINGS

SYNTHETIC_CHOICES = [
    ("exclude", gettext_lazy("real records only (the default)")),
    ("include", gettext_lazy("real and synthetic records")),
    ("only", gettext_lazy("synthetic records only")),
]


class SyntheticFilter(django_filters.ChoiceFilter):
    """Real records unless synthetic ones are asked for by name."""

    def __init__(self, **kwargs):
        super().__init__(field_name="is_synthetic", choices=SYNTHETIC_CHOICES, label=gettext_lazy("Synthetic records"), **kwargs)

    def filter(self, queryset, value):
        if value == "include":
            return queryset
        return queryset.filter(is_synthetic=value == "only")


class ClaimDataFilterSet(ClaimFilterSet):
    synthetic = SyntheticFilter()


class ArticleDataFilterSet(ArticleFilterSet):
    synthetic = SyntheticFilter()


@dataclass(frozen=True)
class Listing:
    """One kind of public list: its filters, the rows the public may see, and the orders it offers."""

    name: str  # "claim", "article"…, as in ORDERINGS and the URL names
    plural: str
    filterset_class: type
    public: Callable  # () -> the QuerySet of what the public may see
    orderings: dict  # sort name -> queryset ordering


CLAIMS = Listing("claim", "claims", ClaimDataFilterSet, lambda: Claim.objects.public(), ORDERINGS["claim"])
ARTICLES = Listing("article", "articles", ArticleDataFilterSet, lambda: Article.objects.published(), ORDERINGS["article"])
LISTINGS = {listing.name: listing for listing in (CLAIMS, ARTICLES)}


class QueryRejected(Exception):
    """The request's filters could not all be understood; `reasons` says why, for people."""

    def __init__(self, reasons):
        super().__init__("; ".join(str(reason) for reason in reasons))
        self.reasons = [str(reason) for reason in reasons]


@dataclass
class FilteredQuery:
    filterset: object
    queryset: object
    sort: str
    ordering: tuple


def strict_query(listing: Listing, query, *, queryset=None, also_allowed=()) -> FilteredQuery:
    """The public rows `query` (a QueryDict) selects, and the order it asks for; QueryRejected if any of it is
    not understood.

    `queryset` narrows or prepares the listing's public rows (select_related…); `also_allowed` names the
    parameters the caller handles itself (format, cursor…).
    """
    base = listing.public() if queryset is None else queryset
    filterset = listing.filterset_class(query, queryset=base)
    unknown = sorted(set(query) - set(filterset.filters) - set(also_allowed))
    queryset = filterset.qs
    sort = filterset.chosen_sort()
    reasons = list(filterset.notices)
    if unknown:
        reasons.append(
            _("Unknown parameter: %(names)s. Known parameters: %(known)s.")
            % {
                "names": ", ".join(name[:40] for name in unknown[:5]),
                "known": ", ".join(sorted({*filterset.filters, *also_allowed})),
            }
        )
    if reasons:
        raise QueryRejected(reasons)
    return FilteredQuery(filterset=filterset, queryset=queryset, sort=sort, ordering=listing.orderings[sort])


def described_filters(query, ignored=()) -> list[tuple[str, str]]:
    """(parameter, value) pairs of a query in a stable order, for file names and titles."""
    return [(name, value) for name in sorted(query) if name not in ignored for value in query.getlist(name) if value.strip()]
