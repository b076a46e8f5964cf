from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def marked_body(article, claims):
    """The archived text as paragraphs, each claim's quote marked and linked to its claim.

    Offsets index the text exactly as stored; quotes that overlap an earlier one are left unmarked
    rather than nested, so the HTML stays valid.
    """
    body = article.body
    pieces, position = [], 0
    for claim in sorted((c for c in claims if not c.quote_in_lead), key=lambda c: c.quote_start):
        if claim.quote_start < position:
            continue
        pieces.append(escape(body[position : claim.quote_start]))
        pieces.append(
            format_html(
                '<mark id="quote-{}"><a href="{}">{}</a></mark>',
                claim.pk,
                claim.get_absolute_url(),
                body[claim.quote_start : claim.quote_end],
            )
        )
        position = claim.quote_end
    pieces.append(escape(body[position:]))
    html = "".join(pieces)
    paragraphs = [line for line in html.split("\n") if line.strip()]
    return mark_safe("".join(f"<p>{paragraph}</p>" for paragraph in paragraphs))  # every piece escaped above
