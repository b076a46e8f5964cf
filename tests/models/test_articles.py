import hashlib

import pytest
from django.contrib.postgres.search import SearchQuery

from reports.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_sha256_of_the_text_is_stored_on_save():
    article = ArticleFactory(body="Kupiansk was shelled overnight.")

    assert article.sha256 == hashlib.sha256(b"Kupiansk was shelled overnight.").hexdigest()


def test_sha256_follows_an_edit_of_the_text():
    article = ArticleFactory(body="Version one.")
    article.body = "Version two."
    article.save()

    article.refresh_from_db()
    assert article.sha256 == hashlib.sha256(b"Version two.").hexdigest()


def test_search_vector_is_kept_by_postgresql_for_english_stems():
    ArticleFactory(body="Russian forces advanced northeast of Lyman.", language="en")
    ArticleFactory(body="Nothing to see here.", language="en")

    found = Article.objects.filter(search=SearchQuery("advancing", config="english"))

    assert [article.body for article in found] == ["Russian forces advanced northeast of Lyman."]


def test_search_vector_follows_an_edit_of_the_text():
    article = ArticleFactory(body="Quiet day in Sumy.", language="en")
    article.body = "Drone attack on Sumy."
    article.save()

    assert Article.objects.filter(search=SearchQuery("drone", config="english")).count() == 1


def test_ukrainian_text_is_searchable_word_for_word():
    ArticleFactory(body="Окупанти просунулися поблизу Лимана.", language="uk")

    assert Article.objects.filter(search=SearchQuery("Лимана", config="simple")).count() == 1
