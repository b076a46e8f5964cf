"""History rows for records created in bulk, written by PostgreSQL in one statement.

simple-history records each save() through a signal; rows made with bulk_create skip it, and its
own bulk helper builds every historical object in Python, which doubles a 30,000-row load. Copying
the new rows into the history table with INSERT … SELECT costs a fraction of a second instead.
"""

from django.db import connection

HISTORY_ONLY_COLUMNS = {"history_id", "history_date", "history_change_reason", "history_type", "history_user_id"}


def history_record_created(model, ids, *, reason: str) -> None:
    """Write a "created" history row for each of `ids` of `model`, as save() would have."""
    if not ids:
        return
    history_model = model.history.model
    columns = [field.column for field in history_model._meta.concrete_fields if field.column not in HISTORY_ONLY_COLUMNS]
    column_list = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {connection.ops.quote_name(history_model._meta.db_table)}
                ({column_list}, history_date, history_change_reason, history_type, history_user_id)
            SELECT {column_list}, statement_timestamp(), %s, '+', NULL
            FROM {connection.ops.quote_name(model._meta.db_table)} WHERE id = ANY(%s)
            """,
            [reason, list(ids)],
        )
