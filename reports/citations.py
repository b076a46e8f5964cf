"""How to cite an archived article or claim: APA, Chicago, BibTeX and RIS, with the date accessed."""

import datetime
from dataclasses import dataclass

from django.conf import settings

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


@dataclass(frozen=True)
class Citable:
    key: str
    title: str
    author: str  # who published it (the article) or who asserted it (a claim)
    date: datetime.date
    permalink: str
    original_url: str = ""
    container: str = ""  # for a claim: the article it comes from


def _long(date):
    return f"{MONTHS[date.month - 1]} {date.day}, {date.year}"


def _bibtex_escape(text):
    return "".join("\\" + char if char in "{}%&$#_" else char for char in text)


def citations(item: Citable, *, accessed: datetime.date) -> dict:
    archive = settings.ARCHIVE_NAME
    within = f" In {item.container}." if item.container else ""
    title = item.title.rstrip(".")  # the styles add their own full stop
    apa = (
        f"{item.author}. ({item.date.year}, {MONTHS[item.date.month - 1]} {item.date.day}). {title}.{within} "
        f"{archive}. Retrieved {_long(accessed)}, from {item.permalink}"
    )
    chicago = f"{item.author}. “{title}.”{within} {_long(item.date)}. {archive}. Accessed {_long(accessed)}. {item.permalink}."
    in_container = f"In {_bibtex_escape(item.container)}. " if item.container else ""
    bibtex = "\n".join(
        [
            f"@misc{{{item.key},",
            f"  author = {{{{{_bibtex_escape(item.author)}}}}},",
            f"  title = {{{_bibtex_escape(item.title)}}},",
            f"  year = {{{item.date.year}}},",
            f"  month = {BIBTEX_MONTHS[item.date.month - 1]},",
            f"  howpublished = {{{archive}}},",
            f"  url = {{{item.permalink}}},",
            f"  note = {{{in_container}Accessed {accessed.isoformat()}}}",
            "}",
        ]
    )

    def one_line(text):
        return " ".join(text.split())  # an RIS field ends at the line's end

    ris_lines = [
        "TY  - NEWS",
        f"AU  - {one_line(item.author)}",
        f"TI  - {one_line(item.title)}",
        f"DA  - {item.date:%Y/%m/%d}",
        f"PY  - {item.date.year}",
        f"DB  - {archive}",
        f"UR  - {item.permalink}",
        f"Y2  - {accessed:%Y/%m/%d}",
    ]
    if item.container:
        ris_lines.append(f"T2  - {one_line(item.container)}")
    if item.original_url:
        ris_lines.append(f"L2  - {item.original_url}")
    ris_lines.append("ER  - ")
    return {"APA": apa, "Chicago": chicago, "BibTeX": bibtex, "RIS": "\r\n".join(ris_lines) + "\r\n"}


def article_citable(article, permalink) -> Citable:
    return Citable(
        key=article.slug.replace("-", "_")[:60],
        title=article.title,
        author=article.publisher.name,
        date=article.published_on,
        permalink=permalink,
        original_url=article.url,
    )


def claim_citable(claim, permalink) -> Citable:
    claimant = claim.claimant
    return Citable(
        key=f"claim_{claim.pk}",
        title=claim.statement,
        author=claimant.name,
        date=claim.asserted_on,
        permalink=permalink,
        original_url=claim.article.url,
        container=f"{claim.article.title} ({claim.article.publisher.name}, {claim.article.published_on.isoformat()})",
    )
