"""The plain-text layout of articles as the archive receives them (see reports/data/demo/).

Line 1: ` date YYYY-MM-DD <title> - <cited source>`; line 2: `<dateline> • <publisher>`;
line 3: the lead; then the body paragraphs, one per line, with the publisher's section markers
("Details", "Let us remind you") kept as lines of their own. A file may hold several articles, each
beginning with its own date line.
"""

import datetime
import re
from dataclasses import dataclass

HEADER = re.compile(r"^\s*date\s+(?P<date>\S+)\s+(?P<title>.+?)(?:\s+-\s+(?P<cited>[^-]+?))?\s*$")
# Where a file holding several articles starts the next one: a date line, well formed enough to be one.
NEXT_HEADER = re.compile(r"^\s?date\s+\d{4}-\d{1,2}-\d{1,2}\s+\S")
BULLETS = "•·"


@dataclass(frozen=True)
class ParsedArticle:
    published_on: datetime.date
    title: str
    cited: str
    dateline: str
    publisher: str
    lead: str
    body: str


class FormatError(ValueError):
    def __init__(self, line: int, message: str):
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.reason = message


def normalise_newlines(text: str) -> str:
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def split(text: str) -> list[tuple[int, str]]:
    """The articles of a text, each with the number of the line it starts on."""
    lines = normalise_newlines(text).split("\n")
    starts = [0] + [number for number, line in enumerate(lines) if number and NEXT_HEADER.match(line)]
    ends = [*starts[1:], len(lines)]
    return [(start + 1, "\n".join(lines[start:end])) for start, end in zip(starts, ends, strict=True)]


def parse(text: str) -> ParsedArticle:
    lines = normalise_newlines(text).split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines or not lines[0].strip():
        raise FormatError(1, "expected the date line ' date YYYY-MM-DD <title> - <cited source>'")
    header = HEADER.match(lines[0])
    if not header:
        raise FormatError(1, "expected ' date YYYY-MM-DD <title> - <cited source>'")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", header["date"]):
        raise FormatError(1, f"{header['date']!r} is not a date in the form YYYY-MM-DD")
    try:
        published_on = datetime.date.fromisoformat(header["date"])
    except ValueError:
        raise FormatError(1, f"{header['date']} is not a real date") from None
    if len(lines) < 2 or not lines[1].strip():
        raise FormatError(2, "the dateline is missing: expected '<dateline> • <publisher>'")
    bullet = next((mark for mark in BULLETS if mark in lines[1]), "")
    dateline, _, publisher = lines[1].partition(bullet) if bullet else ("", "", lines[1])
    if not dateline.strip():
        raise FormatError(2, "the dateline is missing: expected '<dateline> • <publisher>'")
    if not publisher.strip():
        raise FormatError(2, "the publisher is missing: expected '<dateline> • <publisher>'")
    if len(lines) < 4 or not "".join(lines[3:]).strip():
        raise FormatError(min(len(lines) + 1, 4), "the article has no body: expected a lead line, then the text")
    return ParsedArticle(
        published_on=published_on,
        title=header["title"].strip(),
        cited=(header["cited"] or "").strip(),
        dateline=dateline.strip(),
        publisher=publisher.strip(),
        lead=lines[2].strip(),
        body="\n".join(lines[3:]),
    )
