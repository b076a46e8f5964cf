import datetime

import pytest
from django.core.management import call_command

from reports.models import Article, Claim, Region, Source

pytestmark = pytest.mark.django_db

SLUG = "2025-04-02-russia-slowing-ceasefire-to-seize-territory-isw"


@pytest.fixture
def demo(capsys):
    call_command("load_demo")
    capsys.readouterr()
    return Article.objects.get(slug=SLUG)


def claim_quoting(article, words):
    return article.claims.get(quote__contains=words)


def test_sample_article_is_published_by_unn_citing_isw(demo):
    assert demo.publisher.short_name == "UNN"
    assert "ISW" in {source.short_name for source in demo.cited_sources.all()}
    assert demo.published_on == datetime.date(2025, 4, 2)
    assert demo.dateline == "Kyiv"
    assert demo.status == Article.Status.PUBLISHED
    assert demo.title.startswith("Russia is slowing down the ceasefire")


def test_sample_claims_are_confirmed_unverified_with_exact_quotes(demo):
    claims = list(demo.claims.all())

    assert len(claims) >= 6
    assert {claim.status for claim in claims} == {"unverified"}
    for claim in claims:
        assert demo.body[claim.quote_start : claim.quote_end] == claim.quote


def test_capture_of_luhansk_is_dated_to_the_day(demo):
    claim = claim_quoting(demo, "July 3, 2022")

    assert (claim.occurred_start, claim.occurred_end, claim.occurred_precision) == (
        datetime.date(2022, 7, 3),
        datetime.date(2022, 7, 3),
        "day",
    )
    assert claim.claimant.short_name == "ISW"
    assert [region.code for region in claim.regions.all()] == ["UA-09"]


def test_attempts_since_late_november_are_approximate_with_266_square_kilometres(demo):
    claim = claim_quoting(demo, "since the end of November 2024")

    assert claim.occurred_precision == "approximate"
    assert claim.occurred_start.year == 2024 and claim.occurred_start.month == 11 and claim.occurred_start.day >= 15
    assert claim.occurred_end == datetime.date(2024, 11, 30)
    assert (claim.quantity_value, claim.quantity_unit) == (266, "km²")


def test_autumn_counteroffensive_is_a_season(demo):
    claim = claim_quoting(demo, "in the fall of 2022")

    assert (claim.occurred_start, claim.occurred_end, claim.occurred_precision) == (
        datetime.date(2022, 9, 1),
        datetime.date(2022, 11, 30),
        "season",
    )


def test_advance_near_lyman_is_tenfold_and_placed_in_lyman(demo):
    claim = claim_quoting(demo, "northeast of Lyman, where")

    assert (claim.quantity_value, claim.quantity_unit) == (10, "times")
    assert [region.slug for region in claim.regions.all()] == ["lyman"]
    assert claim.topic == "territorial_control"


def test_background_paragraph_is_attributed_to_the_foreign_ministry_not_isw(demo):
    claim = claim_quoting(demo, "forced mobilization")

    assert claim.claimant.slug == "mfa-ukraine"
    assert claim.asserted_on == datetime.date(2025, 3, 31)
    assert (claim.occurred_start, claim.occurred_precision) == (datetime.date(2025, 3, 31), "day")


def test_ceasefire_claim_is_about_negotiations(demo):
    claim = claim_quoting(demo, "stalling the ceasefire")

    assert claim.topic == "diplomacy"
    assert claim.asserted_on == datetime.date(2025, 4, 2)


def test_claims_about_lyman_are_found_under_donetsk_oblast_and_ukraine(demo):
    donetsk = Region.objects.get(code="UA-14")
    ukraine = Region.objects.get(code="UA")

    assert Claim.objects.in_region(donetsk).filter(article=demo).count() == 1
    assert Claim.objects.in_region(ukraine).filter(article=demo).count() == demo.claims.count()


def test_loading_the_demo_twice_duplicates_nothing_and_writes_no_history(demo, capsys):
    counts = (Article.objects.count(), Claim.objects.count(), Source.objects.count(), Region.objects.count())
    history = (Article.history.count(), Claim.history.count(), Source.history.count(), Region.history.count())

    call_command("load_demo")

    assert (Article.objects.count(), Claim.objects.count(), Source.objects.count(), Region.objects.count()) == counts
    assert (Article.history.count(), Claim.history.count(), Source.history.count(), Region.history.count()) == history
    assert "Demo articles: 0 created, 0 updated, 1 unchanged." in capsys.readouterr().out


def test_the_shipped_sources_include_the_main_claimants(demo):
    names = set(Source.objects.values_list("short_name", flat=True))

    assert {"ISW", "UNN", "MFA of Ukraine", "General Staff", "Russian MoD", "Kremlin"} <= names
    assert Source.objects.count() >= 18
    assert not Source.objects.exclude(reliability__in=list("ABCDEF")).exists()
