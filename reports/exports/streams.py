"""Rows out of PostgreSQL as CSV, JSON or JSON Lines, in constant memory.

PostgreSQL renders every row itself (COPY … TO STDOUT, as CSV or as one JSON object a row) and sends the
rows one at a time as the client reads them, so the application never holds more than one chunk of
output, whatever the number of rows, and spends no Python per value. That is what lets a million claims
stream in well under a minute on a small machine. A client that stops reading stops the query: psycopg
cancels the COPY when the generator is closed, and the connection stays usable.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet

from reports.exports.columns import COLUMNS
from reports.exports.statements import export_statement
from reports.routing import read_connection

CHUNK_BYTES = 64 * 1024
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
}
# JSON rows leave COPY through the CSV writer with a quote and a delimiter that JSON text never holds
# raw (it escapes control characters), so each row comes out byte for byte, with no escaping added.
VERBATIM_COPY_OPTIONS = "FORMAT csv, DELIMITER E'\\x1f', QUOTE E'\\x1e'"


@dataclass
class RowStream:
    """The rows of an ordered queryset in one format; `rows` counts the rows sent so far."""

    queryset: object
    ordering: tuple
    model_name: str  # "claim" or "article"
    format: str
    site_url: str
    rows: int = field(default=0, init=False)

    @property
    def columns(self):
        return COLUMNS[self.model_name](self.site_url)

    def header(self) -> bytes:
        if self.format != "csv":
            return b"[" if self.format == "json" else b""
        line = io.StringIO()
        csv.writer(line, lineterminator="\n").writerow(column.name for column in self.columns)
        return line.getvalue().encode()

    def _statement(self):
        sql, params = export_statement(self.queryset, self.ordering, self.columns, as_json=self.format != "csv")
        options = "FORMAT csv" if self.format == "csv" else VERBATIM_COPY_OPTIONS
        return f"COPY ({sql}) TO STDOUT WITH ({options})", params

    def _copied_rows(self):
        try:
            statement, params = self._statement()
        except EmptyResultSet:
            return  # a filter that can match nothing, known before asking the database
        with read_connection().cursor() as cursor, cursor.cursor.copy(statement, params) as copy:
            # libpq hands over one row per read.
            yield from copy

    def chunks(self, chunk_bytes=CHUNK_BYTES):
        """The whole output as byte strings of about `chunk_bytes` each."""
        buffer = bytearray(self.header())
        separator = b"\n" if self.format == "json" else b""
        for row in self._copied_rows():
            if self.format == "json":
                buffer += separator
                buffer += row[:-1]  # the newline COPY ends each row with
                separator = b",\n"
            else:
                buffer += row
            self.rows += 1
            if len(buffer) >= chunk_bytes:
                yield bytes(buffer)
                buffer.clear()
        if self.format == "json":
            buffer += b"\n]\n" if self.rows else b"]\n"
        if buffer:
            yield bytes(buffer)
