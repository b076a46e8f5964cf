import datetime

import pytest

from reports.listings.facets import monthly_counts
from reports.models import Claim
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def test_months_without_claims_are_shown_as_zero_over_at_least_a_year():
    ClaimFactory(asserted_on=datetime.date(2025, 3, 14))
    ClaimFactory(asserted_on=datetime.date(2025, 3, 20))
    ClaimFactory(asserted_on=datetime.date(2025, 1, 2))

    series, estimated = monthly_counts(Claim.objects.public(), table="reports_claim", date_column="asserted_on", exact_total=3)

    assert not estimated
    assert series[0] == (datetime.date(2024, 3, 1), 0)
    assert series[-1] == (datetime.date(2025, 3, 1), 2)
    assert dict(series)[datetime.date(2025, 1, 1)] == 1
    assert dict(series)[datetime.date(2025, 2, 1)] == 0
    assert len(series) == 13


def test_no_claims_give_no_series():
    assert monthly_counts(Claim.objects.none(), table="reports_claim", date_column="asserted_on", exact_total=0) == ([], False)
