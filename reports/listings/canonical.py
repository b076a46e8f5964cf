"""One address per view: the canonical query string of a list, and the chips that undo each filter.

A view's address is what people bookmark and cite, so two addresses for the same view are one too many:
empty parameters go, repeated values are given once, values are sorted, parameters come in one order,
and defaults (page 1, the default order, real records only) are left out. A request in any other form is
redirected to this one.
"""

import datetime
from urllib.parse import quote_plus

from django.http import QueryDict
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reports.listings.definitions import FACET_TITLES, Listing

# Parameters a list page understands besides its filters, in the order they come after the filters.
PAGE_PARAMETERS = ["view", "columns", "per_page", "page", "format"]
LOOKUPS = {
    "region": gettext_lazy("Region"),
    "source": gettext_lazy("Source"),
    "publisher": gettext_lazy("Published by"),
    "claimant": gettext_lazy("Claimed by"),
}
DATE_LABELS = {
    "published_from": gettext_lazy("Published from %(date)s"),
    "published_to": gettext_lazy("Published until %(date)s"),
    "asserted_from": gettext_lazy("Asserted from %(date)s"),
    "asserted_to": gettext_lazy("Asserted until %(date)s"),
    "occurred_from": gettext_lazy("Happened from %(date)s"),
    "occurred_to": gettext_lazy("Happened until %(date)s"),
}


# The order parameters are written in: what is searched, where, who, what, when, then how it is shown.
FILTER_ORDER = ["q", "region", "source", "publisher", "claimant", "topic", "status", "language"]
FILTER_ORDER += [f"{date}_{end}" for date in ("published", "asserted", "occurred") for end in ("from", "to")]
FILTER_ORDER += ["synthetic"]


def parameter_order(listing: Listing) -> list[str]:
    names = [name for name in FILTER_ORDER if name in listing.filter_names]
    names += [name for name in listing.filter_names if name not in names and name != "sort"]
    return [*names, "sort", *PAGE_PARAMETERS]


def canonical_query(listing: Listing, query) -> QueryDict:
    """`query` in canonical form: what it means, written one way."""
    order = parameter_order(listing)
    canonical = QueryDict(mutable=True)
    for name in sorted(query, key=lambda name: (order.index(name) if name in order else len(order), name)):
        values = sorted({value.strip() for value in query.getlist(name) if value.strip()})
        if name == "q":
            values = [" ".join(query.get(name, "").split())] if query.get(name, "").strip() else []
        if not values or _is_default(name, values, query):
            continue
        canonical.setlist(name, values)
    return canonical


def _is_default(name, values, query) -> bool:
    if name == "page":
        return values == ["1"]
    if name == "synthetic":
        return values == ["exclude"]
    if name == "view":
        return values == ["list"]
    if name == "per_page":
        return values == ["50"]
    if name == "columns":
        return query.get("view") != "table"  # columns belong to the table
    if name == "sort":
        return values == ["relevance" if query.get("q", "").strip() else "newest"]
    return False


def with_query(query) -> str:
    return "?" + query.urlencode() if query else "?"


def narrowed(listing: Listing, query, **changes) -> str:
    """The canonical address of the view with some parameters set (a list sets several values), back to page one."""
    changed = query.copy()
    for name, value in changes.items():
        changed.setlist(name, list(value) if isinstance(value, list | tuple) else [value])
    changed.pop("page", None)
    return with_query(canonical_query(listing, changed))


# Parameters canonical_query treats by their values (defaults, the search text): never spliced.
UNSPLICED = {"q", "page", "synthetic", "view", "per_page", "columns", "sort"}
SPLICE_MARK = "spliceslot"


def addresses(listing: Listing, query, names):
    """A function of new values for the parameters `names` (one list of values each) giving the canonical
    address of the view with those values, back to page one: what `narrowed` and `canonical_query` give.

    A facet or a timeline asks for dozens of addresses that differ in one or two parameters. The canonical
    form is worked out once with a mark in their place, and each address splices its values in.
    """
    if UNSPLICED & set(names):
        raise ValueError(f"cannot splice {sorted(UNSPLICED & set(names))}")
    marked = query.copy()
    marked.pop("page", None)
    slots = {}
    for index, name in enumerate(names):
        marked.setlist(name, [f"{SPLICE_MARK}{index}"])
        slots[f"{quote_plus(name)}={SPLICE_MARK}{index}"] = (index, quote_plus(name))
    segments = canonical_query(listing, marked).urlencode().split("&")  # values are quoted: no "&" inside one

    def address(*values) -> str:
        parts = []
        for segment in segments:
            if segment not in slots:
                parts.append(segment)
                continue
            index, key = slots[segment]
            parts += [f"{key}={quote_plus(value)}" for value in sorted({value.strip() for value in values[index]} - {""})]
        return "?" + "&".join(parts)

    return address


def without_value(query, name, value) -> str:
    """The address of the view without one value of one filter (a chip's link), back to page one."""
    changed = query.copy()
    changed.setlist(name, [item for item in query.getlist(name) if item != value])
    changed.pop("page", None)
    return with_query(changed)


def chips(listing_query, query) -> list[tuple[str, str]]:
    """(label, address without it) for every value of every filter in use in the canonical `query`."""
    filterset = listing_query.filterset
    names = _record_names(listing_query.selected)
    result = []
    for name in query:
        if name not in filterset.filters or name == "sort":
            continue
        for value in query.getlist(name):
            result.append((_label(filterset, names, name, value), without_value(query, name, value)))
    return result


def _record_names(selected) -> dict:
    names = {}
    for records in selected.values():
        for record in records:
            spellings = [record.slug, getattr(record, "code", ""), record.name, getattr(record, "name_uk", "")]
            for key in [*spellings, getattr(record, "short_name", ""), *record.aliases]:
                if key:
                    names[key.lower()] = str(getattr(record, "local_name", record))
    return names


def _label(filterset, names, name, value) -> str:
    if name == "q":
        return _("Search: %(text)s") % {"text": value}
    if name in LOOKUPS:
        return f"{LOOKUPS[name]}: {names.get(value.lower(), value)}"
    if name in DATE_LABELS:
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:
            return DATE_LABELS[name] % {"date": value}
        return DATE_LABELS[name] % {"date": date_format(day, "DATE_FORMAT")}
    choices = {key: str(label) for key, label in filterset.filters[name].extra.get("choices", [])}
    title = FACET_TITLES.get(name) or filterset.filters[name].label
    return f"{title}: {choices.get(value, value)}"
