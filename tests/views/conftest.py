import pytest
from django.test import Client


class ReaderClient(Client):
    """A test client that follows redirects as a reader's browser does (list addresses are made canonical first)."""

    def get(self, path, data=None, follow=True, **extra):
        return super().get(path, data, follow=follow, **extra)


@pytest.fixture
def client():
    return ReaderClient()
