"""`view=table`: the same rows as the list, in columns the reader chooses, sortable, with a page size in the address."""

import csv
import datetime
import io
import re

import pytest

from tests.factories import ClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def claims():
    isw = SourceFactory(slug="isw", name="Institute for the Study of War", short_name="ISW")
    for number in range(30):
        ClaimFactory(
            statement=f"Claim {number:02d}",
            claimant=isw,
            asserted_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=number),
        )


def headings(page):
    return re.findall(r'<th scope="col"[^>]*>(?:<a [^>]*>)?([^<]+)', page)


def statements(page):
    return re.findall(r'<td><a href="/claims/\d+/">([^<]+)</a>', page)


def test_the_table_shows_the_chosen_columns_in_their_order(client, claims):
    page = client.get("/claims/?view=table&columns=status&columns=claimant").content.decode()

    assert headings(page) == ["Claim", "Asserted", "Claimed by", "Status"]
    assert "ISW" in page


def test_the_table_holds_the_same_rows_as_the_list_in_the_same_order(client, claims):
    table = statements(client.get("/claims/?view=table").content.decode())
    listed = re.findall(r'<li class="claim">\s*<a href="/claims/\d+/">([^<]+)</a>', client.get("/claims/").content.decode())

    assert table == listed and len(table) == 30


def test_the_page_size_is_chosen_from_the_address(client, claims):
    page = client.get("/claims/?view=table&per_page=25").content.decode()

    assert len(statements(page)) == 25
    assert 'rel="next"' in page


def test_defaults_are_left_out_of_the_address(client, claims):
    response = client.get("/claims/?view=list&per_page=50&columns=status", follow=False)

    assert response.status_code == 301 and response["Location"] == "/claims/"


def test_sorting_by_the_asserted_column_turns_the_order_around(client, claims):
    page = client.get("/claims/?view=table").content.decode()
    link = re.search(r'<a href="([^"]+)">Asserted</a>', page).group(1).replace("&amp;", "&")

    assert "sort=oldest" in link
    assert statements(client.get("/claims/" + link).content.decode())[0] == "Claim 00"


@pytest.mark.parametrize(
    "query, notice",
    [
        ("view=map3", "is not a way to show the list"),
        ("view=table&columns=secret", "Not a column"),
        ("per_page=7", "Rows a page"),
    ],
)
def test_what_is_not_understood_is_named_and_the_page_still_answers(client, claims, query, notice):
    response = client.get(f"/claims/?{query}")

    assert response.status_code == 200
    assert any(notice in str(item) for item in response.context["notices"])


def test_downloads_ignore_how_the_page_shows_its_rows(client, claims):
    response = client.get("/claims/?view=table&columns=status&per_page=25&format=csv")

    assert response.status_code == 200
    assert len(list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))) == 30


def test_the_language_column_names_the_language_of_each_claims_article(client):
    ClaimFactory(statement="Claim in Ukrainian", article__language="uk")

    page = client.get("/claims/?view=table&columns=language").content.decode()

    assert headings(page) == ["Claim", "Asserted", "Language"]
    assert re.search(r"Claim in Ukrainian</a></td>\s*<td><time[^>]*>[^<]*</time></td>\s*<td>Ukrainian</td>", page)


def test_the_quantity_column_writes_the_number_in_the_readers_language(client):
    ClaimFactory(statement="Claim with an area", quantity_value="266.50", quantity_unit="km²")

    english = client.get("/claims/?view=table&columns=quantity").content.decode()
    ukrainian = client.get("/uk/claims/?view=table&columns=quantity").content.decode()

    assert "<td>266.5 km²</td>" in english
    assert "<td>266,5 km²</td>" in ukrainian
