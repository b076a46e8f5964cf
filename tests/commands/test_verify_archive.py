import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def alter_behind_the_archives_back(article, text):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE reports_article SET body = %s WHERE id = %s", [text, article.pk])


def test_an_intact_archive_verifies(capsys):
    ArticleFactory.create_batch(3)

    call_command("verify_archive", "--no-progress")

    assert "All 3 articles match" in capsys.readouterr().out


def test_an_altered_text_is_named_and_the_command_fails(capsys):
    intact = ArticleFactory(slug="intact-report")
    altered = ArticleFactory(slug="altered-report", body="Russian forces captured the village.")
    alter_behind_the_archives_back(altered, "Ukrainian forces captured the village.")

    with pytest.raises(CommandError) as error:
        call_command("verify_archive", "--no-progress")

    out = capsys.readouterr().out
    assert "altered-report" in out
    assert intact.slug not in out
    assert error.value.returncode == 1


def test_every_altered_article_is_named_across_batches(capsys, monkeypatch):
    monkeypatch.setattr("reports.services.archive.BATCH", 2)
    articles = ArticleFactory.create_batch(5)
    for article in (articles[0], articles[3], articles[4]):
        alter_behind_the_archives_back(article, article.body + " (edited)")

    with pytest.raises(CommandError):
        call_command("verify_archive", "--no-progress")

    named = {line.split()[3].rstrip(":") for line in capsys.readouterr().out.splitlines() if line.startswith("ALTERED")}
    assert named == {articles[0].slug, articles[3].slug, articles[4].slug}


def test_a_text_edited_through_the_archive_still_verifies(capsys):
    article = ArticleFactory(body="First version.")
    article.body = "Second version, edited by an editor."
    article.save()

    call_command("verify_archive", "--no-progress")

    assert "All 1 articles match" in capsys.readouterr().out
