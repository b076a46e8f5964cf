import pytest

from reports.models import Article, Claim, Region, Source
from tests.factories import ArticleFactory, ClaimFactory, RegionFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("factory", [SourceFactory, RegionFactory, ArticleFactory, ClaimFactory])
def test_creating_a_record_writes_its_first_history_entry(factory):
    record = factory()

    assert [entry.history_type for entry in record.history.all()] == ["+"]


def test_an_edit_keeps_the_earlier_text_recoverable():
    article = ArticleFactory(body="Original text.", title="Original title")
    article.title = "Corrected title"
    article.save()

    earliest = article.history.earliest("history_date")
    assert earliest.title == "Original title"
    assert article.history.count() == 2


def test_reverting_to_an_earlier_version_restores_it():
    source = SourceFactory(name="Institute for the Study of War", reliability="B")
    source.reliability = "E"
    source.save()

    source.history.earliest("history_date").instance.save()

    source.refresh_from_db()
    assert source.reliability == "B"
    assert source.history.count() == 3


def test_a_deleted_claim_can_be_recovered_from_history():
    claim = ClaimFactory(statement="Russian forces advanced northeast of Lyman")
    claim_id = claim.pk
    claim.delete()
    assert not Claim.objects.filter(pk=claim_id).exists()

    deletion = Claim.history.filter(id=claim_id).latest("history_date")
    assert deletion.history_type == "-"
    deletion.instance.save()

    assert Claim.objects.get(pk=claim_id).statement == "Russian forces advanced northeast of Lyman"


def test_region_changes_record_moves_between_parents():
    donetsk = RegionFactory(name="Donetsk Oblast")
    luhansk = RegionFactory(name="Luhansk Oblast")
    town = RegionFactory(name="Town", parent=donetsk, kind=Region.Kind.SETTLEMENT)

    town.parent = luhansk
    town.save()

    assert [entry.parent_id for entry in town.history.order_by("history_date")] == [donetsk.pk, luhansk.pk]


def test_article_history_keeps_regions_it_was_about():
    article = ArticleFactory()
    region = RegionFactory()
    article.regions.add(region)

    latest = Article.history.filter(id=article.pk).latest("history_date")
    assert [row.region_id for row in latest.regions.all()] == [region.pk]


def test_sources_history_is_kept_for_each_change():
    source = SourceFactory()
    for grade in "ABC":
        source.reliability = grade
        source.save()

    assert [entry.reliability for entry in Source.history.filter(id=source.pk).order_by("history_date")] == ["F", "A", "B", "C"]
