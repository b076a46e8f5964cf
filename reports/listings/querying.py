"""A query string applied to a listing: the one read path behind pages, downloads, feeds and the API.

People and machines get the same rows. They differ only in what happens to a part of the query that
cannot be understood: a page names it in a notice and answers the rest (`strict=False`); a download, a
feed or an API call refuses the whole request with the reasons (`strict=True`), since a file that
silently dropped a filter would misstate what it holds.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from reports.listings.definitions import Listing


class QueryRejected(Exception):
    """The query could not all be understood; `reasons` says why, for people."""

    def __init__(self, reasons):
        super().__init__("; ".join(str(reason) for reason in reasons))
        self.reasons = [str(reason) for reason in reasons]


@dataclass
class ListingQuery:
    listing: Listing
    filterset: object
    queryset: object  # the matching rows, unordered
    sort: str
    notices: list = field(default_factory=list)

    @property
    def ordering(self) -> tuple:
        return self.listing.orderings[self.sort]

    @property
    def ordered(self):
        return self.queryset.order_by(*self.ordering)

    @property
    def selected(self) -> dict:
        """Records the lookups found, by parameter: {"region": [Region…], "claimant": [Source…]}."""
        return self.filterset.selected

    @property
    def cleaned(self) -> dict:
        return self.filterset.form.cleaned_data

    @property
    def search_text(self) -> str:
        return (self.cleaned.get("q") or "").strip()

    @property
    def includes_synthetic(self) -> bool:
        return self.cleaned.get("synthetic") in ("include", "only")


def evaluate(listing: Listing, query, *, strict: bool, allowed=(), queryset=None) -> ListingQuery:
    """The rows of `listing` that `query` (a QueryDict) selects, in the order it asks for.

    `allowed` names the parameters the caller handles itself (page, format, cursor…); any other parameter
    the listing does not know is reported. `queryset` narrows or prepares the public rows (select_related…).
    Strict: raises QueryRejected instead of leaving anything out.
    """
    base = listing.public() if queryset is None else queryset
    filterset = listing.filterset_class(query, queryset=base)
    matched = filterset.qs
    sort = filterset.chosen_sort()
    notices = list(filterset.notices)
    unknown = sorted(set(query) - set(filterset.filters) - set(allowed))
    if unknown:
        names = ", ".join(name[:40] for name in unknown[:5])
        if strict:
            known = ", ".join(sorted({*filterset.filters, *allowed}))
            notices.append(_("Unknown parameter: %(names)s. Known parameters: %(known)s.") % {"names": names, "known": known})
        else:
            notices.append(_("Not understood and left out: %(names)s.") % {"names": names})
    if strict and notices:
        raise QueryRejected(notices)
    return ListingQuery(listing=listing, filterset=filterset, queryset=matched, sort=sort, notices=notices)


def described_filters(query, ignored=()) -> list[tuple[str, str]]:
    """(parameter, value) pairs of a query in a stable order, for file names and titles."""
    return [(name, value) for name in sorted(query) if name not in ignored for value in query.getlist(name) if value.strip()]
