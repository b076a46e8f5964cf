"""The timeline of a list, drawn on the server as SVG: bars with axes and labelled ticks, each bar a link."""

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()

WIDTH, HEIGHT = 720, 200
LEFT, BOTTOM, TOP = 48, 26, 8
LABELLED_BARS = 24  # up to this many bars, each carries its number above it


def _number(value):
    """A coordinate as SVG wants it: a dot for decimals whatever the reader's language."""
    return f"{value:.1f}"


def _grouped(number):
    return number_format(number, force_grouping=True)


@register.simple_tag
def timeline_chart(timeline, links, title):
    """`links` holds each bar's address, in order; the same numbers are in the table beside the chart."""
    bars = timeline.bars
    if not bars:
        return ""
    peak = timeline.peak or 1
    plot_width, plot_height = WIDTH - LEFT, HEIGHT - BOTTOM - TOP
    step = plot_width / len(bars)
    parts = []
    for index, (bar, link) in enumerate(zip(bars, links, strict=True)):
        height = plot_height * bar.count / peak
        x = LEFT + index * step
        parts.append(
            format_html(
                '<a href="{}"><rect class="bar" x="{}" y="{}" width="{}" height="{}"><title>{}: {}</title></rect></a>',
                link,
                _number(x + 0.5),
                _number(TOP + plot_height - height),
                _number(max(step - 1, 1)),
                _number(max(height, 0)),
                bar.label,
                _grouped(bar.count),
            )
        )
        if len(bars) <= LABELLED_BARS and bar.count:
            parts.append(
                format_html(
                    '<text class="value" x="{}" y="{}" font-size="10" text-anchor="middle">{}</text>',
                    _number(x + step / 2),
                    _number(max(TOP + plot_height - height - 2, TOP + 9)),
                    _grouped(bar.count),
                )
            )
        if bar.tick:
            parts.append(
                format_html(
                    '<line class="axis" x1="{x}" y1="{top}" x2="{x}" y2="{bottom}"/>'
                    '<text class="tick" x="{x}" y="{y}" font-size="11">{tick}</text>',
                    tick=bar.tick,
                    x=_number(x),
                    top=TOP + plot_height,
                    bottom=TOP + plot_height + 4,
                    y=HEIGHT - 8,
                )
            )
    axis = format_html(
        '<line class="axis" x1="{l}" y1="{b}" x2="{r}" y2="{b}"/><line class="axis" x1="{l}" y1="{t}" x2="{l}" y2="{b}"/>'
        '<text class="tick" x="{tx}" y="{ty}" font-size="11" text-anchor="end">{peak}</text>'
        '<text class="tick" x="{tx}" y="{b}" font-size="11" text-anchor="end">0</text>',
        l=LEFT,
        r=WIDTH,
        t=TOP,
        b=TOP + plot_height,
        tx=LEFT - 4,
        ty=TOP + 10,
        peak=_grouped(timeline.peak),
    )
    return format_html(
        '<svg class="timeline-chart" viewBox="0 0 {} {}" role="group" aria-label="{}">{}{}</svg>',
        WIDTH,
        HEIGHT,
        title,
        axis,
        mark_safe("".join(parts)),  # each part built with format_html
    )


@register.simple_tag
def zipped(first, second):
    return list(zip(first, second, strict=True))


LANE, LABEL = 30, 170


@register.simple_tag
def control_chart(history, title):
    """One lane per claimant, a mark per claim over its period, coloured by stance; contradicted marks outlined."""
    if not history.lanes:
        return ""
    first, last = history.first, history.last
    days = max((last - first).days, 1)
    width = WIDTH - LABEL
    height = TOP + LANE * len(history.lanes) + BOTTOM

    def x(day):
        return LABEL + width * (day - first).days / days

    parts = []
    for row, lane in enumerate(history.lanes):
        y = TOP + row * LANE
        parts.append(
            format_html(
                '<text class="tick" x="{}" y="{}" font-size="11" text-anchor="end">{}</text>'
                '<line class="lane" x1="{}" y1="{}" x2="{}" y2="{}"/>',
                LABEL - 6,
                y + LANE / 2 + 4,
                lane.claimant.name[:28],
                LABEL,
                y + LANE / 2,
                WIDTH,
                y + LANE / 2,
            )
        )
        for mark in lane.marks:
            start = x(mark.start)
            contradicted = " contradicted" if mark.contradicted_by else ""
            note = _(" — contradicted by another claimant") if mark.contradicted_by else ""
            parts.append(
                format_html(
                    '<a href="{}"><rect class="mark stance-{}{}" x="{}" y="{}" width="{}" height="{}">'
                    "<title>{}: {}, {} – {}{}. {}</title></rect></a>",
                    mark.claim.get_absolute_url(),
                    mark.claim.stance,
                    contradicted,
                    _number(start),
                    y + 6,
                    _number(max(x(mark.end) - start, 5)),
                    LANE - 12,
                    lane.claimant.name,
                    mark.claim.get_stance_display(),
                    mark.start.isoformat(),
                    mark.end.isoformat(),
                    note,
                    mark.claim.statement[:120],
                )
            )
    axis = format_html(
        '<line class="axis" x1="{l}" y1="{b}" x2="{r}" y2="{b}"/>'
        '<text class="tick" x="{l}" y="{ty}" font-size="11">{first}</text>'
        '<text class="tick" x="{r}" y="{ty}" font-size="11" text-anchor="end">{last}</text>',
        l=LABEL,
        r=WIDTH,
        b=height - BOTTOM,
        ty=height - 8,
        first=first.isoformat(),
        last=last.isoformat(),
    )
    return format_html(
        '<svg class="control-chart" viewBox="0 0 {} {}" role="group" aria-label="{}">{}{}</svg>',
        WIDTH,
        height,
        title,
        axis,
        mark_safe("".join(parts)),  # each part built with format_html
    )
