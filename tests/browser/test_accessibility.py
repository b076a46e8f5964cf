"""axe-core, run in Chromium on each kind of page: no serious or critical violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from reports.models import Article, Claim

SERIOUS = {"serious", "critical"}


@pytest.fixture
def demo(capsys):
    call_command("load_demo")
    capsys.readouterr()
    return Article.objects.get(), Claim.objects.public().first()


def serious_violations(page):
    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {[node['target'] for node in violation['nodes']][:3]}"
        for violation in results.response["violations"]
        if violation["impact"] in SERIOUS
    ]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/claims/",
        "/claims/?region=luhansk-oblast&q=captured",
        "/claims/?view=table",
        "/claims/?view=map",
        "/claims/facets/source/",
        "/articles/",
        "/regions/",
        "/regions/luhansk-oblast/",
        "/sources/",
        "/sources/isw/",
        "ARTICLE",
        "CLAIM",
        "/uk/claims/",
        "/no-such-page/",
    ],
)
def test_page_has_no_serious_accessibility_violation(page, demo, path):
    article, claim = demo
    url = {"ARTICLE": article.get_absolute_url(), "CLAIM": claim.get_absolute_url()}.get(path, path)

    page.goto(url)

    assert serious_violations(page) == []
