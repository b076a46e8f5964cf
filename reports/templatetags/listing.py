from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def toggled(context, name, value):
    """The current query string with `value` added to, or removed from, parameter `name`; back to page 1."""
    query = context["request"].GET.copy()
    values = query.getlist(name)
    query.setlist(name, [item for item in values if item != value] if value in values else [*values, value])
    query.pop("page", None)
    return "?" + query.urlencode() if query else "?"


@register.simple_tag(takes_context=True)
def is_selected(context, name, value):
    return value in context["request"].GET.getlist(name)


@register.simple_tag(takes_context=True)
def with_page(context, number):
    query = context["request"].GET.copy()
    query["page"] = number
    return "?" + query.urlencode()


@register.simple_tag(takes_context=True)
def year_range(context, prefix, year):
    """The current query with the `<prefix>_from`/`_to` range set to one calendar year."""
    query = context["request"].GET.copy()
    query[f"{prefix}_from"] = f"{year}-01-01"
    query[f"{prefix}_to"] = f"{year}-12-31"
    query.pop("page", None)
    return "?" + query.urlencode()


@register.filter
def grouped(number):
    from django.utils.formats import number_format

    return number_format(number, force_grouping=True)


@register.filter
def getlist(query, name):
    return query.getlist(name)


@register.filter
def marked(snippet):
    """A search snippet, escaped, with the matched words (between \\x01 and \\x02) in <mark>."""
    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    return mark_safe(escape(snippet).replace("\x01", "<mark>").replace("\x02", "</mark>"))  # escaped first
