from playwright.sync_api import expect

from reports.models import Article, Claim, ClaimLink
from tests.browser.test_admin import log_in
from tests.factories import ArticleFactory, ClaimFactory, RegionFactory, SourceFactory


def test_editor_deletes_an_article_and_restores_it_with_its_claims_in_one_step(page):
    region, source = RegionFactory(name="Lyman"), SourceFactory(name="ISW")
    article = ArticleFactory(title="Advance near Lyman")
    article.regions.set([region])
    article.cited_sources.set([source])
    first = ClaimFactory(article=article)
    second = ClaimFactory(article=article, statement="Lyman named", quote="Lyman")
    first.regions.set([region])
    ClaimLink.objects.create(from_claim=first, to_claim=second, relation="corroborates")
    log_in(page, "Editor")

    page.goto(f"/admin/reports/article/{article.pk}/delete/")
    page.get_by_role("button", name="Yes, I’m sure").click()
    page.get_by_role("link", name="Deleted records").click()
    page.get_by_role("link", name="Advance near Lyman").click()
    expect(page.get_by_label("Also restore the 2 claims deleted with it")).to_be_checked()
    page.get_by_role("button", name="Restore").click()

    expect(page.get_by_text("2 claims deleted with it were restored too.")).to_be_visible()
    restored = Article.objects.get(pk=article.pk)
    assert list(restored.regions.all()) == [region] and list(restored.cited_sources.all()) == [source]
    assert set(restored.claims.values_list("pk", flat=True)) == {first.pk, second.pk}
    assert list(Claim.objects.get(pk=first.pk).regions.all()) == [region]
    assert ClaimLink.objects.filter(from_claim=first.pk, to_claim=second.pk).exists()
    assert page.csp_violations == []
