import pytest


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached counts of one test must not show in the next."""
    from django.core.cache import cache

    cache.clear()
