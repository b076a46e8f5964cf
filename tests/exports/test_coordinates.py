"""Where each place of an exported row lies, and format=geojson: one feature per claim and place."""

import csv
import io
import json

import pytest

from tests.factories import ArticleFactory, ClaimFactory, RegionFactory

pytestmark = pytest.mark.django_db


def body(response):
    assert response.streaming
    return b"".join(response.streaming_content).decode("utf-8")


@pytest.fixture
def places():
    oblast = RegionFactory(name="Luhansk Oblast", code="UA-09", latitude=48.6, longitude=39.3, location_precision="own")
    village = RegionFactory(name="Novoiehorivka", slug="novoiehorivka", parent=oblast, latitude=48.6, longitude=39.3)
    village.location_precision = "parent"
    village.save()
    unlocated = RegionFactory(name="Zone", slug="zone", kind="area")
    return oblast, village, unlocated


@pytest.fixture
def claim(places):
    made = ClaimFactory(statement="Fighting near Novoiehorivka")
    made.regions.set(places)
    return made


def test_claim_csv_gives_each_place_its_coordinates_and_precision_in_the_order_of_its_codes(client, claim):
    (row,) = csv.DictReader(io.StringIO(body(client.get("/claims/?format=csv"))))

    assert row["region_names"] == "Luhansk Oblast;Novoiehorivka;Zone"
    assert row["region_latitudes"] == "48.6;48.6;"
    assert row["region_longitudes"] == "39.3;39.3;"
    assert row["region_location_precisions"] == "own;parent;none"


def test_claim_json_gives_coordinates_as_numbers_and_null_where_a_place_is_not_located(client, claim):
    (record,) = json.loads(body(client.get("/claims/?format=json")))

    assert record["region_latitudes"] == [48.6, 48.6, None]
    assert record["region_longitudes"] == [39.3, 39.3, None]
    assert record["region_location_precisions"] == ["own", "parent", "none"]


def test_article_rows_carry_the_coordinates_of_their_regions_too(client, places):
    article = ArticleFactory()
    article.regions.set(places[:1])

    (record,) = json.loads(body(client.get("/articles/?format=json")))

    assert (record["region_latitudes"], record["region_longitudes"]) == ([48.6], [39.3])


def test_geojson_is_a_feature_collection_with_one_feature_per_claim_and_place(client, claim):
    response = client.get("/claims/?format=geojson")

    assert response["Content-Type"] == "application/geo+json; charset=utf-8"
    assert response["Content-Disposition"].endswith('.geojson"')
    collection = json.loads(body(response))
    assert collection["type"] == "FeatureCollection"
    assert [feature["properties"]["region_name"] for feature in collection["features"]] == [
        "Luhansk Oblast",
        "Novoiehorivka",
        "Zone",
    ]
    assert {feature["properties"]["claim_id"] for feature in collection["features"]} == {claim.pk}


def test_geojson_features_are_points_in_longitude_latitude_order_or_null_where_not_located(client, claim):
    oblast, village, zone = json.loads(body(client.get("/claims/?format=geojson")))["features"]

    assert oblast["type"] == "Feature"
    assert oblast["geometry"] == {"type": "Point", "coordinates": [39.3, 48.6]}
    assert oblast["properties"]["location_precision"] == "own"
    assert oblast["properties"]["region_code"] == "UA-09"
    assert village["properties"]["location_precision"] == "parent"
    assert zone["geometry"] is None
    assert zone["properties"]["location_precision"] == "none"


def test_geojson_properties_hold_the_claims_columns(client, claim):
    (feature, *_) = json.loads(body(client.get("/claims/?format=geojson")))["features"]

    assert feature["properties"]["statement"] == "Fighting near Novoiehorivka"
    assert feature["properties"]["permalink"].endswith(f"/claims/{claim.pk}/")
    assert "region_codes" not in feature["properties"]


def test_a_claim_without_a_place_is_one_feature_without_geometry(client):
    lone = ClaimFactory(statement="Nowhere in particular")

    (feature,) = json.loads(body(client.get("/claims/?format=geojson")))["features"]

    assert feature["geometry"] is None
    assert feature["properties"]["claim_id"] == lone.pk
    assert feature["properties"]["region_code"] is None


def test_an_empty_geojson_export_is_an_empty_collection(client):
    assert json.loads(body(client.get("/claims/?format=geojson"))) == {"type": "FeatureCollection", "features": []}


def test_geojson_keeps_the_order_of_the_list(client, places):
    older = ClaimFactory(statement="Older", asserted_on="2024-01-01")
    newer = ClaimFactory(statement="Newer", asserted_on="2025-01-01")
    older.regions.set(places[:2])
    newer.regions.set(places[:1])

    features = json.loads(body(client.get("/claims/?format=geojson&sort=oldest")))["features"]

    assert [feature["properties"]["claim_id"] for feature in features] == [older.pk, older.pk, newer.pk]


def test_geojson_respects_the_filters(client, claim, places):
    ClaimFactory(statement="Elsewhere").regions.set([RegionFactory(name="Kherson Oblast", code="UA-65")])

    features = json.loads(body(client.get("/claims/?format=geojson&region=UA-09")))["features"]

    assert {feature["properties"]["claim_id"] for feature in features} == {claim.pk}


def test_a_bad_filter_refuses_a_geojson_export_in_json(client):
    response = client.get("/claims/?format=geojson&occurred_from=yesterday")

    assert response.status_code == 400
    assert json.loads(response.content)["errors"]


def test_articles_stream_as_geojson_too_one_feature_per_article_and_place(client, places):
    article = ArticleFactory(title="Report from Luhansk")
    article.regions.set(places[:2])

    features = json.loads(body(client.get("/articles/?format=geojson")))["features"]

    assert [(feature["properties"]["title"], feature["properties"]["region_name"]) for feature in features] == [
        ("Report from Luhansk", "Luhansk Oblast"),
        ("Report from Luhansk", "Novoiehorivka"),
    ]
    assert features[1]["geometry"] == {"type": "Point", "coordinates": [39.3, 48.6]}
