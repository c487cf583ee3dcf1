"""Login protection: ten failures lock an account for 15 minutes; many from one address pause it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from click.testing import CliRunner
from django.db.models import F
from django.test import Client

from fibrolog.cli import main
from tests.conftest import PASSPHRASE

LOCKED = "locked for 15 minutes"


def _login(name: str, password: str, address: str = "192.0.2.10", client=None):
    return (client or Client()).post(
        "/login/", {"username": name, "password": password}, REMOTE_ADDR=address
    )


def _fail(name: str, times: int, address: str = "192.0.2.10") -> None:
    for i in range(times):
        response = _login(name, f"wrong guess number {i}", address)
        assert response.status_code in (200, 429)


def _later(minutes: int) -> None:
    """Move every recorded failure back in time, as if `minutes` had passed."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))
    AccessFailureLog.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))


def test_it_locks_maya_after_ten_failures_even_with_the_right_passphrase(maya):
    for i in range(9):  # from several addresses: the account is counted, not the address
        response = _login("maya", "not it at all", f"198.51.100.{i}")
        assert response.status_code == 200 and LOCKED not in response.content.decode()
    tenth = _login("maya", "still not it", "203.0.113.1")
    assert tenth.status_code == 429 and LOCKED in tenth.content.decode()
    right = _login("maya", PASSPHRASE, "203.0.113.99")
    assert right.status_code == 429 and LOCKED in right.content.decode()
    assert "_auth_user_id" not in right.wsgi_request.session


def test_it_counts_maya_and_MAYA_as_one_name(maya):
    _fail("maya", 5)
    _fail("MAYA", 5)
    assert _login("maya", PASSPHRASE).status_code == 429


def test_it_lets_maya_in_again_after_the_cool_off(maya):
    _fail("maya", 10)
    _later(14)
    assert _login("maya", PASSPHRASE).status_code == 429
    _later(2)
    response = _login("maya", PASSPHRASE)
    assert response.status_code == 302 and response["Location"] == "/today/"


def test_it_forgets_failures_after_a_good_login(maya):
    _fail("maya", 9)
    assert _login("maya", PASSPHRASE).status_code == 302
    _fail("maya", 9)
    assert _login("maya", PASSPHRASE).status_code == 302


def test_it_answers_an_unknown_name_exactly_like_a_known_one(maya):
    known = [_login("maya", f"wrong {i}").status_code for i in range(10)]
    unknown = [_login("nobody-here", f"wrong {i}").status_code for i in range(10)]
    assert known == unknown == [200] * 9 + [429]
    page_known = _login("maya", "x", "192.0.2.77").content.decode()
    page_unknown = _login("nobody-here", "x", "192.0.2.77").content.decode()
    assert page_known.replace("maya", "") == page_unknown.replace("nobody-here", "")


def test_it_unlocks_from_the_command_line(maya):
    _fail("maya", 10)
    assert _login("maya", PASSPHRASE).status_code == 429
    result = CliRunner().invoke(main, ["user", "unlock", "Maya"], catch_exceptions=False)
    assert result.exit_code == 0 and "can log in again" in result.output
    assert _login("maya", PASSPHRASE).status_code == 302


def test_it_unlocks_from_the_admin_page(maya, admin_client):
    _fail("maya", 10)
    page = admin_client.get("/manage/accounts/").content.decode()
    assert "Unlock" in page
    response = admin_client.post(f"/manage/accounts/{maya.pk}/unlock/")
    assert response.status_code == 302
    assert _login("maya", PASSPHRASE).status_code == 302


def test_it_pauses_an_address_that_tries_many_names(maya):
    for i in range(50):  # five failures each for ten names: no name reaches its own limit
        _login(f"guess{i % 10}", "password guess", "192.0.2.66")
    blocked = _login("maya", PASSPHRASE, "192.0.2.66")
    assert blocked.status_code == 429 and "from this network" in blocked.content.decode()
    elsewhere = _login("maya", PASSPHRASE, "192.0.2.67")
    assert elsewhere.status_code == 302
    _later(16)
    assert _login("maya", PASSPHRASE, "192.0.2.66").status_code == 302


@pytest.mark.parametrize("forwarded", ["203.0.113.5", "10.0.0.1, 203.0.113.5"])
def test_it_counts_the_address_the_proxy_saw_when_behind_one(monkeypatch, maya, forwarded):
    from django.test import RequestFactory

    from fibrolog.accounts.services.lockout import client_ip

    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == "127.0.0.1"
    monkeypatch.setenv("FIBROLOG_BEHIND_PROXY", "1")
    assert client_ip(request) == "203.0.113.5"


def test_it_keeps_no_passphrase_nor_code_and_forgets_old_failures(maya):
    _fail("maya", 3)
    stored = " ".join(AccessAttempt.objects.values_list("post_data", flat=True))
    assert "wrong guess" not in stored
    _later(60 * 25)
    _login("maya", "one more wrong one")
    assert AccessFailureLog.objects.count() == 1
