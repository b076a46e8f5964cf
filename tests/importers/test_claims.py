import datetime
import json
from pathlib import Path

import pytest

from reports.importers import formats
from reports.importers.analysis import SourceName, analyse, gazetteer_entries, source_matcher
from reports.importers.regions import RegionMatcher

DATA = Path(__file__).resolve().parents[2] / "reports" / "data"
SAMPLE = DATA / "demo" / "2025-04-02-unn-isw-luhansk.txt"


@pytest.fixture(scope="module")
def archive():
    gazetteer = json.loads((DATA / "gazetteer.json").read_text())
    sources = json.loads((DATA / "sources.json").read_text())
    names = [SourceName(s["slug"], (s["name"], s.get("short_name", ""), *s.get("aliases", []))) for s in sources]
    slugs = {number: entry["slug"] for number, entry in enumerate(gazetteer, start=1)}
    return RegionMatcher(gazetteer_entries(gazetteer)), source_matcher(names), slugs


def claims_of(archive, body, published_on=datetime.date(2025, 4, 2), cited=("isw",), publisher="unn", language="en"):
    regions, sources, _slugs = archive
    analysis = analyse(
        title="", lead="", body=body, published_on=published_on, language=language, publisher=publisher, cited=cited,
        regions=regions, sources=sources,
    )  # fmt: skip
    return list(analysis.claims)


@pytest.fixture(scope="module")
def sample_claims(archive):
    (record,) = formats.read_records(SAMPLE.name, SAMPLE.open("rb"))
    return claims_of(archive, record.body)


def claim_quoting(claims, words):
    (claim,) = [claim for claim in claims if words in claim.quote]
    return claim


def test_the_sample_yields_the_stalling_claim_of_isw(sample_claims):
    claim = claim_quoting(sample_claims, "Russia is deliberately stalling the ceasefire")
    assert (claim.claimant, claim.asserted_on, claim.occurred, claim.topic) == (
        "isw",
        datetime.date(2025, 4, 2),
        None,
        "diplomacy",
    )


def test_the_sample_yields_the_lyman_advance_with_its_tenfold_advantage(sample_claims, archive):
    claim = claim_quoting(sample_claims, "advanced northeast of Lyman")
    assert claim.claimant == "isw"
    assert (claim.quantity.value, claim.quantity.unit) == (10, "times")
    assert [archive[2][region] for region in claim.regions] == ["lyman"]
    assert claim.topic == "territorial_control"


def test_the_sample_yields_the_attempt_since_late_november_2024(sample_claims):
    claim = claim_quoting(sample_claims, "since the end of November 2024")
    occurred = claim.occurred
    assert (occurred.start, occurred.end, occurred.precision) == (
        datetime.date(2024, 11, 21), datetime.date(2024, 11, 30), "approximate",
    )  # fmt: skip
    assert (claim.quantity.value, claim.quantity.unit) == (266, "km²")


def test_the_sample_yields_the_first_capture_on_july_3_2022(sample_claims):
    claim = claim_quoting(sample_claims, "first captured the entire Luhansk region")
    assert claim.quote == "The occupiers first captured the entire Luhansk region on July 3, 2022"
    assert (claim.occurred.start, claim.occurred.end, claim.occurred.precision) == (
        datetime.date(2022, 7, 3), datetime.date(2022, 7, 3), "day",
    )  # fmt: skip


def test_the_sample_yields_the_counteroffensive_of_autumn_2022_as_its_own_claim(sample_claims):
    claim = claim_quoting(sample_claims, "pushed them back")
    assert claim.quote.startswith("later the Armed Forces pushed them back")
    assert (claim.occurred.start, claim.occurred.end, claim.occurred.precision) == (
        datetime.date(2022, 9, 1), datetime.date(2022, 11, 30), "season",
    )  # fmt: skip


def test_the_sample_attributes_the_background_protest_to_the_ministry_not_to_isw(sample_claims):
    claim = claim_quoting(sample_claims, "forced mobilization")
    assert claim.claimant == "mfa-ukraine"
    assert claim.asserted_on == datetime.date(2025, 3, 31)
    assert (claim.occurred.start, claim.occurred.precision) == (datetime.date(2025, 3, 31), "day")
    assert claim.topic == "mobilisation"


def test_background_after_let_us_remind_you_is_never_continued_as_the_cited_source(archive):
    body = (
        "Analysts point out that Russian forces advanced near Lyman.\n"
        "Let us remind you\n"
        "Russian forces captured Bakhmut in May 2023."
    )
    claims = claims_of(archive, body)
    assert [(claim.quote, claim.claimant) for claim in claims] == [
        ("Russian forces advanced near Lyman", "isw"),
        ("Russian forces captured Bakhmut in May 2023", "unn"),  # the publisher's own background
    ]


def test_undated_background_is_not_suggested(archive):
    body = "Analysts point out that Russian forces advanced near Lyman.\nLet us remind you\nThe town lies on a railway line."
    assert [claim.quote for claim in claims_of(archive, body)] == ["Russian forces advanced near Lyman"]


def test_every_quote_stands_in_the_text_at_its_offsets(sample_claims):
    body = formats.sample_text.parse(SAMPLE.read_text()).body
    assert all(body[claim.start : claim.end] == claim.quote for claim in sample_claims)


def test_an_unknown_speaker_breaks_the_chain_of_the_cited_source(archive):
    body = (
        "ISW assessed that Russian forces advanced near Lyman.\nA local official said that 12 people were wounded in Kramatorsk."
    )
    assert [claim.claimant for claim in claims_of(archive, body)] == ["isw"]


def test_a_ukrainian_general_staff_report(archive):
    body = "За даними Генштабу, у неділю російські війська завдали авіаударів по Краматорську."
    (claim,) = claims_of(archive, body, published_on=datetime.date(2025, 2, 17), cited=(), publisher="ukrinform", language="uk")
    assert claim.claimant == "general-staff-afu"
    assert claim.occurred.start == datetime.date(2025, 2, 16)


def test_a_russian_ministry_of_defence_report(archive):
    body = "Минобороны России заявило, что за сутки отразило 12 атак в Курской области."
    (claim,) = claims_of(archive, body, published_on=datetime.date(2024, 8, 15), cited=(), publisher="meduza", language="ru")
    assert claim.claimant == "mod-russia"
    assert (claim.quantity.value, claim.quantity.unit) == (12, "assaults")
