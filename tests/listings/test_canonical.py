"""A view has one address: the canonical form of a list's query string, and the redirect to it."""

import pytest
from django.http import QueryDict
from hypothesis import given
from hypothesis import strategies as st

from reports.listings import ARTICLES, CLAIMS
from reports.listings.canonical import addresses, canonical_query, narrowed
from tests.factories import ClaimFactory, RegionFactory


def canonical(text, listing=CLAIMS):
    return canonical_query(listing, QueryDict(text)).urlencode()


def test_empty_parameters_are_dropped():
    assert canonical("region=&q=&source=isw&published_from=") == "source=isw"


def test_repeated_values_are_given_once_and_sorted():
    assert canonical("region=UA-14&region=UA-09&region=UA-14") == "region=UA-09&region=UA-14"


def test_parameters_come_in_one_order_whatever_the_order_asked():
    assert canonical("sort=oldest&topic=strikes&q=Lyman&region=UA-14") == "q=Lyman&region=UA-14&topic=strikes&sort=oldest"


def test_defaults_are_left_out():
    assert canonical("page=1&synthetic=exclude&sort=newest") == ""
    assert canonical("q=Lyman&sort=relevance") == "q=Lyman"
    assert canonical("q=Lyman&sort=newest") == "q=Lyman&sort=newest"


def test_spaces_in_a_search_are_tidied():
    assert canonical("q=%20%20Lyman%20%20%20Bakhmut%20") == "q=Lyman+Bakhmut"


def test_unknown_parameters_stay_so_that_the_page_can_name_them():
    assert canonical("zzz=1&topic=strikes") == "topic=strikes&zzz=1"


def test_an_article_list_orders_its_own_parameters():
    assert canonical("published_to=2025-01-01&publisher=unn&language=uk", ARTICLES) == (
        "publisher=unn&language=uk&published_to=2025-01-01"
    )


names = st.sampled_from(["q", "region", "source", "topic", "page", "sort", "synthetic", "published_from", "zz", "format"])
values = st.text(alphabet=" ab1-Лі", max_size=6)


@given(st.lists(st.tuples(names, values), max_size=8))
def test_the_canonical_form_is_canonical_again(pairs):
    query = QueryDict(mutable=True)
    for name, value in pairs:
        query.appendlist(name, value)
    once = canonical_query(CLAIMS, query)

    assert canonical_query(CLAIMS, once).urlencode() == once.urlencode()


spliced = st.sampled_from([("region",), ("topic",), ("source",), ("occurred_from", "occurred_to"), ("language", "status")])
new_values = st.lists(st.text(alphabet=" ab1-Лі&=+", max_size=6), max_size=3)


@given(st.lists(st.tuples(names, values), max_size=8), spliced, st.lists(new_values, min_size=2, max_size=2))
def test_a_spliced_address_is_the_canonical_address_of_the_changed_view(pairs, changed, replacements):
    query = QueryDict(mutable=True)
    for name, value in pairs:
        query.appendlist(name, value)
    query = canonical_query(CLAIMS, query)
    expected = query.copy()
    expected.pop("page", None)
    for name, replacement in zip(changed, replacements, strict=False):
        expected.setlist(name, replacement)

    spliced_address = addresses(CLAIMS, query, changed)(*replacements[: len(changed)])

    assert spliced_address == "?" + canonical_query(CLAIMS, expected).urlencode()


def test_a_timeline_bar_address_narrows_the_view_as_before():
    query = QueryDict("q=Lyman&region=UA-14&synthetic=include&page=3")
    changes = {"occurred_from": "2024-01-01", "occurred_to": "2024-01-31"}

    spliced_address = addresses(CLAIMS, query, tuple(changes))(*([value] for value in changes.values()))

    assert spliced_address == narrowed(CLAIMS, query, **changes)
    assert spliced_address == "?q=Lyman&region=UA-14&occurred_from=2024-01-01&occurred_to=2024-01-31&synthetic=include"


def test_parameters_read_for_their_defaults_are_not_spliced():
    with pytest.raises(ValueError):
        addresses(CLAIMS, QueryDict(""), ("page",))


@pytest.mark.django_db
def test_a_list_address_in_another_form_is_redirected_to_the_canonical_one(client):
    response = client.get("/claims/?source=&region=UA-09&region=UA-09&sort=newest&page=1")

    assert response.status_code == 301
    assert response["Location"] == "/claims/?region=UA-09"


@pytest.mark.django_db
def test_the_canonical_address_is_served_as_it_is(client):
    ClaimFactory().regions.add(RegionFactory(code="UA-09", slug="luhansk-oblast"))

    assert client.get("/claims/?region=UA-09").status_code == 200


@pytest.mark.django_db
def test_downloads_are_never_redirected(client):
    response = client.get("/claims/?region=&sort=newest&format=csv")

    assert response.status_code == 200
