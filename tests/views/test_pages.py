import pytest
from django.urls import reverse

from reports.models import Article, Region
from tests.factories import ArticleFactory, ClaimFactory, RegionFactory, SourceFactory

pytestmark = pytest.mark.django_db


def archive_of(size):
    region = RegionFactory(code="UA-14", slug="donetsk-oblast", name="Donetsk Oblast")
    for _ in range(size):
        article = ArticleFactory()
        article.regions.add(region)
        claim = ClaimFactory(article=article, claimant=SourceFactory())
        claim.regions.add(region)
    return region


def test_home_shows_latest_articles_and_claims(client):
    article = ArticleFactory(title="Russia is slowing down the ceasefire")
    ClaimFactory(article=article, statement="Russian forces advanced northeast of Lyman")

    page = client.get("/").content.decode()

    assert "Russia is slowing down the ceasefire" in page
    assert "Russian forces advanced northeast of Lyman" in page


def test_home_never_shows_drafts(client):
    ArticleFactory(title="Unpublished draft report", status=Article.Status.DRAFT)

    assert "Unpublished draft report" not in client.get("/").content.decode()


@pytest.mark.parametrize("size", [3, 30])
def test_home_runs_a_constant_number_of_queries(client, django_assert_max_num_queries, size):
    archive_of(size)

    # Counts as the lists count them (articles, claims and sources, each in a savepoint with a time budget;
    # the regions), latest articles and claims, sources, and the claims per first-level region (the regions,
    # the region choices, the counts inside a savepoint with a time budget), and the data version each of the
    # two cached values is read under.
    with django_assert_max_num_queries(25):
        assert client.get("/").status_code == 200


@pytest.mark.parametrize("size", [3, 30])
def test_region_page_runs_a_constant_number_of_queries(client, django_assert_max_num_queries, size):
    region = archive_of(size)

    # Region, ancestors, children, the region looked up again by the claim and article listings, latest
    # claims and articles, the timeline (one statement with its own time budget, in a savepoint), and the
    # control history (the region again, then its territorial-control claims with their claimants).
    with django_assert_max_num_queries(15):
        assert client.get(reverse("reports:region_detail", args=[region.slug])).status_code == 200


def test_article_page_marks_each_quote_and_links_it_to_its_claim(client):
    article = ArticleFactory(body="Intro.\nRussian forces advanced northeast of Lyman.\nOutro.")
    claim = ClaimFactory(article=article, quote="advanced northeast of Lyman")

    page = client.get(article.get_absolute_url()).content.decode()

    assert f'<mark id="quote-{claim.pk}"><a href="/claims/{claim.pk}/">advanced northeast of Lyman</a></mark>' in page
    assert article.sha256 in page


def test_article_text_is_escaped(client):
    article = ArticleFactory(body='He wrote <script>alert("x")</script> & left.')

    page = client.get(article.get_absolute_url()).content.decode()

    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page


def test_draft_article_page_is_not_found(client):
    article = ArticleFactory(status=Article.Status.DRAFT)

    assert client.get(article.get_absolute_url()).status_code == 404


def test_claim_page_links_back_to_the_quote_in_the_article(client):
    claim = ClaimFactory()

    page = client.get(claim.get_absolute_url()).content.decode()

    assert f"{claim.article.get_absolute_url()}#quote-{claim.pk}" in page


def test_region_page_shows_claims_from_places_inside_it(client):
    oblast = RegionFactory(name="Donetsk Oblast", slug="donetsk-oblast")
    town = RegionFactory(name="Lyman", slug="lyman", parent=oblast, kind=Region.Kind.SETTLEMENT)
    claim = ClaimFactory(statement="Advance near Lyman")
    claim.regions.add(town)

    page = client.get(reverse("reports:region_detail", args=["donetsk-oblast"])).content.decode()

    assert "Advance near Lyman" in page


def test_unknown_pages_are_a_friendly_404(client):
    assert client.get("/articles/no-such-report/").status_code == 404
    assert client.get("/claims/999999/").status_code == 404
    assert client.get("/regions/atlantis/").status_code == 404
    assert client.get("/sources/nobody/").status_code == 404


def test_the_interface_is_available_in_ukrainian(client):
    page = client.get("/uk/").content.decode()

    assert '<html lang="uk">' in page


@pytest.mark.parametrize("size", [3, 30])
def test_detail_pages_run_a_constant_number_of_queries(client, django_assert_max_num_queries, size):
    region = archive_of(size)
    article = ArticleFactory(body="Intro. " + " ".join(f"Sentence {n}." for n in range(size)))
    for number in range(size):
        ClaimFactory(article=article, quote=f"Sentence {number}.").regions.add(region)
    claim = article.claims.first()

    for url in (article.get_absolute_url(), claim.get_absolute_url(), article.publisher.get_absolute_url()):
        with django_assert_max_num_queries(8):
            assert client.get(url).status_code == 200
