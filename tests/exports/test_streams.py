"""The row stream: output in bounded chunks, whatever the number of rows."""

import pytest
from django.http import QueryDict

from reports.exports.streams import RowStream
from reports.listings import CLAIMS, evaluate
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def stream_of(export_format):
    filtered = evaluate(CLAIMS, QueryDict(""), strict=True)
    return RowStream(filtered.queryset, filtered.ordering, "claim", export_format, "https://archive.example")


@pytest.mark.parametrize("export_format", ["csv", "json", "jsonl", "geojson"])
def test_output_comes_in_chunks_of_bounded_size(export_format):
    article = ArticleFactory()
    for _ in range(200):
        ClaimFactory(article=article)
    stream = stream_of(export_format)

    chunks = list(stream.chunks(chunk_bytes=4096))

    assert len(chunks) > 10
    # A chunk closes as soon as it passes the size, so it exceeds it by at most one row.
    assert max(len(chunk) for chunk in chunks) < 4096 + 1024
    assert stream.rows == 200


def test_rows_are_counted_as_they_are_sent():
    ClaimFactory()
    stream = stream_of("csv")

    assert stream.rows == 0
    list(stream.chunks())
    assert stream.rows == 1
