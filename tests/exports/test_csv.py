"""format=csv on /claims/ and /articles/: the columns, their encoding, and what the file holds."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.http import StreamingHttpResponse

from reports.models import Article, Claim, Region
from tests.factories import ArticleFactory, ClaimFactory, RegionFactory, SourceFactory

pytestmark = pytest.mark.django_db

CLAIM_COLUMNS = [
    "claim_id",
    "permalink",
    "statement",
    "quote",
    "claimant",
    "claimant_slug",
    "asserted_on",
    "occurred_start",
    "occurred_end",
    "occurred_precision",
    "region_codes",
    "region_names",
    "topic",
    "quantity_value",
    "quantity_unit",
    "status",
    "article_title",
    "article_permalink",
    "article_url",
    "published_on",
    "publisher",
    "publisher_slug",
    "language",
    "synthetic",
    "region_latitudes",
    "region_longitudes",
    "region_location_precisions",
]


def body(response):
    return b"".join(response.streaming_content).decode("utf-8")


def rows(response):
    return list(csv.DictReader(io.StringIO(body(response), newline="")))


@pytest.fixture
def sample_claim():
    ukraine = RegionFactory(name="Ukraine", slug="ukraine", code="UA", kind=Region.Kind.COUNTRY)
    luhansk = RegionFactory(name="Luhansk Oblast", slug="luhansk-oblast", code="UA-09", parent=ukraine)
    lyman = RegionFactory(name="Lyman", slug="lyman", katottg="UA14020070010012345", parent=ukraine, kind=Region.Kind.SETTLEMENT)
    unn = SourceFactory(name="Ukrainian National News", slug="unn")
    isw = SourceFactory(name="Institute for the Study of War", slug="isw")
    article = ArticleFactory(
        title="Russia is slowing down the ceasefire",
        slug="russia-slowing-ceasefire",
        publisher=unn,
        url="https://unn.ua/en/news/ceasefire",
        published_on=datetime.date(2025, 4, 2),
        body="Russian forces tried to capture the last 1% of Luhansk Oblast, about 266 km², since late November 2024.",
    )
    claim = ClaimFactory(
        article=article,
        statement="Russian forces try to capture the last 1% of Luhansk Oblast",
        quote="the last 1% of Luhansk Oblast, about 266 km²",
        claimant=isw,
        occurred_start=datetime.date(2024, 11, 21),
        occurred_end=datetime.date(2024, 11, 30),
        occurred_precision=Claim.Precision.APPROXIMATE,
        quantity_value=Decimal("266"),
        quantity_unit="km²",
        status=Claim.Status.CORROBORATED,
    )
    claim.regions.set([luhansk, lyman])
    return claim


def test_claim_csv_has_the_documented_columns_in_order(client, sample_claim):
    response = client.get("/claims/?format=csv")

    assert body(response).splitlines()[0].split(",") == CLAIM_COLUMNS


def test_claim_csv_row_holds_the_claim_its_article_publisher_and_claimant(client, sample_claim):
    (row,) = rows(client.get("/claims/?format=csv"))

    assert row == {
        "claim_id": str(sample_claim.pk),
        "permalink": f"http://testserver/claims/{sample_claim.pk}/",
        "statement": "Russian forces try to capture the last 1% of Luhansk Oblast",
        "quote": "the last 1% of Luhansk Oblast, about 266 km²",
        "claimant": "Institute for the Study of War",
        "claimant_slug": "isw",
        "asserted_on": "2025-04-02",
        "occurred_start": "2024-11-21",
        "occurred_end": "2024-11-30",
        "occurred_precision": "approximate",
        "region_codes": "UA-09;UA14020070010012345",
        "region_names": "Luhansk Oblast;Lyman",
        "topic": "territorial_control",
        "quantity_value": "266",
        "quantity_unit": "km²",
        "status": "corroborated",
        "article_title": "Russia is slowing down the ceasefire",
        "article_permalink": "http://testserver/articles/russia-slowing-ceasefire/",
        "article_url": "https://unn.ua/en/news/ceasefire",
        "published_on": "2025-04-02",
        "publisher": "Ukrainian National News",
        "publisher_slug": "unn",
        "language": "en",
        "synthetic": "false",
        "region_latitudes": ";",
        "region_longitudes": ";",
        "region_location_precisions": "none;none",
    }


def test_a_region_without_an_official_code_is_named_by_its_slug(client):
    claim = ClaimFactory()
    claim.regions.set([RegionFactory(name="Lyman direction", slug="lyman-direction", kind=Region.Kind.AREA)])

    (row,) = rows(client.get("/claims/?format=csv"))

    assert (row["region_codes"], row["region_names"]) == ("lyman-direction", "Lyman direction")


def test_quotes_commas_and_newlines_in_a_value_survive_the_round_trip(client):
    text = 'He said: "hold the line, whatever it takes",\nthen left.\r\nNext line; done'
    ClaimFactory(article=ArticleFactory(body=f"Intro. {text} Outro."), statement=text, quote=text)

    (row,) = rows(client.get("/claims/?format=csv"))

    assert row["statement"] == text
    assert row["quote"] == text


def test_csv_is_utf8_and_keeps_every_script(client):
    text = "Сили оборони відбили атаки біля Лимана — «запеклі бої»"
    ClaimFactory(article=ArticleFactory(body=text, language="uk"), statement=text, quote=text)

    response = client.get("/claims/?format=csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert rows(response)[0]["quote"] == text


def test_empty_values_are_empty_cells(client):
    ClaimFactory(article=ArticleFactory(url=""))

    (row,) = rows(client.get("/claims/?format=csv"))

    assert [row[name] for name in ("occurred_start", "occurred_precision", "quantity_value", "article_url", "region_codes")] == [
        "",
        "",
        "",
        "",
        "",
    ]


def test_export_holds_exactly_what_the_filtered_list_shows_in_its_order(client):
    for day in (3, 1, 2):
        ClaimFactory(statement=f"Strike {day}", topic="strikes", asserted_on=datetime.date(2025, 3, day))
    ClaimFactory(statement="Talks", topic="diplomacy")
    ClaimFactory(statement="Suggested strike", topic="strikes", status=Claim.Status.SUGGESTED)

    page = client.get("/claims/?topic=strikes&sort=oldest")
    export = rows(client.get("/claims/?topic=strikes&sort=oldest&format=csv"))

    assert [row["statement"] for row in export] == ["Strike 1", "Strike 2", "Strike 3"]
    assert [row["statement"] for row in export] == [claim.statement for claim in page.context["page"].items]


def test_export_holds_every_page_not_only_the_one_linked_from(client):
    for number in range(60):
        ClaimFactory(statement=f"Claim {number}")

    assert len(rows(client.get("/claims/?page=2&format=csv"))) == 60


def test_export_is_streamed(client, sample_claim):
    response = client.get("/claims/?format=csv")

    assert isinstance(response, StreamingHttpResponse)
    assert not response.has_header("Content-Length")


def test_filename_says_what_and_when(client, sample_claim):
    response = client.get("/claims/?format=csv&region=UA-09&topic=territorial_control")

    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="claims_region-ua-09_topic-territorial_control_')
    assert disposition.endswith('Z.csv"')
    assert datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT") in disposition


def test_filename_of_an_unfiltered_export_names_only_the_list(client, sample_claim):
    assert client.get("/articles/?format=jsonl")["Content-Disposition"].startswith('attachment; filename="articles_20')


def test_article_csv_lists_cited_sources_regions_and_public_claims(client, sample_claim):
    article = sample_claim.article
    article.cited_sources.set(
        [SourceFactory(name="Ministry of Foreign Affairs of Ukraine", slug="mfa-ukraine"), sample_claim.claimant]
    )
    article.regions.set([Region.objects.get(slug="luhansk-oblast")])
    ClaimFactory(article=article, quote="about 266 km²", status=Claim.Status.SUGGESTED)

    (row,) = rows(client.get("/articles/?format=csv"))

    assert row["article_id"] == str(article.pk)
    assert row["permalink"] == "http://testserver/articles/russia-slowing-ceasefire/"
    assert row["cited_sources"] == "Institute for the Study of War;Ministry of Foreign Affairs of Ukraine"
    assert row["cited_source_slugs"] == "isw;mfa-ukraine"
    assert (row["region_codes"], row["region_names"]) == ("UA-09", "Luhansk Oblast")
    assert row["claim_count"] == "1"
    assert row["sha256"] == article.sha256
    assert row["publisher_slug"] == "unn"


def test_articles_export_leaves_out_drafts(client):
    ArticleFactory(title="Published report")
    ArticleFactory(title="Draft report", status=Article.Status.DRAFT)

    assert [row["title"] for row in rows(client.get("/articles/?format=csv"))] == ["Published report"]


def test_permalinks_carry_no_language_prefix(client, sample_claim):
    (row,) = rows(client.get("/uk/claims/?format=csv"))

    assert row["permalink"] == f"http://testserver/claims/{sample_claim.pk}/"


def test_a_head_request_gets_the_headers_without_the_rows(client, sample_claim):
    response = client.head("/claims/?format=csv")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="claims_')
    assert response.content == b""


def test_export_by_date_of_the_events_puts_undated_claims_last(client):
    article = ArticleFactory()
    ClaimFactory(article=article, statement="Undated")
    for day in (3, 9):
        ClaimFactory(
            article=article,
            statement=f"January {day}",
            occurred_start=datetime.date(2024, 1, day),
            occurred_end=datetime.date(2024, 1, day),
            occurred_precision=Claim.Precision.DAY,
        )

    export = rows(client.get("/claims/?sort=occurred&format=csv"))

    assert [row["statement"] for row in export] == ["January 9", "January 3", "Undated"]
