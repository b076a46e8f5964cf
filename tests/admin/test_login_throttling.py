"""Sign-in throttling over HTTP: wrong passwords lock the account and the address, with a clear page,
a record of every failure, and an administrator's unlock."""

import re

import pytest
import requests
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib.auth.models import User
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a long and right passphrase"


@pytest.fixture
def editor(settings):
    settings.NUM_PROXIES = 1  # lets a test speak from several addresses through X-Forwarded-For
    return User.objects.create_user("editor", password=PASSWORD, is_staff=True)


def sign_in(base_url, username, password, address):
    session = requests.Session()
    headers = {"X-Forwarded-For": address}
    page = session.get(f"{base_url}/admin/login/", headers=headers, timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    return session.post(
        f"{base_url}/admin/login/?next=/admin/",
        data={"csrfmiddlewaretoken": token, "username": username, "password": password, "next": "/admin/"},
        headers={**headers, "Referer": f"{base_url}/admin/login/"},
        allow_redirects=False,
        timeout=10,
    )


def signed_in(response):
    return response.status_code == 302 and response.headers["Location"] == "/admin/"


def test_five_wrong_passwords_lock_the_account_with_a_clear_page_even_for_the_right_one(live_server, editor):
    statuses = [sign_in(live_server.url, "editor", f"wrong {n}", "198.51.100.7").status_code for n in range(5)]
    locked = sign_in(live_server.url, "editor", PASSWORD, "198.51.100.7")

    assert statuses == [200, 200, 200, 200, 429]
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.text
    assert "15 minutes" in locked.text and "administrator" in locked.text


def test_the_account_stays_locked_from_another_address(live_server, editor):
    for n in range(5):
        sign_in(live_server.url, "editor", f"wrong {n}", "198.51.100.7")

    assert sign_in(live_server.url, "editor", PASSWORD, "203.0.113.9").status_code == 429


def test_an_address_guessing_many_accounts_is_locked_for_every_account(live_server, editor):
    for n in range(5):
        sign_in(live_server.url, f"someone-{n}", "guess", "192.0.2.44")

    assert sign_in(live_server.url, "editor", PASSWORD, "192.0.2.44").status_code == 429
    assert signed_in(sign_in(live_server.url, "editor", PASSWORD, "192.0.2.45"))


def test_every_failure_is_recorded_with_its_address(live_server, editor):
    for n in range(3):
        sign_in(live_server.url, "editor", f"wrong {n}", "198.51.100.7")

    failures = AccessFailureLog.objects.filter(username="editor")
    assert failures.count() == 3
    assert set(failures.values_list("ip_address", flat=True)) == {"198.51.100.7"}


def test_an_administrator_unlocks_an_account_and_the_right_password_then_works(live_server, editor):
    for n in range(5):
        sign_in(live_server.url, "editor", f"wrong {n}", "198.51.100.7")
    assert sign_in(live_server.url, "editor", PASSWORD, "198.51.100.7").status_code == 429

    call_command("axes_reset_username", "editor")
    call_command("axes_reset_ip", "198.51.100.7")

    assert not AccessAttempt.objects.exists()
    assert signed_in(sign_in(live_server.url, "editor", PASSWORD, "198.51.100.7"))


def test_a_right_password_before_the_limit_clears_the_count(live_server, editor):
    for n in range(4):
        sign_in(live_server.url, "editor", f"wrong {n}", "198.51.100.7")

    assert signed_in(sign_in(live_server.url, "editor", PASSWORD, "198.51.100.7"))
    assert sign_in(live_server.url, "editor", "wrong again", "198.51.100.7").status_code == 200
