"""How a list page shows its rows: as a list or as a table with columns the reader chooses, and how many a page.

These are part of the view's address (`view=table&columns=claimant&columns=places&per_page=100`), so a table
can be bookmarked and cited like any filtered view; downloads, feeds and the API ignore them.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

VIEWS = ("list", "table", "map")
PAGE_SIZES = (25, 50, 100, 200)
DEFAULT_PAGE_SIZE = 50

# Column name -> heading; the order is the order they are shown in.
COLUMNS = {
    "claim": {
        "occurred": gettext_lazy("Happened"),
        "places": gettext_lazy("Where"),
        "claimant": gettext_lazy("Claimed by"),
        "publisher": gettext_lazy("Published by"),
        "topic": gettext_lazy("Topic"),
        "status": gettext_lazy("Status"),
        "quantity": gettext_lazy("Quantity"),
        "published": gettext_lazy("Published"),
        "language": gettext_lazy("Language"),
    },
    "article": {
        "publisher": gettext_lazy("Published by"),
        "published": gettext_lazy("Published"),
        "language": gettext_lazy("Language"),
        "lead": gettext_lazy("Lead"),
    },
}
DEFAULT_COLUMNS = {
    "claim": ["occurred", "places", "claimant", "topic", "status"],
    "article": ["publisher", "published", "language"],
}
# Columns a table sorts by, each with the list's order (every one has an index behind it): ascending, descending.
SORTABLE = {
    "claim": {"asserted": ("oldest", "newest"), "occurred": ("occurred", "occurred")},
    "article": {"published": ("oldest", "newest")},
}


@dataclass
class Display:
    view: str = "list"
    columns: list = field(default_factory=list)
    per_page: int = DEFAULT_PAGE_SIZE

    @property
    def is_table(self) -> bool:
        return self.view == "table"

    @property
    def is_map(self) -> bool:
        return self.view == "map"


def display_of(listing, query, notices) -> Display:
    """The display a (canonical) query asks for; what cannot be understood is named in `notices` and left at its default."""
    display = Display(columns=list(DEFAULT_COLUMNS[listing.name]))
    view = query.get("view")
    if view:
        if view in VIEWS:
            display.view = view
        else:
            notices.append(_("“%(value)s” is not a way to show the list; it is shown as a list.") % {"value": view[:40]})
    chosen = query.getlist("columns")
    if chosen:
        known = COLUMNS[listing.name]
        unknown = [name for name in chosen if name not in known]
        if unknown:
            notices.append(_("Not a column: %(names)s.") % {"names": ", ".join(name[:40] for name in unknown[:5])})
        display.columns = [name for name in known if name in chosen] or display.columns
    size = query.get("per_page")
    if size:
        if size.isascii() and size.isdigit() and int(size) in PAGE_SIZES:
            display.per_page = int(size)
        else:
            sizes = ", ".join(str(choice) for choice in PAGE_SIZES)
            notices.append(_("Rows a page: %(sizes)s; showing %(default)s.") % {"sizes": sizes, "default": DEFAULT_PAGE_SIZE})
    return display
