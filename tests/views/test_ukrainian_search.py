"""Search understands Ukrainian word forms and place names in either language, over HTTP."""

import urllib.parse

import pytest

from reports.models import Article, Claim, Region
from tests.factories import ArticleFactory, ClaimFactory, RegionFactory
from tests.support import http_get

pytestmark = pytest.mark.django_db(transaction=True)

SYNKIVKA_BODY = "Окупанти штурмують околиці Синьківки. Бої тривають біля Лимана."


def found(live_server, path, query):
    status, body = http_get(f"{live_server.url}{path}?{urllib.parse.urlencode({'q': query})}")
    assert status == 200
    return body


@pytest.fixture
def ukrainian_article():
    return ArticleFactory(title="Окупанти штурмують Синьківку", language="uk", body=SYNKIVKA_BODY, lead="Ворог атакує.")


def test_any_case_form_of_a_ukrainian_name_finds_the_article(live_server, ukrainian_article):
    ArticleFactory(title="Звіт про Харків", language="uk", body="Уночі в Харкові було тихо.")
    for query in ("Синьківка", "Синьківки", "Синьківку", "Синьківці", "Лиман", "Лимана", "Лиманом"):
        body = found(live_server, "/articles/", query)
        assert "Окупанти штурмують Синьківку" in body, query
        assert "Звіт про Харків" not in body, query


def test_a_case_form_finds_claims_quoting_another_form(live_server, ukrainian_article):
    ClaimFactory(
        article=ukrainian_article,
        statement="Окупанти штурмують околиці Синьківки.",
        quote="Окупанти штурмують околиці Синьківки",
        status=Claim.Status.UNVERIFIED,
    )
    body = found(live_server, "/claims/", "Синьківка")
    assert "Окупанти штурмують околиці Синьківки" in body
    assert "Окупанти штурмують околиці Синьківки" not in found(live_server, "/claims/", "Харків")


def test_quotes_or_and_minus_keep_their_meaning_with_word_forms(live_server, ukrainian_article):
    ArticleFactory(title="Бої біля Лиману", language="uk", body="Ворог атакував біля Лиману, але без успіху.")
    without = found(live_server, "/articles/", "Лиман -Синьківка")
    assert "Бої біля Лиману" in without
    assert "Окупанти штурмують Синьківку" not in without  # it says Синьківки and Синьківку: every form is excluded
    both = found(live_server, "/articles/", "Синьківка OR Лиману")
    assert "Бої біля Лиману" in both and "Окупанти штурмують Синьківку" in both
    assert "Окупанти штурмують Синьківку" in found(live_server, "/articles/", '"околиці Синьківка"')


def test_english_stemming_is_kept(live_server):
    ArticleFactory(title="Forces advanced near Lyman", language="en", body="Russian forces advanced near Lyman.")
    assert "Forces advanced near Lyman" in found(live_server, "/articles/", "advancing")


def test_a_place_name_in_either_language_finds_claims_about_that_place(live_server):
    ukraine = RegionFactory(name="Ukraine", slug="ukraine", code="UA", kind=Region.Kind.COUNTRY)
    donetsk = RegionFactory(name="Donetsk Oblast", slug="donetsk-oblast", code="UA-14", parent=ukraine)
    lyman = RegionFactory(name="Lyman", name_uk="Лиман", slug="lyman", parent=donetsk, kind=Region.Kind.SETTLEMENT,
                          aliases=["Лимана"])  # fmt: skip
    article = ArticleFactory(title="Fighting in the north of Donetsk Oblast", language="en")
    about = ClaimFactory(article=article, statement="Russian forces advanced northeast of Lyman", status=Claim.Status.UNVERIFIED)
    about.regions.set([lyman])
    unrelated = ArticleFactory(title="Кременчук", language="uk", body="Тиша в Кременчуці.")
    ClaimFactory(article=unrelated, statement="Тиша в Кременчуці", quote="Тиша в Кременчуці", status=Claim.Status.UNVERIFIED)
    for query in ("Lyman", "Лиман", "Лимана"):
        body = found(live_server, "/claims/", query)
        assert "Russian forces advanced northeast of" in body, query  # the place name itself is a link
        assert "Тиша в Кременчуці" not in body, query


def test_a_bad_query_never_fails(live_server, ukrainian_article):
    for query in ('"', "-", "OR", "Синьківка OR", "'''", "Лиман & | !", "ʼ’'"):
        status, _ = http_get(f"{live_server.url}/articles/?{urllib.parse.urlencode({'q': query})}")
        assert status == 200, query


def test_lemmas_are_kept_by_save(ukrainian_article):
    assert "синьківка" in Article.objects.get(pk=ukrainian_article.pk).lemmas.split()
