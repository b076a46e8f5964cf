import datetime

import pytest

from reports.models import Article
from tests.factories import ArticleFactory, RegionFactory, SourceFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return [article.title for article in response.context["page"].items]


def test_articles_filter_by_publisher_language_and_date(client):
    unn = SourceFactory(slug="unn")
    ArticleFactory(title="UNN in English", publisher=unn, language="en", published_on=datetime.date(2025, 4, 2))
    ArticleFactory(title="UNN in Ukrainian", publisher=unn, language="uk", published_on=datetime.date(2025, 4, 2))
    ArticleFactory(title="Old UNN", publisher=unn, language="en", published_on=datetime.date(2022, 7, 3))
    ArticleFactory(title="Someone else", language="en", published_on=datetime.date(2025, 4, 2))

    response = client.get("/articles/", {"publisher": "unn", "language": "en", "published_from": "2025-01-01"})

    assert titles(response) == ["UNN in English"]


def test_articles_about_a_settlement_are_found_under_its_oblast(client):
    oblast = RegionFactory(slug="luhansk-oblast", code="UA-09")
    town = RegionFactory(slug="sievierodonetsk", parent=oblast)
    ArticleFactory(title="About Sievierodonetsk").regions.add(town)
    ArticleFactory(title="About nowhere")

    assert titles(client.get("/articles/", {"region": "UA-09"})) == ["About Sievierodonetsk"]


def test_article_search_finds_body_words_and_shows_a_snippet(client):
    ArticleFactory(title="Front report", body="Heavy fighting continues near Chasiv Yar according to the General Staff.")
    ArticleFactory(title="Other report", body="Nothing about that town.")

    response = client.get("/articles/", {"q": "Chasiv"})

    assert titles(response) == ["Front report"]
    assert "<mark>Chasiv</mark>" in response.content.decode()


def test_draft_articles_are_not_listed(client):
    ArticleFactory(title="Draft", status=Article.Status.DRAFT)
    ArticleFactory(title="Published")

    assert titles(client.get("/articles/")) == ["Published"]


@pytest.mark.parametrize("size", [3, 40])
def test_article_list_runs_a_constant_number_of_queries(client, django_assert_max_num_queries, size):
    unn = SourceFactory(slug="unn")
    for number in range(size):
        ArticleFactory(title=f"Report {number}", publisher=unn)

    # …and the timeline: one statement, with its time budget set and cleared inside a savepoint.
    with django_assert_max_num_queries(17):
        assert client.get("/articles/", {"publisher": "unn", "q": "report"}).status_code == 200
