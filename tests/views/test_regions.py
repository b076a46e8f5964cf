import json

import pytest

from reports.models import Region
from tests.factories import ClaimFactory, RegionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def luhansk():
    ukraine = RegionFactory(name="Ukraine", slug="ukraine", code="UA", kind=Region.Kind.COUNTRY)
    oblast = RegionFactory(
        name="Luhansk Oblast",
        name_uk="Луганська область",
        slug="luhansk-oblast",
        code="UA-09",
        parent=ukraine,
        aliases=["Луганщина", "Луганщини", "Lugansk region"],
    )
    RegionFactory(
        name="Luhansk", name_uk="Луганськ", slug="luhansk", parent=oblast, kind=Region.Kind.SETTLEMENT, aliases=["Lugansk"]
    )
    return oblast


def suggestions(client, text):
    response = client.get("/regions/search.json", {"q": text})
    assert response.status_code == 200
    return [item["slug"] for item in json.loads(response.content)["results"]]


def test_region_picker_finds_an_oblast_by_its_ukrainian_nickname(client, luhansk):
    assert suggestions(client, "Луганщина")[0] == "luhansk-oblast"


def test_region_picker_finds_by_a_prefix_in_any_script(client, luhansk):
    assert set(suggestions(client, "луга")) == {"luhansk-oblast", "luhansk"}
    assert set(suggestions(client, "Lug")) == {"luhansk-oblast", "luhansk"}


def test_region_picker_puts_broader_places_first(client, luhansk):
    assert suggestions(client, "Lug") == ["luhansk-oblast", "luhansk"]


def test_region_picker_puts_an_exact_name_first(client, luhansk):
    assert suggestions(client, "Luhansk") == ["luhansk", "luhansk-oblast"]


def test_region_picker_is_safe_with_wildcards_and_nul(client, luhansk):
    assert suggestions(client, "%") == []
    assert suggestions(client, "_") == []
    assert suggestions(client, "луга\x00") == suggestions(client, "луга")


def test_an_official_code_redirects_to_the_region_page(client, luhansk):
    response = client.get("/regions/UA-09/", follow=False)

    assert response.status_code == 301
    assert response["Location"] == "/regions/luhansk-oblast/"


def test_region_page_draws_its_claims_over_time_with_bars_that_open_the_list(client, luhansk):
    import datetime

    day = datetime.date(2024, 7, 3)
    ClaimFactory(occurred_start=day, occurred_end=day, occurred_precision="day").regions.add(luhansk)

    page = client.get("/regions/luhansk-oblast/").content.decode()

    assert '<svg class="timeline-chart"' in page
    assert '<a href="/claims/?region=luhansk-oblast&amp;occurred_from=2024-07-03&amp;occurred_to=2024-07-03">' in page
