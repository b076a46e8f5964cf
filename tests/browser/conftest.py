"""Browser tests: Playwright driving Debian's Chromium, headless, against the live test server."""

import importlib
import os
from pathlib import Path

import pytest

# Playwright's sync API keeps an event loop in the test thread; Django's ORM calls from the test are safe there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db(transaction=True))


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Chromium is not installed at /usr/bin/chromium: run `make browser` (Debian package chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def editor_groups():
    """The Editor and Reviewer groups, as the data migration makes them.

    Tests served over HTTP run outside a transaction and the database is emptied after each, groups
    included, so the migration's own function makes them again.
    """
    from django.apps import apps

    migration = importlib.import_module("reports.migrations.0002_editor_and_reviewer_groups")
    migration.create_groups(apps, schema_editor=None)


@pytest.fixture
def page(browser, live_server, editor_groups):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.csp_violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and page.csp_violations.append(message.text))
    yield page
    context.close()
