"""Reading articles from files: the sample text layout, JSON Lines and CSV, into plain records.

Each reader yields one ArticleRecord per good article and one RecordError per bad one, naming the file and
the line, so that a run imports the good records and reports the bad ones. A file that cannot be read at
all (empty, binary, not UTF-8) gives a single error. Texts are UTF-8, with or without a byte-order mark,
with Unix or Windows line endings.

JSON Lines: one object per line. CSV: a header row, then one article per row. Fields, both formats:
title, published (YYYY-MM-DD, or an ISO date and time), publisher and body are required; url, cited_sources
(a list in JSON, names separated by ";" in CSV), language (en, uk or ru; guessed from the text when left
out), dateline and lead are optional. Other fields are ignored.
"""

import csv
import datetime
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO

from reports.importers import sample_text

TEXT, JSONL, CSV = "text", "jsonl", "csv"
SUFFIXES = {".txt": TEXT, ".text": TEXT, ".jsonl": JSONL, ".ndjson": JSONL, ".json": JSONL, ".csv": CSV}
REQUIRED = ("title", "published", "publisher", "body")
OPTIONAL = ("url", "cited_sources", "language", "dateline", "lead")
LANGUAGES = ("en", "uk", "ru")
# A report runs to tens of thousands of characters; a million is far past any article and keeps a stray dump out.
MAX_BODY_CHARS = 1_000_000
MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024
LIMITS = {"title": 500, "dateline": 100, "url": 1000, "publisher": 200}


@dataclass(frozen=True)
class ArticleRecord:
    title: str
    published_on: datetime.date
    publisher: str
    body: str
    cited: tuple[str, ...] = ()
    dateline: str = ""
    lead: str = ""
    url: str = ""
    language: str = ""  # empty: guessed from the text
    published_time: datetime.time | None = None
    origin: str = ""  # "file:line" where the record starts


@dataclass(frozen=True)
class RecordError:
    path: str
    line: int | None
    message: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


class _Invalid(ValueError):
    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


def guess_format(name: str, head: bytes) -> str | None:
    """The format a file is in, from its name, else from its first bytes."""
    by_suffix = SUFFIXES.get(PurePath(name).suffix.lower())
    if by_suffix:
        return by_suffix
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    first_line = start.split(b"\n", 1)[0]
    if start.startswith(b"{"):
        return JSONL
    if re.match(rb"\s*date\s", first_line):
        return TEXT
    if b"," in first_line and b"title" in first_line.lower():
        return CSV
    return None


def read_records(name: str, stream: BinaryIO, format: str | None = None) -> Iterator[ArticleRecord | RecordError]:
    """The records of one file (or standard input), good and bad, in order."""
    head = stream.read(8192)
    problem = _unreadable(head)
    if problem:
        yield RecordError(name, None, problem)
        return
    format = format or guess_format(name, head)
    if format is None:
        yield RecordError(name, None, "cannot tell the format; name the file .txt, .jsonl or .csv, or give --format")
        return
    lines = _lines(head, stream)
    if format == TEXT:
        yield from _text_records(name, lines)
    elif format == JSONL:
        yield from _jsonl_records(name, lines)
    else:
        yield from _csv_records(name, lines)


def _unreadable(head: bytes) -> str:
    if not head.lstrip(b"\xef\xbb\xbf \t\r\n"):
        return "empty file"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16 text; save it as UTF-8"
    if b"\x00" in head:
        return "binary file, not text"
    return ""


def _lines(head: bytes, stream: BinaryIO) -> Iterator[tuple[int, str]]:
    """(number, text) of each line, decoded as UTF-8; a line that is not UTF-8 raises _Invalid naming it."""
    pending, number = head, 0
    while True:
        chunk = stream.read(1 << 20)
        pending += chunk
        parts = pending.split(b"\n")
        pending = parts.pop() if chunk else b""
        for raw in parts:
            number += 1
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            try:
                yield number, raw.decode("utf-8").removesuffix("\r")
            except UnicodeDecodeError as error:
                byte = raw[error.start : error.start + 1].hex()
                raise _Invalid(f"not UTF-8 text (byte 0x{byte}); convert the file to UTF-8", number) from None
        if not chunk:
            return


def _text_records(name: str, lines: Iterable[tuple[int, str]]) -> Iterator[ArticleRecord | RecordError]:
    try:
        collected, size = [], 0
        for _number, line in lines:
            size += len(line) + 1
            if size > MAX_TEXT_FILE_BYTES:
                raise _Invalid(f"file is larger than {MAX_TEXT_FILE_BYTES // (1024 * 1024)} MB; split it")
            collected.append(line)
    except _Invalid as error:
        yield RecordError(name, error.line, str(error))
        return
    for first_line, chunk in sample_text.split("\n".join(collected)):
        try:
            parsed = sample_text.parse(chunk)
        except sample_text.FormatError as error:
            yield RecordError(name, first_line + error.line - 1, error.reason)
            continue
        try:
            yield _record(
                {
                    "title": parsed.title,
                    "published_on": parsed.published_on,
                    "publisher": parsed.publisher,
                    "body": parsed.body,
                    "cited_sources": re.split(r"\s*[,;]\s*", parsed.cited) if parsed.cited else [],
                    "dateline": parsed.dateline,
                    "lead": parsed.lead,
                },
                origin=f"{name}:{first_line}",
                body_line=first_line + 3,
            )
        except _Invalid as error:
            yield RecordError(name, error.line or first_line, str(error))


def _jsonl_records(name: str, lines: Iterable[tuple[int, str]]) -> Iterator[ArticleRecord | RecordError]:
    try:
        for number, line in lines:
            if not line.strip():
                continue
            try:
                fields = json.loads(line)
            except ValueError as error:
                reason = getattr(error, "msg", str(error))
                yield RecordError(name, number, f"not valid JSON ({reason}, column {getattr(error, 'colno', '?')})")
                continue
            if not isinstance(fields, dict):
                yield RecordError(name, number, "expected a JSON object with the article's fields")
                continue
            try:
                yield _record(_published(fields), origin=f"{name}:{number}", body_line=number)
            except _Invalid as error:
                yield RecordError(name, number, str(error))
    except _Invalid as error:
        yield RecordError(name, error.line, str(error))


def _csv_records(name: str, lines: Iterable[tuple[int, str]]) -> Iterator[ArticleRecord | RecordError]:
    numbered = iter(lines)
    current = [0]

    def texts():
        for number, line in numbered:
            current[0] = number
            yield line + "\n"

    # A body may run to a million characters, far past the csv module's default limit on a field.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_BODY_CHARS * 4))
    try:
        reader = csv.DictReader(texts())
        header = [column.strip() for column in reader.fieldnames or []]
        missing = [column for column in REQUIRED if column not in header]
        if missing:
            yield RecordError(name, 1, f"CSV header lacks the column{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
            return
        reader.fieldnames = header
        row_start = current[0] + 1
        for row in reader:
            if None in row or any(value is None for value in row.values()):
                yield RecordError(name, row_start, f"expected {len(header)} columns, as in the header")
            elif any((value or "").strip() for value in row.values()):
                fields = dict(row)
                if fields.get("cited_sources"):
                    fields["cited_sources"] = [part for part in re.split(r"\s*;\s*", fields["cited_sources"]) if part]
                try:
                    yield _record(_published(fields), origin=f"{name}:{row_start}", body_line=row_start)
                except _Invalid as error:
                    yield RecordError(name, row_start, str(error))
            row_start = current[0] + 1
    except _Invalid as error:
        yield RecordError(name, error.line, str(error))
    except csv.Error as error:
        yield RecordError(name, current[0], f"malformed CSV ({error})")


def _published(fields: dict) -> dict:
    """The fields with `published` read into a date and a time."""
    value = fields.get("published")
    if value is None or (isinstance(value, str) and not value.strip()):
        return {**fields, "published_on": None}
    if not isinstance(value, str):
        raise _Invalid("published must be a date written YYYY-MM-DD")
    text = value.strip()
    try:
        if len(text) == 10:
            return {**fields, "published_on": datetime.date.fromisoformat(text), "published_time": None}
        moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise _Invalid(f"published: {text!r} is not a real date (expected YYYY-MM-DD)") from None
    return {**fields, "published_on": moment.date(), "published_time": moment.time().replace(tzinfo=None)}


def _record(fields: dict, *, origin: str, body_line: int) -> ArticleRecord:
    missing = [field for field in REQUIRED if field != "published" and not _text(fields, field)]
    if fields.get("published_on") is None:
        missing.insert(1, "published")
    if missing:
        raise _Invalid(f"missing {', '.join(missing)}")
    for field, limit in LIMITS.items():
        if len(_text(fields, field)) > limit:
            raise _Invalid(f"{field} is longer than {limit} characters")
    body = fields["body"]
    if len(body) > MAX_BODY_CHARS:
        raise _Invalid(f"body has {len(body):,} characters; the archive takes at most {MAX_BODY_CHARS:,}", body_line)
    if fields["published_on"] > datetime.date.today() + datetime.timedelta(days=1):
        raise _Invalid(f"published {fields['published_on']:%Y-%m-%d} is in the future (after tomorrow); check the date")
    for field in ("body", "lead", "title"):
        markup = _HTML.search(_text(fields, field) if field != "body" else body)
        if markup:
            raise _Invalid(
                f"{field} is HTML ({markup.group()[:20]!r}); give the article's text, not the page's markup", body_line
            )
    language = _text(fields, "language").lower()
    if language and language not in LANGUAGES:
        raise _Invalid(f"language {language!r} is not one of {', '.join(LANGUAGES)}")
    url = _text(fields, "url")
    if url and not re.match(r"https?://\S+$", url):
        raise _Invalid(f"url {url!r} is not a web address (http:// or https://)")
    cited = fields.get("cited_sources") or []
    if isinstance(cited, str):
        cited = re.split(r"\s*;\s*", cited)
    if not isinstance(cited, list) or not all(isinstance(name, str) for name in cited):
        raise _Invalid("cited_sources must be a list of names")
    return ArticleRecord(
        title=_text(fields, "title"),
        published_on=fields["published_on"],
        published_time=fields.get("published_time"),
        publisher=_text(fields, "publisher"),
        body=body.replace("\r\n", "\n").replace("\r", "\n").strip("\n"),
        cited=tuple(dict.fromkeys(name.strip() for name in cited if name.strip())),
        dateline=_text(fields, "dateline"),
        lead=_text(fields, "lead"),
        url=url,
        language=language,
        origin=origin,
    )


# Markup the archive must not keep as text: a tag of the HTML that carries articles, or a character entity.
_HTML = re.compile(
    r"</?(?:p|br|div|span|a|b|i|em|strong|ul|ol|li|h[1-6]|img|figure|figcaption|blockquote|script|style|html|body)"
    r"(?:\s[^<>]*)?/?>|&(?:nbsp|amp|quot|lt|gt|#\d{2,5}|#x[0-9a-f]{2,4});",
    re.IGNORECASE,
)


def _text(fields: dict, field: str) -> str:
    value = fields.get(field)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _Invalid(f"{field} must be text")
    return value.strip()
