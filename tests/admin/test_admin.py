import pytest
from django.contrib.auth.models import Group, User

from reports.models import Claim
from tests.factories import ArticleFactory, ClaimFactory, RegionFactory, SourceFactory

pytestmark = pytest.mark.django_db

LINKS_FORMSET = {
    "links_out-TOTAL_FORMS": "0",
    "links_out-INITIAL_FORMS": "0",
    "links_out-MIN_NUM_FORMS": "0",
    "links_out-MAX_NUM_FORMS": "1000",
}


def staff_in(group_name):
    user = User.objects.create_user(f"{group_name.lower()}-user", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def claim_form(claim, **changes):
    data = {
        "article": claim.article_id,
        "statement": claim.statement,
        "quote": claim.quote,
        "claimant": claim.claimant_id,
        "asserted_on": claim.asserted_on.isoformat(),
        "occurred_start": "",
        "occurred_end": "",
        "occurred_precision": "",
        "topic": claim.topic,
        "quantity_value": "",
        "quantity_unit": "",
        "status": claim.status,
        **LINKS_FORMSET,
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("model", ["source", "region", "article", "claim"])
def test_each_admin_page_opens(admin_client, model):
    claim = ClaimFactory()
    objects = {"source": claim.article.publisher, "region": RegionFactory(), "article": claim.article, "claim": claim}
    pk = objects[model].pk

    for url in [
        f"/admin/reports/{model}/",
        f"/admin/reports/{model}/add/",
        f"/admin/reports/{model}/{pk}/change/",
        f"/admin/reports/{model}/{pk}/history/",
    ]:
        assert admin_client.get(url).status_code == 200, url


def test_admin_refuses_a_quote_that_is_not_in_the_article(admin_client):
    claim = ClaimFactory()

    response = admin_client.post(f"/admin/reports/claim/{claim.pk}/change/", claim_form(claim, quote="words nobody wrote"))

    assert response.status_code == 200
    assert "do not occur in the article" in response.content.decode()
    claim.refresh_from_db()
    assert claim.quote != "words nobody wrote"


def test_region_parent_is_chosen_by_autocomplete_not_a_giant_select(admin_client):
    for _ in range(30):
        RegionFactory()
    region = RegionFactory()

    page = admin_client.get(f"/admin/reports/region/{region.pk}/change/").content.decode()

    assert 'class="admin-autocomplete' in page
    assert page.count("<option") < 30


def test_article_page_lists_its_claims_inline(admin_client):
    claim = ClaimFactory(statement="Russian forces advanced northeast of Lyman")

    page = admin_client.get(f"/admin/reports/article/{claim.article_id}/change/").content.decode()

    assert "Russian forces advanced northeast of Lyman" in page


def test_bulk_status_change_is_recorded_in_history_with_the_reviewer(client):
    reviewer = staff_in("Reviewer")
    client.force_login(reviewer)
    claims = ClaimFactory.create_batch(3)

    response = client.post(
        "/admin/reports/claim/", {"action": "mark_corroborated", "_selected_action": [c.pk for c in claims[:2]]}, follow=True
    )

    assert response.status_code == 200
    assert sorted(Claim.objects.values_list("status", flat=True)) == ["corroborated", "corroborated", "unverified"]
    latest = Claim.history.filter(id=claims[0].pk).latest("history_date")
    assert (latest.status, latest.history_user) == ("corroborated", reviewer)


def test_reviewer_can_change_the_status_but_nothing_else(client):
    client.force_login(staff_in("Reviewer"))
    claim = ClaimFactory(statement="Original statement")

    client.post(f"/admin/reports/claim/{claim.pk}/change/", claim_form(claim, statement="Rewritten", status="disputed"))

    claim.refresh_from_db()
    assert (claim.statement, claim.status) == ("Original statement", "disputed")


def test_reviewer_cannot_edit_articles(client):
    client.force_login(staff_in("Reviewer"))
    article = ArticleFactory(title="Original title")

    client.post(f"/admin/reports/article/{article.pk}/change/", {"title": "Changed"})

    article.refresh_from_db()
    assert article.title == "Original title"


def test_editor_can_change_a_claim_statement(client):
    client.force_login(staff_in("Editor"))
    claim = ClaimFactory(statement="Original statement")

    response = client.post(f"/admin/reports/claim/{claim.pk}/change/", claim_form(claim, statement="Clearer statement"))

    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.statement == "Clearer statement"


def test_editor_cannot_delete_sources():
    editor = staff_in("Editor")

    assert editor.has_perm("reports.change_source")
    assert not editor.has_perm("reports.delete_source")


def test_sources_are_found_by_alias_in_the_admin(admin_client):
    SourceFactory(name="General Staff of the Armed Forces of Ukraine", aliases=["Генштаб ЗСУ"])

    page = admin_client.get("/admin/reports/source/", {"q": "Генштаб ЗСУ"}).content.decode()

    assert "General Staff of the Armed Forces of Ukraine" in page


def test_every_model_field_has_help_text():
    from reports.models import Article, ClaimLink, Region, Source

    for model in (Source, Region, Article, Claim, ClaimLink):
        for field in model._meta.get_fields():
            if getattr(field, "editable", False) and not field.auto_created and field.name != "id":
                assert field.help_text, f"{model.__name__}.{field.name} has no help text"


def test_a_deleted_claim_is_listed_and_restored_from_the_admin(admin_client):
    claim = ClaimFactory(statement="Russian forces advanced northeast of Lyman")
    claim_id = claim.pk
    response = admin_client.post(f"/admin/reports/claim/{claim_id}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Claim.objects.filter(pk=claim_id).exists()

    listing = admin_client.get("/admin/reports/claim/deleted/").content.decode()
    record = Claim.history.filter(id=claim_id, history_type="-").get()
    revert_url = f"/admin/reports/claim/{claim_id}/history/{record.history_id}/"
    assert revert_url in listing
    assert "Russian forces advanced northeast of Lyman" in listing

    admin_client.post(revert_url, claim_form(claim), follow=True)

    assert Claim.objects.get(pk=claim_id).statement == "Russian forces advanced northeast of Lyman"
    assert revert_url not in admin_client.get("/admin/reports/claim/deleted/").content.decode()


def test_deleting_asks_for_confirmation_first(admin_client):
    claim = ClaimFactory()

    page = admin_client.get(f"/admin/reports/claim/{claim.pk}/delete/").content.decode()

    assert "Are you sure" in page
    assert Claim.objects.filter(pk=claim.pk).exists()


def test_a_claim_without_a_claimant_is_refused_by_the_admin_form(client):
    client.force_login(staff_in("Editor"))
    claim = ClaimFactory(statement="Original statement")

    response = client.post(f"/admin/reports/claim/{claim.pk}/change/", claim_form(claim, claimant=""))

    assert response.status_code == 200
    assert "claimant" in response.context["adminform"].form.errors
    claim.refresh_from_db()
    assert claim.claimant_id is not None
