"""The one bulk writer: the importer, the generator and the codifier loader write their batches here.

A batch goes in with one COPY per table, where the ORM's INSERT costs one statement per call and a Python
round of SQL compilation per row. Ids are reserved from the tables' sequences first, so that rows can point
at each other (links before the rows they link) within the same batch. The columns PostgreSQL copies onto
articles and claims for the list filters are never computed here: the rows of those tables go to a staging
table, and one INSERT … SELECT per batch takes the copies from the functions that alone compute them
(reports_article_copies, reports_claim_copies; migration 0024). History rows: services/history.py.

Values go to psycopg as they are (text, numbers, dates, arrays; choices of model instances as their value):
Django's per-field preparation would cost more than the rest of the copy, so a model with a JSON field,
which needs it, is refused.
"""

import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from enum import Enum

from django.contrib.postgres.fields import ArrayField
from django.db import connection, models
from django.utils import timezone

# The tables whose rows carry copies, with the function that computes them and the columns it reads.
COPIES = {
    "reports_article": ("reports_article_copies", ("id", "publisher_id")),
    "reports_claim": ("reports_claim_copies", ("id", "article_id", "claimant_id", "status")),
}
# Within one statement, the row triggers take the copies as given (read by reports_article_fill, reports_claim_fill).
COPIES_COMPUTED = "reports.copies_computed"


def ids_reserve(cursor, table: str, count: int) -> list[int]:
    """`count` fresh ids from the sequence of `table`'s id column."""
    if count <= 0:
        return []
    cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, count])
    return [row[0] for row in cursor.fetchall()]


@contextmanager
def rows_copying(cursor, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> Iterator[None]:
    """COPY `rows` (tuples in the order of `columns`) into `table`, ending the copy when the block ends.

    The rows are sent before the block runs, so PostgreSQL takes them in while the block does other work;
    the block must not use the connection, which is busy with the copy.
    """
    column_list = ", ".join(connection.ops.quote_name(column) for column in columns)
    statement = f"COPY {connection.ops.quote_name(table)} ({column_list}) FROM STDIN"
    with cursor.connection.cursor() as raw, raw.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)
        yield


def rows_copy(cursor, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    """COPY `rows` (tuples in the order of `columns`) into `table`."""
    with rows_copying(cursor, table, columns, rows):
        pass


@contextmanager
def records_copying(cursor, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> Iterator[None]:
    """COPY new rows (tuples in the order of `columns`) into `table`, with their copies when the table has some.

    Columns left out take their database default. As rows_copying, the block runs while PostgreSQL takes the
    rows in; for a table with copies they are inserted, copies computed, when the block ends.
    """
    if table not in COPIES:
        with rows_copying(cursor, table, columns, rows):
            yield
        return
    function, arguments = COPIES[table]
    quote = connection.ops.quote_name
    column_list = ", ".join(quote(column) for column in columns)
    # One staging table per connection and column list, kept for the next batch: creating one per batch
    # costs more catalog writes than a one-article batch costs in all. Emptied after use, and at commit.
    name = f"staged_{table}_{zlib.crc32(column_list.encode()):08x}"
    staged = quote(name)
    cursor.execute(
        f"CREATE TEMPORARY TABLE IF NOT EXISTS {staged} ON COMMIT DELETE ROWS AS"
        f" SELECT {column_list} FROM {quote(table)} WITH NO DATA"
    )
    with rows_copying(cursor, name, columns, rows):
        yield
    copied = copied_columns(table)
    # The setting belongs to the transaction: a failed statement takes it back with everything else.
    cursor.execute("SELECT set_config(%s, 'on', true)", [COPIES_COMPUTED])
    cursor.execute(
        f"INSERT INTO {quote(table)} ({column_list}, {', '.join(quote(column) for column in copied)})"
        f" SELECT {', '.join(f'staged.{quote(column)}' for column in columns)},"
        f" {', '.join(f'copies.{quote(column)}' for column in copied)}"
        f" FROM {staged} AS staged CROSS JOIN LATERAL"
        f" {function}({', '.join(f'staged.{quote(column)}' for column in arguments)}) AS copies"
    )
    cursor.execute("SELECT set_config(%s, '', true)", [COPIES_COMPUTED])
    cursor.execute(f"DELETE FROM {staged}")  # for a next batch in this transaction; commit truncates it in place


def records_copy(cursor, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    """COPY new rows into `table`, with their copies (see records_copying)."""
    with records_copying(cursor, table, columns, rows):
        pass


@contextmanager
def values_copying(cursor, model: type[models.Model], rows: Sequence[Mapping]) -> Iterator[None]:
    """COPY new rows of `model` given as {attname: plain value}; a column a row leaves out takes its field's default.

    Generated and copied columns are left to PostgreSQL; auto_now and auto_now_add timestamps are now. As
    records_copying, the block runs while PostgreSQL takes the rows in.
    """
    if not rows:
        yield
        return
    fields = _written_fields(model)
    now = timezone.now()
    defaults = {
        field.attname: now if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False) else field.get_default()
        for field in fields
    }
    names = [field.attname for field in fields]
    arrays = {field.attname for field in fields if _is_integer_array(field)}
    copied = (
        [(_array_literal(row[name]) if name in arrays else row[name]) if name in row else defaults[name] for name in names]
        for row in rows
    )
    with records_copying(cursor, model._meta.db_table, [field.column for field in fields], copied):
        yield


def values_copy(cursor, model: type[models.Model], rows: Sequence[Mapping]) -> None:
    """COPY new rows of `model` given as {attname: plain value} (see values_copying)."""
    with values_copying(cursor, model, rows):
        pass


@contextmanager
def objects_copying(cursor, objects: Sequence[models.Model]) -> Iterator[None]:
    """COPY unsaved model instances, their primary keys already set, as save() would write them.

    As rows_copying, the block runs while PostgreSQL takes the rows in.
    """
    if not objects:
        yield
        return
    now = timezone.now()
    fields = _written_fields(type(objects[0]))
    stamped = [field.attname for field in fields if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)]
    names = [field.attname for field in fields]
    for instance in objects:
        for name in stamped:
            setattr(instance, name, now)
    choices = {field.attname for field in fields if field.choices}
    rows = [
        {name: _plain(getattr(instance, name)) if name in choices else getattr(instance, name) for name in names}
        for instance in objects
    ]
    with values_copying(cursor, type(objects[0]), rows):
        yield
    for instance in objects:
        instance._state.adding = False
        instance._state.db = connection.alias


def objects_copy(cursor, objects: Sequence[models.Model]) -> None:
    """COPY unsaved model instances, their primary keys already set (see objects_copying)."""
    with objects_copying(cursor, objects):
        pass


def _written_fields(model) -> list:
    """The fields a new row is given: neither generated nor copied by PostgreSQL."""
    copied = set(copied_columns(model._meta.db_table))
    fields = [field for field in model._meta.concrete_fields if not field.generated and field.column not in copied]
    if any(isinstance(field, models.JSONField) for field in fields):
        raise TypeError(f"{model.__name__} has a JSON field, which a copy does not prepare")
    return fields


def _is_integer_array(field) -> bool:
    return isinstance(field, ArrayField) and isinstance(field.base_field, models.IntegerField)


def _array_literal(values) -> str | None:
    """An array of integers as PostgreSQL reads it in COPY: psycopg's own conversion of lists costs more."""
    return None if values is None else "{" + ",".join(map(str, values)) + "}"


def _plain(value):
    return value.value if isinstance(value, Enum) else value


_copied: dict[str, tuple[str, ...]] = {}


def copied_columns(table: str) -> tuple[str, ...]:
    """The columns PostgreSQL copies onto `table`'s rows, as its copies function declares them; read once per process."""
    if table not in COPIES:
        return ()
    function = COPIES[table][0]
    if function not in _copied:
        with connection.cursor() as own:
            own.execute(
                "SELECT array_agg(name ORDER BY position) FROM pg_proc,"
                " unnest(proargnames, proargmodes) WITH ORDINALITY AS argument(name, mode, position)"
                " WHERE proname = %s AND mode = 't'",
                [function],
            )
            _copied[function] = tuple(own.fetchone()[0] or ())
    return _copied[function]
