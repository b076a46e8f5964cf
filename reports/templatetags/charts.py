from django import template
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()

WIDTH, HEIGHT, GAP = 720, 160, 1


@register.simple_tag
def month_chart(series, label):
    """A bar per month, drawn on the server as SVG; each bar names its month and count on hover."""
    if not series:
        return ""
    peak = max(count for _, count in series) or 1
    bar = WIDTH / len(series)
    bars = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" class="bar"><title>{}: {}</title></rect>',
        (
            (
                f"{index * bar:.1f}",
                f"{HEIGHT - HEIGHT * count / peak:.1f}",
                f"{max(bar - GAP, 1):.1f}",
                f"{HEIGHT * count / peak:.1f}",
                date_format(month, "YEAR_MONTH_FORMAT"),
                count,
            )
            for index, (month, count) in enumerate(series)
        ),
    )
    first, last = series[0][0], series[-1][0]
    summary = _("%(label)s from %(first)s to %(last)s; the busiest month had %(peak)s.") % {
        "label": label,
        "first": date_format(first, "YEAR_MONTH_FORMAT"),
        "last": date_format(last, "YEAR_MONTH_FORMAT"),
        "peak": peak,
    }
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}" preserveAspectRatio="none">{}</svg>',
        WIDTH,
        HEIGHT,
        summary,
        mark_safe(bars),  # built with format_html_join above
    )
