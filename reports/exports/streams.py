"""Rows out of PostgreSQL as CSV, JSON, JSON Lines or GeoJSON, in constant memory.

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
from reports.exports.statements import export_statement, geojson_statement
from reports.routing import read_connection

CHUNK_BYTES = 64 * 1024
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    # One Feature per row and region it names (statements.geojson_statement), as RFC 7946 has it.
    "geojson": "application/geo+json; charset=utf-8",
}
# What opens and closes each format that wraps its rows in one JSON document, the rows between them ",\n".
ENVELOPES = {"json": (b"[", b"]\n"), "geojson": (b'{"type":"FeatureCollection","features":[', b"]}\n")}
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
            return ENVELOPES.get(self.format, (b"", b""))[0]
        line = io.StringIO()
        csv.writer(line, lineterminator="\n").writerow(column.name for column in self.columns)
        return line.getvalue().encode()

    def _statement(self):
        if self.format == "geojson":
            sql, params = geojson_statement(self.queryset, self.ordering, self.columns)
        else:
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
        enveloped = self.format in ENVELOPES
        separator = b"\n"
        for row in self._copied_rows():
            if enveloped:
                buffer += separator
                buffer += row[:-1]  # the newline COPY ends each row with
                separator = b",\n"
            else:
                buffer += row
            self.rows += 1
            if len(buffer) >= chunk_bytes:
                yield bytes(buffer)
                buffer.clear()
        if enveloped:
            buffer += (b"\n" if self.rows else b"") + ENVELOPES[self.format][1]
        if buffer:
            yield bytes(buffer)
