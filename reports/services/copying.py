"""Writing many rows at once with PostgreSQL COPY, for the loaders that write thousands of rows per batch.

COPY costs one statement per table and batch, where the ORM's INSERT costs one statement per call and a
Python round of SQL compilation per row. Ids are reserved from the tables' sequences first, so that rows
can point at each other (links before the rows they link) within the same batch.

Values go to psycopg as they are (text, numbers, dates, arrays; choices of model instances as their value):
Django's per-field preparation would cost more than the rest of the copy, so a model with a JSON field,
which needs it, is refused.
"""

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from enum import Enum

from django.contrib.postgres.fields import ArrayField
from django.db import connection, models
from django.utils import timezone

from reports.caching import data_version_bump

COPIES_GIVEN = "reports.copies_given"  # read by the fill triggers (migrations/sql/0010_fill_in_one_statement.sql)


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
    data_version_bump(using=cursor.db.alias)  # COPY fires no signal; cached counts must still move on


def rows_copy(cursor, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    """COPY `rows` (tuples in the order of `columns`) into `table`."""
    with rows_copying(cursor, table, columns, rows):
        pass


@contextmanager
def values_copying(cursor, model: type[models.Model], rows: Sequence[Mapping]) -> Iterator[None]:
    """COPY new rows of `model` given as {attname: plain value}; a column a row leaves out takes its field's default.

    Generated columns are left to PostgreSQL; auto_now and auto_now_add timestamps are now. As rows_copying,
    the block runs while PostgreSQL takes the rows in.
    """
    if not rows:
        yield
        return
    fields = _stored_fields(model)
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
    with rows_copying(cursor, model._meta.db_table, [field.column for field in fields], copied):
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
    fields = _stored_fields(type(objects[0]))
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


@contextmanager
def copies_given(cursor):
    """Within the block, the fill triggers trust the copied columns (region_ids, source_ids…) a writer computed.

    The setting lives in the transaction: rolled back with it if the block fails, reset when the block ends.
    """
    cursor.execute("SELECT set_config(%s, 'on', true)", [COPIES_GIVEN])
    yield
    cursor.execute("SELECT set_config(%s, 'off', true)", [COPIES_GIVEN])


def _stored_fields(model) -> list:
    fields = [field for field in model._meta.concrete_fields if not field.generated]
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
