"""A place's control history: a lane per claimant, contradictions marked, each mark linked to its claim."""

import datetime

import pytest

from reports.importers.stances import suggested_stance
from reports.models import Region
from tests.factories import ClaimFactory, RegionFactory, SourceFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def place():
    ukraine = RegionFactory(name="Ukraine", slug="ukraine", code="UA", kind=Region.Kind.COUNTRY)
    donetsk = RegionFactory(name="Donetsk Oblast", slug="donetsk-oblast", code="UA-14", parent=ukraine)
    return RegionFactory(name="Robotyne", slug="robotyne", kind=Region.Kind.SETTLEMENT, parent=donetsk)


def claim(place, claimant, stance, start, end, topic="territorial_control"):
    made = ClaimFactory(
        claimant=claimant, stance=stance, topic=topic, occurred_start=start, occurred_end=end, occurred_precision="day"
    )
    made.regions.add(place)
    return made


def test_competing_accounts_of_the_same_days_are_marked_as_contradicting(client, place):
    mod, general_staff = SourceFactory(name="Russian Ministry of Defence"), SourceFactory(name="General Staff")
    captured = claim(place, mod, "captured", D(2024, 8, 1), D(2024, 8, 1))
    repelled = claim(place, general_staff, "repelled", D(2024, 8, 1), D(2024, 8, 2))
    later = claim(place, general_staff, "liberated", D(2024, 10, 1), D(2024, 10, 1))

    page = client.get("/regions/donetsk-oblast/").content.decode()

    assert "Who said what about control of it" in page
    assert page.count('class="mark stance-captured contradicted"') == 1
    assert page.count('class="mark stance-repelled contradicted"') == 1
    assert 'class="mark stance-liberated"' in page  # no one contradicts October
    for record in (captured, repelled, later):
        assert f'<a href="/claims/{record.pk}/"><rect' in page
    assert "2 claims are contradicted." in page


def test_one_claimant_never_contradicts_itself_and_other_topics_stay_out(client, place):
    isw = SourceFactory(name="ISW")
    claim(place, isw, "captured", D(2024, 8, 1), D(2024, 8, 1))
    claim(place, isw, "repelled", D(2024, 8, 1), D(2024, 8, 1))
    claim(place, SourceFactory(name="Other"), "captured", D(2024, 8, 1), D(2024, 8, 1), topic="strikes")

    page = client.get("/regions/robotyne/").content.decode()

    assert ' contradicted"' not in page
    assert page.count('<rect class="mark') == 2


@pytest.mark.parametrize(
    "text, stance",
    [
        ("Russian forces captured the village on Monday", "captured"),
        ("Ukrainian forces recaptured the settlement", "liberated"),
        ("The defenders repelled an attempt to advance near the village", "repelled"),
        ("Сили оборони відбили штурм біля села", "repelled"),
        ("Росіяни просунулися поблизу Покровська", "advanced"),
        ("Тривають бої за село", "contested"),
        ("The ministry commented on the talks", ""),
    ],
)
def test_the_importer_suggests_a_stance_from_the_wording(text, stance):
    assert suggested_stance(text, "territorial_control") == stance


def test_no_stance_is_suggested_for_other_topics():
    assert suggested_stance("Russian forces captured the village", "strikes") == ""
