"""How the archive's own database connections are set up."""

import pytest
from django.db import connection


@pytest.mark.django_db
def test_the_archive_connection_runs_without_jit_compilation():
    # JIT compiles the expressions of a costly plan at every execution: far slower than the short statements it speeds up.
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


@pytest.mark.django_db
def test_the_archive_connection_still_names_itself_as_the_archive_writer():
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('archive.writer', true)")
        assert cursor.fetchone()[0] == "archive"
