"""The plain-text layout of articles as the archive receives them (see reports/data/demo/).

Line 1: ` date YYYY-MM-DD <title> - <cited source>`; line 2: `<dateline> • <publisher>`;
line 3: the lead; then the body paragraphs, one per line, with the publisher's section markers
("Details", "Let us remind you") kept as lines of their own.
"""

import datetime
import re
from dataclasses import dataclass

HEADER = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\s+(?P<title>.+?)(?:\s+-\s+(?P<cited>[^-]+?))?\s*$")


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


def parse(text: str) -> ParsedArticle:
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    if len(lines) < 4:
        raise FormatError(len(lines) or 1, "expected a header line, a dateline line, a lead and a body")
    header = HEADER.match(lines[0])
    if not header:
        raise FormatError(1, "expected ' date YYYY-MM-DD <title> - <cited source>'")
    try:
        published_on = datetime.date.fromisoformat(header["date"])
    except ValueError:
        raise FormatError(1, f"{header['date']} is not a real date") from None
    dateline, bullet, publisher = lines[1].partition("•")
    if not bullet or not dateline.strip() or not publisher.strip():
        raise FormatError(2, "expected '<dateline> • <publisher>'")
    return ParsedArticle(
        published_on=published_on,
        title=header["title"].strip(),
        cited=(header["cited"] or "").strip(),
        dateline=dateline.strip(),
        publisher=publisher.strip(),
        lead=lines[2].strip(),
        body="\n".join(lines[3:]),
    )
