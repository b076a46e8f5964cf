from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def count_label(count):
    """'1,234' for an exact count, 'about 1,000,000' for an estimate (see selectors.archive_counts)."""
    text = number_format(count.value, force_grouping=True)
    return _("about %(count)s") % {"count": text} if count.estimated else text
