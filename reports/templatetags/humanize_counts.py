from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def count_label(count):
    """'1,234' (every count is exact; see selectors.archive_counts), or a dash when it could not be counted in time."""
    return "–" if count is None else number_format(count, force_grouping=True)
