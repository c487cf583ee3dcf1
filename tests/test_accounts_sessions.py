"""Maya sees where she is logged in, ends a session or all others; a new passphrase ends them."""

from __future__ import annotations

from django.contrib.sessions.models import Session
from django.test import Client

from fibrolog.accounts.models import UserSession
from fibrolog.lib.clients import device_name, short_address
from tests.conftest import PASSPHRASE

PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0 Mobile Safari"
LAPTOP = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def _log_in(agent: str, address: str) -> Client:
    client = Client(HTTP_USER_AGENT=agent, REMOTE_ADDR=address)
    assert client.post("/login/", {"username": "maya", "password": PASSPHRASE}).status_code == 302
    return client


def test_it_lists_her_sessions_without_the_full_agent_or_address(maya):
    phone = _log_in(PHONE, "198.51.100.23")
    _log_in(LAPTOP, "2001:db8:85a3::8a2e:370:7334")
    page = phone.get("/account/").content.decode()
    assert "Chrome on Android" in page and "Firefox on Linux" in page
    assert "198.51.100.x" in page and "2001:db8:85a3::/48" in page
    assert "198.51.100.23" not in page and "Pixel 8" not in page
    assert "(this browser)" in page


def test_it_ends_one_session_and_then_all_others(maya):
    phone = _log_in(PHONE, "198.51.100.23")
    laptop = _log_in(LAPTOP, "198.51.100.24")
    tablet = _log_in(LAPTOP, "198.51.100.25")
    laptop_row = UserSession.objects.get(session_key=laptop.session.session_key)
    phone.post("/account/sessions/", {"end": laptop_row.pk})
    assert laptop.get("/today/")["Location"].startswith("/login/")
    assert tablet.get("/today/").status_code == 200
    phone.post("/account/sessions/", {"end": "others"})
    assert tablet.get("/today/")["Location"].startswith("/login/")
    assert phone.get("/today/").status_code == 200
    assert UserSession.objects.filter(user=maya).count() == 1
    assert Session.objects.count() == 1


def test_it_never_ends_someone_elses_session(maya, sam_client):
    phone = _log_in(PHONE, "198.51.100.23")
    row = UserSession.objects.get(session_key=phone.session.session_key)
    sam_client.post("/account/sessions/", {"end": row.pk})
    sam_client.post("/account/sessions/", {"end": "others"})
    assert phone.get("/today/").status_code == 200


def test_it_ends_other_sessions_when_she_changes_her_passphrase(maya):
    phone = _log_in(PHONE, "198.51.100.23")
    laptop = _log_in(LAPTOP, "198.51.100.24")
    new = "a brand new river passphrase"
    weak = phone.post(
        "/account/password/",
        {"old_password": PASSPHRASE, "new_password1": "short", "new_password2": "short"},
    )
    assert weak.status_code == 200 and "too short" in weak.content.decode()
    response = phone.post(
        "/account/password/",
        {"old_password": PASSPHRASE, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    assert phone.get("/today/").status_code == 200
    assert laptop.get("/today/")["Location"].startswith("/login/")
    assert Client().post("/login/", {"username": "maya", "password": new}).status_code == 302


def test_it_forgets_a_session_at_log_out(maya):
    phone = _log_in(PHONE, "198.51.100.23")
    phone.post("/logout/")
    assert not UserSession.objects.filter(user=maya).exists()


def test_it_names_devices_and_shortens_addresses():
    assert device_name(PHONE) == "Chrome on Android"
    assert device_name("curl/8.0") == ""
    assert short_address("::ffff:192.0.2.9") == "192.0.2.x"
    assert short_address("not an address") == ""
