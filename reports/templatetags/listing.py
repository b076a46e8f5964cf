from django import template

from reports.listings.canonical import addresses, canonical_query, with_query

register = template.Library()


def _canonical(context, query):
    query.pop("page", None)
    return with_query(canonical_query(context["listing"], query))


def _addresses(context, *names):
    """The view's addresses with new values for `names`, worked out once per template render (see `addresses`)."""
    makers = context.render_context.setdefault("listing_addresses", {})
    if names not in makers:
        makers[names] = addresses(context["listing"], context["query"], names)
    return makers[names]


@register.simple_tag(takes_context=True)
def toggled(context, name, value):
    """The current view with `value` added to, or removed from, parameter `name`; back to page 1."""
    values = context["query"].getlist(name)
    return _addresses(context, name)([item for item in values if item != value] if value in values else [*values, value])


@register.simple_tag(takes_context=True)
def is_selected(context, name, value):
    return value in context["query"].getlist(name)


@register.simple_tag(takes_context=True)
def with_page(context, number):
    query = context["query"].copy()
    query["page"] = str(number)
    return with_query(canonical_query(context["listing"], query))


@register.simple_tag(takes_context=True)
def date_range(context, start, end):
    """The current view narrowed to the dates from `start` to `end` (ISO days) of the list's own date."""
    prefix = context["listing"].date_parameter
    return _addresses(context, f"{prefix}_from", f"{prefix}_to")([start], [end])


@register.simple_tag(takes_context=True)
def year_range(context, year):
    return date_range(context, f"{year}-01-01", f"{year}-12-31")


@register.simple_tag(takes_context=True)
def month_range(context, month):
    """`month` is "2025-03": the view narrowed to that month."""
    import calendar

    year, number = (int(part) for part in month.split("-"))
    last = calendar.monthrange(year, number)[1]
    return date_range(context, f"{month}-01", f"{month}-{last:02d}")


@register.filter
def month_label(month):
    import datetime

    from django.utils.formats import date_format

    year, number = (int(part) for part in month.split("-"))
    return date_format(datetime.date(year, number, 1), "YEAR_MONTH_FORMAT")


@register.filter
def grouped(number):
    from django.utils.formats import number_format

    return number_format(number, force_grouping=True)


@register.filter
def getlist(query, name):
    return query.getlist(name)


@register.simple_tag(takes_context=True)
def shown_as(context, view):
    """The current view shown as a list or as a table, on its first page."""
    query = context["query"].copy()
    query["view"] = view
    return _canonical(context, query)


@register.simple_tag(takes_context=True)
def sorted_by(context, column):
    """The table sorted by `column`: a second choice of the same column reverses the order where it can."""
    ascending, descending = context["sortable"][column]
    query = context["query"].copy()
    query["sort"] = ascending if context["sort"] == descending else descending
    return _canonical(context, query)
