"""Moving a region in the admin: asked in the request, made by the job worker with everything linked to it."""

import pytest

from reports.models import Article, Claim, Region
from tests.factories import ClaimFactory, RegionFactory
from tests.support import run_queued_jobs

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    ukraine = RegionFactory(kind=Region.Kind.COUNTRY, slug="ukraine")
    donetsk = RegionFactory(parent=ukraine, slug="donetsk-oblast")
    luhansk = RegionFactory(parent=ukraine, slug="luhansk-oblast")
    lyman = RegionFactory(parent=donetsk, kind=Region.Kind.SETTLEMENT, slug="lyman")
    return donetsk, luhansk, lyman


def change(admin_client, region, **changes):
    data = {
        "name": region.name, "name_uk": region.name_uk, "slug": region.slug, "kind": region.kind,
        "parent": region.parent_id or "", "code": region.code, "katottg": region.katottg,
        "katottg_category": region.katottg_category, "latitude": "", "longitude": "", "location_precision": "none",
        "area_km2": "", "aliases": "",
    }  # fmt: skip
    data.update(changes)
    return admin_client.post(f"/admin/reports/region/{region.pk}/change/", data, follow=True)


def test_a_new_parent_waits_for_the_job_worker_and_then_takes_the_claims_and_articles_along(admin_client, tree):
    donetsk, luhansk, lyman = tree
    claim = ClaimFactory()
    claim.regions.add(lyman)
    claim.article.regions.add(lyman)

    response = change(admin_client, lyman, parent=luhansk.pk, name="Lyman (renamed)")

    assert "will move under" in response.content.decode()
    lyman.refresh_from_db()
    # Asked, not made: the other changes are saved, the region stays where it was and says where it goes.
    assert (lyman.name, lyman.parent_id, lyman.moving_to_id) == ("Lyman (renamed)", donetsk.pk, luhansk.pk)
    assert list(Claim.objects.in_region(donetsk)) == [claim]

    run_queued_jobs()

    lyman.refresh_from_db()
    assert (lyman.parent_id, lyman.moving_to_id) == (luhansk.pk, None)
    assert lyman.path.startswith(luhansk.path)
    assert list(Claim.objects.in_region(luhansk)) == [claim] and list(Claim.objects.in_region(donetsk)) == []
    assert list(Article.objects.in_region(luhansk)) == [claim.article]
    assert lyman.history.first().history_change_reason == f"moved under {luhansk.name}"


def test_a_region_already_moving_cannot_be_moved_again_until_the_worker_has_moved_it(admin_client, tree):
    donetsk, luhansk, lyman = tree
    change(admin_client, lyman, parent=luhansk.pk)

    response = change(admin_client, Region.objects.get(pk=lyman.pk), parent=donetsk.parent_id)

    assert "already moving" in response.content.decode()
    run_queued_jobs()
    lyman.refresh_from_db()
    assert lyman.parent_id == luhansk.pk


def test_a_region_cannot_be_moved_inside_itself(admin_client, tree):
    donetsk, luhansk, lyman = tree

    response = change(admin_client, donetsk, parent=lyman.pk)

    assert response.status_code == 200 and "cannot lie inside itself" in response.content.decode()
    donetsk.refresh_from_db()
    assert donetsk.moving_to_id is None
