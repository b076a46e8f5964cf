"""How to cite an article or a claim: a permalink and APA, Chicago, BibTeX and RIS naming the archive,
the publisher, the claimant and the day the reader accessed it."""

import datetime
import html

import pytest

from tests.factories import ArticleFactory, ClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db


def today_long():
    today = datetime.date.today()
    return f"{today:%B} {today.day}, {today.year}"


@pytest.fixture
def claim(settings):
    settings.ARCHIVE_NAME = "Conflict-report archive"
    article = ArticleFactory(
        title="Russia is slowing down the ceasefire",
        slug="russia-slowing-ceasefire",
        publisher=SourceFactory(name="Ukrainian National News", slug="unn"),
        url="https://unn.ua/en/news/ceasefire",
        published_on=datetime.date(2025, 4, 2),
    )
    return ClaimFactory(
        article=article,
        statement="Russian forces advanced northeast of Lyman",
        claimant=SourceFactory(name="Institute for the Study of War", slug="isw"),
    )


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_claim_page_gives_its_permalink(client, claim):
    text = page(client, f"/claims/{claim.pk}/")

    assert f'<link rel="canonical" href="http://testserver/claims/{claim.pk}/">' in text
    assert f'Permalink: <a href="http://testserver/claims/{claim.pk}/">' in text


def test_claim_apa_names_claimant_publisher_archive_and_the_day_accessed(client, claim):
    text = page(client, f"/claims/{claim.pk}/")

    assert (
        "Institute for the Study of War. (2025, April 2). Russian forces advanced northeast of Lyman. "
        "In Russia is slowing down the ceasefire (Ukrainian National News, 2025-04-02). Conflict-report archive. "
        f"Retrieved {today_long()}, from http://testserver/claims/{claim.pk}/"
    ) in text


def test_claim_chicago_names_claimant_publisher_archive_and_the_day_accessed(client, claim):
    text = page(client, f"/claims/{claim.pk}/")

    assert (
        "Institute for the Study of War. “Russian forces advanced northeast of Lyman.” In Russia is slowing down the "
        "ceasefire (Ukrainian National News, 2025-04-02). April 2, 2025. Conflict-report archive. "
        f"Accessed {today_long()}. http://testserver/claims/{claim.pk}/."
    ) in text


def test_claim_bibtex_entry(client, claim):
    text = page(client, f"/claims/{claim.pk}/")

    assert (
        "\n".join(
            [
                f"@misc{{claim_{claim.pk},",
                "  author = {{Institute for the Study of War}},",
                "  title = {Russian forces advanced northeast of Lyman},",
                "  year = {2025},",
                "  month = apr,",
                "  howpublished = {Conflict-report archive},",
                f"  url = {{http://testserver/claims/{claim.pk}/}},",
                "  note = {In Russia is slowing down the ceasefire (Ukrainian National News, 2025-04-02). "
                f"Accessed {datetime.date.today().isoformat()}}}",
                "}",
            ]
        )
        in text
    )


def test_bibtex_escapes_its_special_characters(client):
    claim = ClaimFactory(statement="Losses up 50% & rising_fast")

    text = page(client, f"/claims/{claim.pk}/")

    assert "title = {Losses up 50\\% \\& rising\\_fast}" in text


def test_claim_ris_downloads_as_a_file_for_reference_managers(client, claim):
    response = client.get(f"/claims/{claim.pk}/?cite=ris")

    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="claim-{claim.pk}.ris"'
    today = datetime.date.today()
    assert response.content.decode().split("\r\n") == [
        "TY  - NEWS",
        "AU  - Institute for the Study of War",
        "TI  - Russian forces advanced northeast of Lyman",
        "DA  - 2025/04/02",
        "PY  - 2025",
        "DB  - Conflict-report archive",
        f"UR  - http://testserver/claims/{claim.pk}/",
        f"Y2  - {today:%Y/%m/%d}",
        "T2  - Russia is slowing down the ceasefire (Ukrainian National News, 2025-04-02)",
        "L2  - https://unn.ua/en/news/ceasefire",
        "ER  - ",
        "",
    ]


def test_claim_page_links_the_ris_download(client, claim):
    assert '<a href="?cite=ris" download>' in page(client, f"/claims/{claim.pk}/")


def test_article_apa_names_the_publisher_the_archive_and_the_day_accessed(client, claim):
    text = page(client, "/articles/russia-slowing-ceasefire/")

    assert (
        "Ukrainian National News. (2025, April 2). Russia is slowing down the ceasefire. Conflict-report archive. "
        f"Retrieved {today_long()}, from http://testserver/articles/russia-slowing-ceasefire/"
    ) in text


def test_article_ris_downloads_with_its_original_address(client, claim):
    response = client.get("/articles/russia-slowing-ceasefire/?cite=ris")

    assert response["Content-Disposition"] == 'attachment; filename="russia-slowing-ceasefire.ris"'
    lines = response.content.decode().split("\r\n")
    assert lines[:3] == ["TY  - NEWS", "AU  - Ukrainian National News", "TI  - Russia is slowing down the ceasefire"]
    assert "UR  - http://testserver/articles/russia-slowing-ceasefire/" in lines
    assert "L2  - https://unn.ua/en/news/ceasefire" in lines


def test_the_archive_name_comes_from_the_settings(client, claim, settings):
    settings.ARCHIVE_NAME = "War Reporting Archive"

    assert "DB  - War Reporting Archive" in client.get(f"/claims/{claim.pk}/?cite=ris").content.decode()


def test_citation_permalink_is_the_same_in_every_interface_language(client):
    claim = ClaimFactory()

    page = client.get(f"/uk/claims/{claim.pk}/").content.decode()

    assert f'href="http://testserver/claims/{claim.pk}/"' in page
    assert f"http://testserver/uk/claims/{claim.pk}/" not in page


def test_ris_fields_stay_on_one_line(client):
    claim = ClaimFactory(statement="First line\nsecond line")

    ris = client.get(f"/claims/{claim.pk}/", {"cite": "ris"}).content.decode()

    assert "TI  - First line second line\r\n" in ris
