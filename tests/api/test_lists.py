"""The API's lists and records: fields, filters, what stays hidden."""

import datetime

import pytest

from reports.models import Article, Claim, Region
from tests.factories import ArticleFactory, ClaimFactory, RegionFactory, SourceFactory

pytestmark = pytest.mark.django_db

CLAIM_FIELDS = [
    "id",
    "permalink",
    "statement",
    "quote",
    "quote_start",
    "quote_end",
    "claimant",
    "asserted_on",
    "occurred_start",
    "occurred_end",
    "occurred_precision",
    "regions",
    "topic",
    "quantity_value",
    "quantity_unit",
    "status",
    "article",
    "publisher",
    "language",
    "synthetic",
]
ARTICLE_FIELDS = [
    "id",
    "slug",
    "permalink",
    "title",
    "lead",
    "publisher",
    "cited_sources",
    "published_on",
    "published_time",
    "dateline",
    "language",
    "url",
    "regions",
    "sha256",
    "synthetic",
]


@pytest.fixture
def places():
    ukraine = RegionFactory(name="Ukraine", slug="ukraine", code="UA", kind=Region.Kind.COUNTRY)
    donetsk = RegionFactory(name="Donetsk Oblast", slug="donetsk-oblast", code="UA-14", parent=ukraine)
    lyman = RegionFactory(name="Lyman", slug="lyman", parent=donetsk, kind=Region.Kind.SETTLEMENT)
    return {"ukraine": ukraine, "donetsk": donetsk, "lyman": lyman}


def results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_claim_list_has_the_documented_fields(client):
    ClaimFactory()

    (record,) = results(client.get("/api/claims/"))

    assert list(record) == CLAIM_FIELDS


def test_claim_record_carries_its_claimant_article_and_regions(client, places):
    isw = SourceFactory(name="Institute for the Study of War", slug="isw", short_name="ISW")
    article = ArticleFactory(slug="ceasefire", title="Ceasefire report", published_on=datetime.date(2025, 4, 2))
    claim = ClaimFactory(article=article, claimant=isw)
    claim.regions.set([places["lyman"]])

    (record,) = results(client.get("/api/claims/"))

    assert record["permalink"] == f"http://testserver/claims/{claim.pk}/"
    assert record["claimant"] == {
        "slug": "isw",
        "name": "Institute for the Study of War",
        "short_name": "ISW",
        "permalink": "http://testserver/sources/isw/",
    }
    assert record["article"] == {
        "slug": "ceasefire",
        "title": "Ceasefire report",
        "published_on": "2025-04-02",
        "url": None,
        "permalink": "http://testserver/articles/ceasefire/",
    }
    assert record["regions"] == [
        {
            "slug": "lyman",
            "name": "Lyman",
            "code": None,
            "kind": "settlement",
            "permalink": "http://testserver/regions/lyman/",
            "latitude": None,
            "longitude": None,
            "location_precision": "none",
        }
    ]
    assert record["asserted_on"] == "2025-04-02"
    assert record["synthetic"] is False


def test_region_filter_includes_everything_inside(client, places):
    ClaimFactory(statement="In Lyman").regions.set([places["lyman"]])
    ClaimFactory(statement="Nowhere")

    assert [record["statement"] for record in results(client.get("/api/claims/?region=UA-14"))] == ["In Lyman"]


def test_filters_combine_as_on_the_lists(client):
    ClaimFactory(statement="Strike", topic="strikes", asserted_on=datetime.date(2025, 1, 5))
    ClaimFactory(statement="Old strike", topic="strikes", asserted_on=datetime.date(2024, 1, 5))
    ClaimFactory(statement="Talks", topic="diplomacy", asserted_on=datetime.date(2025, 1, 5))

    response = client.get("/api/claims/?topic=strikes&asserted_from=2025-01-01")

    assert [record["statement"] for record in results(response)] == ["Strike"]


def test_search_orders_by_relevance(client):
    article = ArticleFactory(body="Lyman. Lyman Lyman shelling. Shelling near Kupiansk.")
    ClaimFactory(article=article, statement="Shelling near Kupiansk", quote="Shelling near Kupiansk")
    ClaimFactory(article=article, statement="Lyman, Lyman and Lyman shelling", quote="Lyman Lyman shelling")

    statements = [record["statement"] for record in results(client.get("/api/claims/?q=Lyman"))]

    assert statements == ["Lyman, Lyman and Lyman shelling"]


def test_claims_that_are_suggested_or_of_drafts_are_not_listed_nor_found(client):
    suggested = ClaimFactory(status=Claim.Status.SUGGESTED)
    of_draft = ClaimFactory(article=ArticleFactory(status=Article.Status.DRAFT))

    assert results(client.get("/api/claims/")) == []
    assert client.get(f"/api/claims/{suggested.pk}/").status_code == 404
    assert client.get(f"/api/claims/{of_draft.pk}/").status_code == 404


def test_synthetic_records_only_when_asked_for(client):
    real = ClaimFactory(statement="Real")
    synthetic = ClaimFactory(statement="Synthetic", article=ArticleFactory(is_synthetic=True))

    assert [record["id"] for record in results(client.get("/api/claims/"))] == [real.pk]
    assert [record["id"] for record in results(client.get("/api/claims/?synthetic=only"))] == [synthetic.pk]
    assert client.get(f"/api/claims/{synthetic.pk}/").status_code == 404
    assert client.get(f"/api/claims/{synthetic.pk}/?synthetic=include").json()["synthetic"] is True


def test_claim_detail_is_the_list_record(client):
    claim = ClaimFactory()

    response = client.get(f"/api/claims/{claim.pk}/")

    assert response.json() == results(client.get("/api/claims/"))[0]


def test_article_list_leaves_the_text_out_and_the_record_has_it(client):
    article = ArticleFactory(slug="report")

    (record,) = results(client.get("/api/articles/"))

    assert list(record) == ARTICLE_FIELDS
    assert client.get("/api/articles/report/").json()["body"] == article.body


def test_draft_articles_are_neither_listed_nor_found(client):
    ArticleFactory(slug="draft", status=Article.Status.DRAFT)

    assert results(client.get("/api/articles/")) == []
    assert client.get("/api/articles/draft/").status_code == 404


def test_a_claims_places_carry_their_coordinates_and_where_they_come_from(client, places):
    places["donetsk"].latitude, places["donetsk"].longitude, places["donetsk"].location_precision = 48.0, 37.8, "own"
    places["donetsk"].save()
    places["lyman"].latitude, places["lyman"].longitude, places["lyman"].location_precision = 48.0, 37.8, "parent"
    places["lyman"].save()
    ClaimFactory().regions.set([places["donetsk"], places["lyman"]])

    (record,) = results(client.get("/api/claims/"))

    located = [(region["latitude"], region["longitude"], region["location_precision"]) for region in record["regions"]]
    assert located == [(48.0, 37.8, "own"), (48.0, 37.8, "parent")]


def test_a_region_record_says_where_its_point_comes_from(client, places):
    places["lyman"].latitude, places["lyman"].longitude, places["lyman"].location_precision = 48.99, 37.81, "own"
    places["lyman"].save()

    record = client.get("/api/regions/lyman/").json()

    assert (record["latitude"], record["longitude"], record["location_precision"]) == (48.99, 37.81, "own")
    assert client.get("/api/regions/ukraine/").json()["location_precision"] == "none"


def test_region_list_filters_by_what_lies_inside(client, places):
    RegionFactory(name="Luhansk Oblast", slug="luhansk-oblast", code="UA-09", parent=places["ukraine"])

    response = client.get("/api/regions/?region=donetsk-oblast")

    assert [record["slug"] for record in results(response)] == ["donetsk-oblast", "lyman"]
    assert results(response)[1]["parent"] == "donetsk-oblast"


def test_region_list_finds_a_name_in_any_spelling(client, places):
    places["lyman"].aliases = ["Лиман"]
    places["lyman"].save()

    assert [record["slug"] for record in results(client.get("/api/regions/?q=лиман"))] == ["lyman"]


def test_source_list_leaves_synthetic_sources_out_by_default(client):
    SourceFactory(name="Institute for the Study of War", slug="isw")
    SourceFactory(name="Synthetic Monitor", slug="synthetic-monitor", is_synthetic=True)

    assert [record["slug"] for record in results(client.get("/api/sources/"))] == ["isw"]
    assert [record["slug"] for record in results(client.get("/api/sources/?synthetic=include"))] == ["isw", "synthetic-monitor"]


def test_source_list_filters_by_kind_and_country(client):
    SourceFactory(slug="isw", kind="think_tank", country="US")
    SourceFactory(slug="unn", kind="news_agency", country="UA")

    assert [record["slug"] for record in results(client.get("/api/sources/?kind=think_tank"))] == ["isw"]
    assert [record["slug"] for record in results(client.get("/api/sources/?country=ua"))] == ["unn"]


def test_api_index_links_every_list_the_schema_and_the_docs(client):
    assert client.get("/api/").json() == {
        "claims": "http://testserver/api/claims/",
        "articles": "http://testserver/api/articles/",
        "regions": "http://testserver/api/regions/",
        "sources": "http://testserver/api/sources/",
        "schema": "http://testserver/api/schema/",
        "docs": "http://testserver/api/docs/",
    }


@pytest.mark.parametrize("size", [3, 30])
def test_claim_list_runs_a_constant_number_of_queries(client, django_assert_max_num_queries, places, size):
    for _ in range(size):
        claim = ClaimFactory(claimant=SourceFactory())
        claim.regions.set([places["lyman"], places["donetsk"]])

    # The exact count (one statement with its time budget, set and reset inside a savepoint), the claims with
    # their article, claimant and publisher, then their regions; the rate limit's count; the data version the
    # count is cached under.
    with django_assert_max_num_queries(9):
        assert len(results(client.get("/api/claims/"))) == size


@pytest.mark.parametrize("size", [3, 30])
def test_article_list_runs_a_constant_number_of_queries(client, django_assert_max_num_queries, places, size):
    for _ in range(size):
        article = ArticleFactory()
        article.regions.set([places["lyman"]])
        article.cited_sources.set([SourceFactory()])

    # The rate limit's count; the list's count, in a savepoint with its budget, cached under the data version.
    with django_assert_max_num_queries(10):
        assert len(results(client.get("/api/articles/"))) == size
