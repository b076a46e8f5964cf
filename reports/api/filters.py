"""The API's filters: the lists' own FilterSets for articles and claims, two small ones for regions and sources,
and the backend that applies them strictly (anything not understood is a 400 that says why)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from rest_framework.filters import BaseFilterBackend

from reports.api.errors import BadQuery
from reports.exports.filtering import (
    ARTICLES,
    CLAIMS,
    Listing,
    QueryRejected,
    SyntheticFilter,
    strict_query,
)
from reports.filters import MAX_VALUE_LENGTH, MAX_VALUES, LookupFilter, resolve_regions
from reports.models import Region, Source


class DirectoryFilterSet(django_filters.FilterSet):
    """Regions and sources: a handful of filters, validated and reported as the lists' are."""

    q = django_filters.CharFilter(method="filter_name", max_length=MAX_VALUE_LENGTH, label=_("Name"))

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.notices, self.selected = [], {}

    def filter_queryset(self, queryset):
        for name, error_list in self.form.errors.items():
            for error in error_list:
                self.notices.append(f"{self.filters[name].label if name in self.filters else name}: {error}")
        return super().filter_queryset(queryset)

    def chosen_sort(self):
        return "name"


class RegionFilterSet(DirectoryFilterSet):
    region = LookupFilter(
        field_name="region",
        label=_("Inside region"),
        noun=_("region"),
        model=Region,
        resolve=resolve_regions,
        apply=lambda queryset, regions: queryset.inside(*regions),
    )
    kind = django_filters.MultipleChoiceFilter(field_name="kind", choices=Region.Kind.choices, label=_("Kind"))

    class Meta:
        model = Region
        fields = []

    def filter_name(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(name__icontains=value) | Q(name_uk__icontains=value) | Q(aliases__icontains=value))


class SourceFilterSet(DirectoryFilterSet):
    kind = django_filters.MultipleChoiceFilter(field_name="kind", choices=Source.Kind.choices, label=_("Kind"))
    country = django_filters.CharFilter(field_name="country", lookup_expr="iexact", max_length=2, label=_("Country"))
    synthetic = SyntheticFilter()

    class Meta:
        model = Source
        fields = []

    def filter_name(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(name__icontains=value) | Q(short_name__icontains=value) | Q(aliases__icontains=value))


REGIONS = Listing("region", "regions", RegionFilterSet, lambda: Region.objects.all(), {"name": ("name", "id")})
SOURCES = Listing("source", "sources", SourceFilterSet, lambda: Source.objects.all(), {"name": ("name", "id")})
LISTINGS = {"claims": CLAIMS, "articles": ARTICLES, "regions": REGIONS, "sources": SOURCES}


class StrictFilterBackend(BaseFilterBackend):
    """The view's listing filters, applied strictly; the result comes ordered as asked (`sort`).

    A single record (retrieve) takes no filter but `synthetic`: asking for a synthetic record by its
    address still has to say so.
    """

    def filter_queryset(self, request, queryset, view):
        listing, query = view.listing, request.query_params
        if view.action == "list":
            allowed = view.paginator.query_parameters
        else:
            known = {"synthetic"} & set(listing.filterset_class.base_filters)
            unknown = sorted(set(query) - known)
            if unknown:
                names = ", ".join(name[:40] for name in unknown[:5])
                raise BadQuery([f"Unknown parameter: {names}. Known parameters: {', '.join(known) or 'none'}."])
            allowed = ()
        try:
            filtered = strict_query(listing, query, queryset=queryset, also_allowed=allowed)
        except QueryRejected as rejected:
            raise BadQuery(rejected.reasons) from None
        return filtered.queryset.order_by(*filtered.ordering)

    def get_schema_operation_parameters(self, view):
        if getattr(view, "action", "list") != "list":
            return [SYNTHETIC_PARAMETER] if "synthetic" in view.listing.filterset_class.base_filters else []
        return [parameter(name, filter_) for name, filter_ in view.listing.filterset_class.base_filters.items()]


SYNTHETIC_PARAMETER = {
    "name": "synthetic",
    "in": "query",
    "required": False,
    "description": "Synthetic records (generated for scale tests) are left out unless asked for: `include` or `only`.",
    "schema": {"type": "string", "enum": ["exclude", "include", "only"], "default": "exclude"},
}


def parameter(name, filter_):
    """The OpenAPI description of one filter, read off its definition."""
    if name == "synthetic":
        return SYNTHETIC_PARAMETER
    description = str(filter_.label or name)
    if isinstance(filter_, LookupFilter):
        schema = {
            "type": "array",
            "items": {"type": "string", "minLength": 1, "maxLength": MAX_VALUE_LENGTH},
            "maxItems": MAX_VALUES,
        }
        description += ". Slug, official code or name; repeat the parameter for any of several."
    elif isinstance(filter_, django_filters.MultipleChoiceFilter):
        schema = {"type": "array", "items": {"type": "string", "enum": [value for value, _label in filter_.extra["choices"]]}}
        description += ". Repeat the parameter for any of several."
    elif isinstance(filter_, django_filters.ChoiceFilter):
        schema = {"type": "string", "enum": [value for value, _label in filter_.extra["choices"]]}
    elif isinstance(filter_, django_filters.DateFilter):
        schema = {"type": "string", "format": "date"}
        description += " (ISO date, YYYY-MM-DD)."
    else:
        schema = {"type": "string", "maxLength": filter_.extra.get("max_length") or MAX_VALUE_LENGTH}
    result = {"name": name, "in": "query", "required": False, "description": description, "schema": schema}
    if schema["type"] == "array":
        result.update(style="form", explode=True)
    return result
