import io

from reports.importers.formats import MAX_BODY_CHARS, ArticleRecord, RecordError, read_records

HEADER = " date 2025-04-02 Russia is slowing down the ceasefire - ISW\nKyiv • UNN\nThe lead.\n"


def read(data: bytes, name="articles.txt", format=None):
    return list(read_records(name, io.BytesIO(data), format))


def only_error(results):
    (result,) = results
    assert isinstance(result, RecordError)
    return str(result)


def test_the_sample_layout_gives_title_cited_source_dateline_publisher_lead_and_body():
    (record,) = read((HEADER + "Details\nThe text.\n").encode())
    assert isinstance(record, ArticleRecord)
    assert (record.title, record.cited, record.dateline, record.publisher) == (
        "Russia is slowing down the ceasefire", ("ISW",), "Kyiv", "UNN",
    )  # fmt: skip
    assert (record.lead, record.body, record.origin) == ("The lead.", "Details\nThe text.", "articles.txt:1")


def test_a_byte_order_mark_and_windows_line_endings_are_accepted():
    (record,) = read(b"\xef\xbb\xbf" + (HEADER + "The text.\n").replace("\n", "\r\n").encode())
    assert record.body == "The text."


def test_several_articles_in_one_text_file():
    records = read((HEADER + "One.\n" + HEADER + "Two.\n").encode())
    assert [record.origin for record in records] == ["articles.txt:1", "articles.txt:5"]


def test_an_empty_file_is_refused():
    assert only_error(read(b"")) == "articles.txt: empty file"


def test_a_binary_file_is_refused():
    assert only_error(read(b"\x89PNG\r\n\x1a\n\x00\x00")) == "articles.txt: binary file, not text"


def test_a_file_in_another_encoding_names_the_line():
    data = (HEADER + "Текст.\n").encode("cp1251")
    # The bullet of line 2 is the first character cp1251 writes differently.
    assert only_error(read(data)) == "articles.txt:2: not UTF-8 text (byte 0x95); convert the file to UTF-8"


def test_an_impossible_date_names_the_line():
    data = HEADER.replace("2025-04-02", "2025-13-45") + "The text.\n"
    assert only_error(read(data.encode())) == "articles.txt:1: 2025-13-45 is not a real date"


def test_a_missing_date_names_the_line():
    data = HEADER.replace("2025-04-02 ", "") + "The text.\n"
    assert only_error(read(data.encode())) == "articles.txt:1: 'Russia' is not a date in the form YYYY-MM-DD"


def test_a_missing_dateline_names_the_line():
    data = HEADER.replace("Kyiv • ", "") + "The text.\n"
    assert only_error(read(data.encode())) == "articles.txt:2: the dateline is missing: expected '<dateline> • <publisher>'"


def test_a_truncated_json_line_is_reported_and_the_good_lines_read():
    data = b'{"title": "A", "published": "2025-04-02", "publisher": "UNN", "body": "Text."}\n{"title": "B", "publ\n'
    good, bad = read(data, "feed.jsonl")
    assert good.title == "A"
    assert str(bad).startswith("feed.jsonl:2: not valid JSON")


def test_a_json_record_without_a_body_is_reported():
    assert only_error(read(b'{"title": "A", "published": "2025-04-02", "publisher": "UNN"}\n', "feed.jsonl")) == (
        "feed.jsonl:1: missing body"
    )


def test_a_csv_file_with_missing_columns_is_refused():
    assert only_error(read(b"title,published\nA,2025-04-02\n", "feed.csv")) == (
        "feed.csv:1: CSV header lacks the columns publisher, body"
    )


def test_csv_rows_give_records_with_cited_sources_split_on_semicolons():
    data = (
        "title,published,publisher,body,cited_sources,url\nA,2025-04-02T10:30:00,UNN,Text.,ISW; General Staff,https://e.org/a\n"
    )
    (record,) = read(data.encode(), "feed.csv")
    assert (record.cited, record.published_time.isoformat(), record.url) == (
        ("ISW", "General Staff"),
        "10:30:00",
        "https://e.org/a",
    )


def test_a_body_over_the_limit_names_the_line_where_the_body_starts():
    data = (HEADER + "x" * (MAX_BODY_CHARS + 1) + "\n").encode()
    assert (
        only_error(read(data))
        == f"articles.txt:4: body has {MAX_BODY_CHARS + 1:,} characters; the archive takes at most {MAX_BODY_CHARS:,}"
    )


def _json(**fields) -> bytes:
    import json

    values = {"title": "A", "published": "2025-04-02", "publisher": "UNN", "body": "Text."} | fields
    return (json.dumps(values, ensure_ascii=False) + "\n").encode()


def test_a_publication_date_after_tomorrow_is_refused_with_a_clear_line():
    import datetime

    later = datetime.date.today() + datetime.timedelta(days=2)
    assert only_error(read(_json(published=later.isoformat()), "feed.jsonl")) == (
        f"feed.jsonl:1: published {later:%Y-%m-%d} is in the future (after tomorrow); check the date"
    )
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)  # a time zone ahead: still fine
    (record,) = read(_json(published=tomorrow.isoformat()), "feed.jsonl")
    assert record.published_on == tomorrow


def test_an_html_body_is_refused_never_archived_with_its_tags():
    message = only_error(read(_json(body="<p>Russian forces advanced near Lyman.</p>"), "feed.jsonl"))
    assert message.startswith("feed.jsonl:1: body is HTML ('<p>')")
    assert only_error(read(_json(body="Ворог&nbsp;атакував біля Лиману."), "feed.jsonl")).startswith(
        "feed.jsonl:1: body is HTML ('&nbsp;')"
    )
    assert only_error(read(HEADER.encode() + b"Text with a <br/> break.\n")).startswith("articles.txt:")


def test_text_that_only_mentions_angle_brackets_or_ampersands_is_not_taken_for_html():
    (record,) = read(_json(body="Losses rose from <100 to >300 a day, R&D centres & depots were hit."), "feed.jsonl")
    assert record.body.startswith("Losses rose")
