import pytest


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached counts of one test must not show in the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _generous_rate_limits(settings):
    """Tests make many requests from one address; the tests of the limit itself set their own."""
    settings.RATE_LIMITS = {"api": "100000/minute", "feeds": "100000/minute", "exports": "100000/minute"}
