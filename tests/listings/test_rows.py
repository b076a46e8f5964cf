"""A list page's rows, worked out once a page: the same addresses and words as the records give one by one."""

import pytest
from django.urls import reverse
from django.utils import translation

from reports.listings.rows import address_of


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("reports:claim_detail", 6592),
        ("reports:article_detail", "synthetic-001047"),
        ("reports:region_detail", "luhansk-oblast"),
        ("reports:region_detail", "лиман"),  # not a plain slug: quoted as reverse() quotes it
        ("reports:region_detail", "a b&c"),
    ],
)
def test_an_address_from_the_split_pattern_is_the_reversed_address(name, value):
    assert address_of(name)(value) == reverse(name, args=[value])


def test_addresses_keep_the_language_prefix_of_the_page():
    with translation.override("uk"):
        assert address_of("reports:claim_detail")(7) == reverse("reports:claim_detail", args=[7]) == "/uk/claims/7/"
