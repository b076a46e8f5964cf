"""No draft article, no claim of one and no importer suggestion appears anywhere the public can look:
pages, search, exports, feeds, the API, the sitemap. Every endpoint is asked, over HTTP too."""

import urllib.error
import urllib.request

import pytest

from reports.models import Article, Claim
from tests.factories import ArticleFactory, ClaimFactory, RegionFactory, SourceFactory

# Words only the draft and the suggestion hold; the queries below search for words the public records share
# with them, so that a leak would show and no page echoes a secret from its own URL.
SECRETS = ["Zanzibarian", "Quuxly", "Frobnicated", "secret-draft"]


@pytest.fixture
def archive():
    region = RegionFactory(name="Luhansk Oblast", slug="luhansk-oblast", code="UA-09")
    source = SourceFactory(name="Institute for the Study of War", slug="isw")
    published = ArticleFactory(
        title="Published report", slug="published", publisher=source, body="Shelling near Lyman. Fighting near Lyman."
    )
    published.regions.add(region)
    ClaimFactory(article=published, statement="Shelling near Lyman", quote="Shelling near Lyman", claimant=source).regions.add(
        region
    )
    suggested = ClaimFactory(
        article=published,
        statement="Frobnicated suggestion about Lyman",
        quote="Fighting near Lyman",
        status=Claim.Status.SUGGESTED,
    )
    suggested.regions.add(region)
    draft = ArticleFactory(
        title="Zanzibarian draft report",
        slug="secret-draft",
        publisher=source,
        status=Article.Status.DRAFT,
        body="Quuxly worded draft text about Lyman.",
    )
    draft.regions.add(region)
    draft.cited_sources.add(source)
    draft_claim = ClaimFactory(
        article=draft, statement="Quuxly claim about Lyman", quote="Quuxly worded draft text about Lyman", claimant=source
    )
    draft_claim.regions.add(region)
    return {"draft": draft, "draft_claim": draft_claim, "suggested": suggested}


LISTED = [
    "/",
    "/articles/",
    "/claims/",
    "/articles/?q=Lyman",
    "/claims/?q=Lyman",
    "/articles/?q=report",
    "/claims/?region=UA-09",
    "/claims/?source=isw",
    "/regions/luhansk-oblast/",
    "/sources/isw/",
    "/uk/claims/",
    "/uk/articles/",
    "/claims/?format=csv&synthetic=include",
    "/claims/?format=json&synthetic=include",
    "/claims/?format=jsonl&synthetic=include",
    "/articles/?format=csv&synthetic=include",
    "/articles/?format=json&synthetic=include",
    "/articles/?format=jsonl&q=Lyman",
    "/feeds/claims/",
    "/feeds/claims/?q=Lyman",
    "/feeds/articles/",
    "/uk/feeds/articles/",
    "/api/claims/?synthetic=include",
    "/api/claims/?q=Lyman",
    "/api/articles/?synthetic=include",
    "/api/articles/?q=report",
    "/api/sources/",
    "/api/regions/",
    "/sitemap.xml",
    "/sitemap-claims.xml",
    "/sitemap-articles.xml",
    "/sitemap-claims-uk.xml",
    "/sitemap-articles-uk.xml",
    "/robots.txt",
]
HIDDEN = [
    "/articles/secret-draft/",
    "/uk/articles/secret-draft/",
    "/articles/secret-draft/?cite=ris",
    "/claims/{draft_claim}/",
    "/claims/{draft_claim}/?cite=ris",
    "/claims/{suggested}/",
    "/api/articles/secret-draft/",
    "/api/articles/secret-draft/?synthetic=include",
    "/api/claims/{draft_claim}/",
    "/api/claims/{suggested}/?synthetic=include",
]


def address(template, archive):
    return template.format(draft_claim=archive["draft_claim"].pk, suggested=archive["suggested"].pk)


def content(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.django_db
@pytest.mark.parametrize("url", LISTED)
def test_lists_searches_exports_feeds_and_the_api_never_show_drafts_or_suggestions(client, archive, url):
    response = client.get(url)

    assert response.status_code == 200
    text = content(response).decode()
    assert [secret for secret in SECRETS if secret in text] == []


@pytest.mark.django_db
@pytest.mark.parametrize("url", HIDDEN)
def test_a_draft_or_a_suggestion_is_not_found_at_its_own_address(client, archive, url):
    response = client.get(address(url, archive))

    assert response.status_code == 404
    # The address itself may be echoed back; nothing of the draft's content may.
    assert [secret for secret in SECRETS[:3] if secret in content(response).decode()] == []


@pytest.mark.django_db
def test_counts_and_facets_do_not_count_drafts(client, archive):
    response = client.get("/claims/?region=UA-09")

    assert response.context["page"].total == 1


@pytest.mark.django_db(transaction=True)
def test_no_endpoint_shows_a_draft_over_http(live_server, archive):
    leaks = {}
    for template in LISTED + HIDDEN:
        url = address(template, archive)
        try:
            with urllib.request.urlopen(live_server.url + url, timeout=30) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode()
        found = [secret for secret in (SECRETS[:3] if template in HIDDEN else SECRETS) if secret in text]
        if found or status != (404 if template in HIDDEN else 200):
            leaks[url] = (status, found)

    assert leaks == {}
