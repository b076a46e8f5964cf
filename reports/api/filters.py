"""The API's side of the listing core: its filters applied strictly (anything not understood is a 400 that
says why), and their OpenAPI description, read off the FilterSets themselves."""

import django_filters
from rest_framework.filters import BaseFilterBackend

from reports.api.errors import BadQuery
from reports.filters import MAX_VALUE_LENGTH, MAX_VALUES, LookupFilter
from reports.listings import QueryRejected, evaluate

ANY_OF = " Repeat the parameter for any of several."
DESCRIPTIONS = {
    "q": 'Full-text search, websearch syntax: "quoted phrase", OR, -word.',
    "region": "A region by slug, official code (UA-09, a KATOTTG code) or name in any spelling; includes everything "
    "inside it." + ANY_OF,
    "source": "A source by slug or name: matches the publisher, a cited source or the claimant." + ANY_OF,
    "publisher": "The publisher, by slug or name." + ANY_OF,
    "claimant": "Who asserts the claim, by slug or name." + ANY_OF,
    "topic": "The claim's topic." + ANY_OF,
    "status": "The claim's review status." + ANY_OF,
    "language": "The language of the archived text." + ANY_OF,
    "published_from": "Published on or after this day (YYYY-MM-DD).",
    "published_to": "Published on or before this day (YYYY-MM-DD).",
    "asserted_from": "Asserted on or after this day (YYYY-MM-DD).",
    "asserted_to": "Asserted on or before this day (YYYY-MM-DD).",
    "occurred_from": "What it speaks of happened during a period that reaches this day or later (YYYY-MM-DD).",
    "occurred_to": "What it speaks of happened during a period that starts on this day or earlier (YYYY-MM-DD).",
    "sort": "newest first (the default), oldest first, relevance (best match; needs q, and is the default with it), "
    "or occurred (by when the events happened, undated last).",
    "kind": "The kind of record." + ANY_OF,
    "country": "ISO 3166-1 alpha-2 code of the country a source is based in (UA, US).",
}


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
        empty = sorted({name[:40] for name, values in query.lists() if "" in values})
        if empty:
            # A page's form sends empty fields; a program that sends one has lost a value on the way.
            raise BadQuery([f"{name}: empty; give a value or leave the parameter out." for name in empty])
        try:
            filtered = evaluate(listing, query, strict=True, allowed=allowed, queryset=queryset)
        except QueryRejected as rejected:
            raise BadQuery(rejected.reasons) from None
        view.listing_query = filtered
        return filtered.ordered

    def get_schema_operation_parameters(self, view):
        if getattr(view, "action", "list") != "list":
            return [SYNTHETIC_PARAMETER] if "synthetic" in view.listing.filterset_class.base_filters else []
        filterset_class = view.listing.filterset_class
        descriptions = {**DESCRIPTIONS, **getattr(filterset_class, "descriptions", {})}
        return [parameter(name, filter_, descriptions) for name, filter_ in filterset_class.base_filters.items()]


SYNTHETIC_PARAMETER = {
    "name": "synthetic",
    "in": "query",
    "required": False,
    "description": "Synthetic records (generated for scale tests) are left out unless asked for: `include` or `only`.",
    "schema": {"type": "string", "enum": ["exclude", "include", "only"], "default": "exclude"},
}


def parameter(name, filter_, descriptions):
    """The OpenAPI description of one filter, read off its definition."""
    if name == "synthetic":
        return SYNTHETIC_PARAMETER
    description = descriptions.get(name) or str(filter_.label or name)
    if isinstance(filter_, LookupFilter):
        items = {"type": "string", "minLength": 1, "maxLength": MAX_VALUE_LENGTH}
        schema = {"type": "array", "items": items, "maxItems": MAX_VALUES}
    elif isinstance(filter_, django_filters.MultipleChoiceFilter):
        schema = {"type": "array", "items": {"type": "string", "enum": [value for value, _label in filter_.extra["choices"]]}}
    elif isinstance(filter_, django_filters.ChoiceFilter):
        schema = {"type": "string", "enum": [value for value, _label in filter_.extra["choices"]]}
    elif isinstance(filter_, django_filters.DateFilter):
        schema = {"type": "string", "format": "date"}
    else:
        schema = {"type": "string", "minLength": 1, "maxLength": filter_.extra.get("max_length") or MAX_VALUE_LENGTH}
    result = {"name": name, "in": "query", "required": False, "description": description, "schema": schema}
    if schema["type"] == "array":
        result.update(style="form", explode=True)
    return result
