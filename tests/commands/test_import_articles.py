import io
import json

import pytest
from django.core.management import CommandError, call_command

from reports.models import Article
from reports.services.gazetteer import gazetteer_load
from reports.services.sources import sources_load

pytestmark = pytest.mark.django_db

TEXT = (
    " date 2025-04-02 Russian forces advance near Lyman - ISW\nKyiv • UNN\nThe lead.\n"
    "Analysts point out that Russian forces advanced near Lyman.\n"
)


@pytest.fixture(autouse=True)
def shipped_data():
    gazetteer_load()
    sources_load()


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_articles", *args, "--no-progress", stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def test_a_text_file_is_imported_and_summarised(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")

    out, _err, error = run(str(tmp_path / "a.txt"))

    assert error is None
    assert out.splitlines()[-1] == "1 created, 0 updated, 0 unchanged, 0 failed."
    assert Article.objects.get().title == "Russian forces advance near Lyman"


def test_a_directory_is_walked_for_every_known_format(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    line = {"title": "B", "published": "2025-04-03", "publisher": "UNN", "body": "Text about Bakhmut."}
    (tmp_path / "sub" / "b.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")

    out, _err, _error = run(str(tmp_path))

    assert "2 created" in out


def test_a_second_run_changes_nothing(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    run(str(tmp_path / "a.txt"))

    out, _err, _error = run(str(tmp_path / "a.txt"))

    assert out.splitlines()[-1] == "0 created, 0 updated, 1 unchanged, 0 failed."


def test_dry_run_saves_nothing(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")

    out, _err, _error = run(str(tmp_path / "a.txt"), "--dry-run")

    assert out.splitlines()[-1] == "Dry run, nothing saved: 1 created, 0 updated, 0 unchanged, 0 failed."
    assert not Article.objects.exists()


def test_draft_keeps_articles_private(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")

    run(str(tmp_path / "a.txt"), "--draft")

    assert Article.objects.get().status == Article.Status.DRAFT


def test_standard_input_is_read_with_a_dash(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode())))

    out, _err, _error = run("-")

    assert "1 created" in out


BAD_INPUTS = {
    "empty.txt": (b"", "empty.txt: empty file"),
    "binary.txt": (b"\x00\x01\x02\xff", "binary.txt: binary file, not text"),
    "cp1251.txt": (TEXT.replace("Lyman", "Лиман").encode("cp1251"), "cp1251.txt:1: not UTF-8 text"),
    "date.txt": (TEXT.replace("2025-04-02", "2025-13-45").encode(), "date.txt:1: 2025-13-45 is not a real date"),
    "dateline.txt": (TEXT.replace("Kyiv • ", "").encode(), "dateline.txt:2: the dateline is missing"),
    "feed.jsonl": (b'{"title": "A", "published": "2025-04-0', "feed.jsonl:1: not valid JSON"),
    "feed.csv": (b"title,body\nA,Text\n", "feed.csv:1: CSV header lacks the columns published, publisher"),
    "huge.txt": (
        (TEXT + "x" * (50 * 1024 * 1024) + "\n").encode(),
        "huge.txt:4: body has 52,428,860 characters; the archive takes at most 1,000,000",
    ),
}


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_input_is_named_with_its_line_exits_non_zero_and_writes_nothing(tmp_path, name):
    data, message = BAD_INPUTS[name]
    (tmp_path / name).write_bytes(data)

    out, err, error = run(str(tmp_path / name))

    assert error is not None and error.returncode == 1
    assert f"FAILED {tmp_path}/{message}" in err
    assert "Traceback" not in err
    assert not Article.objects.exists()


def test_good_files_are_imported_beside_bad_ones(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")

    out, _err, error = run(str(tmp_path))

    assert out.splitlines()[-1] == "1 created, 0 updated, 0 unchanged, 1 failed."
    assert error.returncode == 1


def test_a_missing_path_is_refused_before_anything_is_read(tmp_path):
    _out, _err, error = run(str(tmp_path / "nowhere.txt"))

    assert str(error) == f"{tmp_path / 'nowhere.txt'}: no such file or directory"


def test_help_documents_the_formats(capsys):
    with pytest.raises(SystemExit):
        call_command("import_articles", "--help")

    help_text = capsys.readouterr().out
    assert "cited_sources" in help_text and ".jsonl" in help_text and "<dateline> • <publisher>" in help_text


@pytest.mark.parametrize(("option", "value"), [("--workers", "-1"), ("--batch-size", "0")])
def test_an_impossible_number_of_workers_or_batch_size_is_refused(tmp_path, option, value):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")

    _out, _err, error = run(str(tmp_path / "a.txt"), option, value)

    assert option in str(error) and error.returncode == 1
    assert not Article.objects.exists()


@pytest.mark.parametrize(("workers", "batch_size"), [("0", "1"), ("2", "2")])
def test_workers_and_batches_import_every_article_of_a_directory(tmp_path, workers, batch_size):
    for number in range(5):
        (tmp_path / f"{number}.txt").write_text(TEXT.replace("near Lyman -", f"near Lyman, day {number} -"), encoding="utf-8")

    out, _err, error = run(str(tmp_path), "--workers", workers, "--batch-size", batch_size)

    assert error is None
    assert out.splitlines()[-1] == "5 created, 0 updated, 0 unchanged, 0 failed."
    assert Article.objects.filter(claims__quote__startswith="Russian forces advanced near Lyman").distinct().count() == 5
