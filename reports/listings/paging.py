"""Paging through a filtered list without counting a million rows.

The page's ids come first from an index-only walk (the "deferred join"), then the 50 rows with what
they display; the total comes with the facets (results.py).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from reports.listings.limits import MAX_PAGE, PER_PAGE


@dataclass
class ResultPage:
    number: int
    items: list
    has_next: bool
    total: int | None = None  # exact; None only when counting ran past its budget
    notices: list = field(default_factory=list)
    per_page: int = PER_PAGE

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def first_index(self):
        return (self.number - 1) * self.per_page + 1


def parse_page(raw, notices) -> int:
    if raw in (None, ""):
        return 1
    # isdigit() accepts "²" and "①", which int() refuses: only ASCII digits make a page number.
    if not (raw.isascii() and raw.isdigit()) or int(raw) < 1:
        notices.append(_("“%(value)s” is not a page number; showing the first page.") % {"value": raw[:40]})
        return 1
    if int(raw) > MAX_PAGE:
        notices.append(
            _("Pages stop at %(max)s; narrow the filters to reach older entries. Showing the first page.") % {"max": MAX_PAGE}
        )
        return 1
    return int(raw)


def page_of(queryset, *, ordering, number, select, per_page=PER_PAGE) -> ResultPage:
    """One page of `queryset` in `ordering`; `select` is the queryset that loads what a row shows."""
    offset = (number - 1) * per_page
    ids = list(queryset.order_by(*ordering).values_list("id", flat=True)[offset : offset + per_page + 1])
    has_next = len(ids) > per_page
    ids = ids[:per_page]
    rows = select.in_bulk(ids)
    return ResultPage(number=number, items=[rows[pk] for pk in ids], has_next=has_next, per_page=per_page)
