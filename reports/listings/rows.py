"""What each row of a list page shows, worked out for the whole page in one pass.

A template that asks every row for its address, its labels and its dates pays for a URL reverse, a
translation lookup and a date format each time, fifty or a hundred times a page. Here each is done once a
page (an address pattern, a table of labels, a memo of formatted dates) and the rows are plain dicts, which
the template reads at the cost of a dict lookup. The HTML stays in the templates; table cells that hold
markup (links, dates) are built with format_html.
"""

import re
from functools import lru_cache

from django.urls import reverse
from django.utils.formats import date_format, localize
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from reports.listings.results import MATCH_END, MATCH_START
from reports.models import Article, Claim
from reports.presentation import describe_period

SENTINEL = "0000000001"
# Values every converter of these routes (int, slug, str) accepts as they are and reverse() leaves unquoted.
PLAIN_VALUE = re.compile(r"[-A-Za-z0-9_]+")


def address_of(name):
    """reverse(name, args=[value]) for many values at the cost of one reverse: the pattern is split once."""
    head, tail = reverse(name, args=[SENTINEL]).split(SENTINEL)

    def address(value):
        text = str(value)
        if PLAIN_VALUE.fullmatch(text):
            return f"{head}{text}{tail}"
        return reverse(name, args=[value])  # anything else as reverse() has it: quoted, or refused

    return address


def marked(snippet):
    """A search snippet, escaped, with the matched words in <mark>."""
    return mark_safe(escape(snippet).replace(MATCH_START, "<mark>").replace(MATCH_END, "</mark>"))  # escaped first


class Labels:
    """The words and formats one page repeats: choice labels in the page's language, formatted dates, addresses."""

    def __init__(self, model):
        # A claim's language is its article's, with the article's choices.
        fields = {"language": Article._meta.get_field("language")}
        if model is Claim:
            fields.update(topic=Claim._meta.get_field("topic"), status=Claim._meta.get_field("status"))
        self.choices = {name: {value: str(label) for value, label in field.flatchoices} for name, field in fields.items()}
        self.dates = lru_cache(maxsize=None)(date_format)
        self.region_address = address_of("reports:region_detail")
        self.source_address = address_of("reports:source_detail")
        self.uk = get_language() == "uk"

    def choice(self, name, value):
        # As get_FOO_display: the label of a known value, else the value itself.
        return self.choices[name].get(value, value)

    def date(self, day, format_name):
        return self.dates(day, format_name) if day else ""

    def places(self, regions):
        """(address, name in the page's language) of each of a row's places ({"slug", "name", "name_uk"})."""
        names = ((region, region["name_uk"] if region["name_uk"] and self.uk else region["name"]) for region in regions)
        return [(self.region_address(region["slug"]), name) for region, name in names]


def roles_of(record, sources) -> str:
    """How each source of the `source=` filter is related to a row: claimant, publisher or cited source."""
    roles = []
    for source in sources:
        if getattr(record, "claimant_id", None) == source.pk:
            role = _("claimant")
        elif record.publisher_id == source.pk:
            role = _("publisher")
        else:
            role = _("cited source")
        roles.append(f"{source}: {role}")
    return "; ".join(roles)


def claim_rows(claims, *, source_roles=(), columns=()):
    labels = Labels(Claim)
    claim_address = address_of("reports:claim_detail")
    rows = []
    for claim in claims:
        statement_snippet = getattr(claim, "statement_snippet", None)
        quote_snippet = getattr(claim, "quote_snippet", None)
        claimant = claim.claimant
        row = {
            "url": claim_address(claim.pk),
            "statement": marked(statement_snippet) if statement_snippet else claim.statement,
            "is_synthetic": claim.is_synthetic,
            "quote": marked(quote_snippet) if quote_snippet else Truncator(claim.quote).chars(240),
            "when": describe_period(claim.occurred_start, claim.occurred_end, claim.occurred_precision),
            "places": labels.places(claim.places),
            "claimant": claimant,
            "claimant_url": labels.source_address(claimant.slug),
            "asserted_iso": claim.asserted_on.isoformat(),
            "asserted": labels.date(claim.asserted_on, "DATE_FORMAT"),
            "asserted_short": labels.date(claim.asserted_on, "SHORT_DATE_FORMAT"),
            "publisher": claim.publisher,
            "roles": roles_of(claim, source_roles) if source_roles else "",
            "topic": labels.choice("topic", claim.topic),
            "status": claim.status,
            "status_label": labels.choice("status", claim.status),
        }
        if columns:
            row["cells"] = [claim_cell(name, claim, row, labels) for name in columns]
        rows.append(row)
    return rows


def claim_cell(name, claim, row, labels):
    if name == "occurred":
        return row["when"]
    if name == "places":
        return format_html_join(", ", '<a href="{}">{}</a>', row["places"])
    if name == "claimant":
        return row["claimant"]
    if name == "publisher":
        return row["publisher"]
    if name == "topic":
        return row["topic"]
    if name == "status":
        return row["status_label"]
    if name == "quantity":
        if claim.quantity_value is None:
            return ""
        return format_html("{} {}", localize(claim.quantity_value.normalize()), claim.quantity_unit)
    if name == "published":
        return labels.date(claim.published_on, "SHORT_DATE_FORMAT")
    if name == "language":
        return labels.choice("language", claim.language)
    return ""


def article_rows(articles, *, source_roles=(), columns=()):
    labels = Labels(Article)
    article_address = address_of("reports:article_detail")
    rows = []
    for article in articles:
        body_snippet = getattr(article, "body_snippet", None)
        row = {
            "url": article_address(article.slug),
            "title": article.title,
            "is_synthetic": article.is_synthetic,
            "snippet": marked(body_snippet) if body_snippet else "",
            "lead": Truncator(article.lead).chars(240) if article.lead else "",
            "publisher": article.publisher,
            "published_iso": article.published_on.isoformat(),
            "published": labels.date(article.published_on, "DATE_FORMAT"),
            "language": labels.choice("language", article.language),
            "roles": roles_of(article, source_roles) if source_roles else "",
        }
        if columns:
            row["cells"] = [article_cell(name, article, row, labels) for name in columns]
        rows.append(row)
    return rows


def article_cell(name, article, row, labels):
    if name == "publisher":
        return row["publisher"]
    if name == "published":
        return format_html(
            '<time datetime="{}">{}</time>', row["published_iso"], labels.date(article.published_on, "SHORT_DATE_FORMAT")
        )
    if name == "language":
        return row["language"]
    if name == "lead":
        return Truncator(article.lead).chars(160)
    return ""


def rows_of(listing_name, items, *, source_roles=(), columns=()):
    """The page's rows as the list or table template shows them; `columns` (table only) adds each row's cells."""
    make = claim_rows if listing_name == "claim" else article_rows
    return make(items, source_roles=source_roles, columns=columns)
