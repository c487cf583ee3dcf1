"""Two-factor: set up with a real TOTP code, log in with it or a recovery code; required roles."""

from __future__ import annotations

import re

from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import PASSPHRASE


def _code(device: TOTPDevice, ahead: int = 0) -> str:
    """Compute the code the authenticator app shows now, or `ahead` 30-second steps later.

    A code is accepted once (replay protection), so a second log-in within the same step uses
    the next step's code, which the device's tolerance of one step accepts.
    """
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, ahead):06d}"


def _turn_on(client: Client, user) -> list[str]:
    page = client.get("/account/two-factor/").content.decode()
    assert "otpauth://totp/fibrolog%3A" in page and "<svg" in page
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post("/account/two-factor/", {"action": "confirm", "code": _code(device)})
    codes = re.findall(r"<code>([a-z0-9-]{19})</code>", response.content.decode())
    assert response.status_code == 200 and len(codes) == 10
    return codes


def _password_step(name: str, password: str) -> Client:
    client = Client()
    response = client.post("/login/", {"username": name, "password": password})
    assert response.status_code == 302 and response["Location"] == "/login/code/"
    assert "_auth_user_id" not in client.session
    return client


def test_it_asks_maya_for_her_code_after_her_passphrase(maya, maya_client):
    _turn_on(maya_client, maya)
    device = TOTPDevice.objects.get(user=maya, confirmed=True)
    client = _password_step("maya", PASSPHRASE)
    assert client.get("/today/")["Location"].startswith("/login/")
    wrong = client.post("/login/code/", {"code": "000000"})
    assert wrong.status_code == 200 and "did not work" in wrong.content.decode()
    device.refresh_from_db()
    device.throttling_failure_count = 0  # the test does not wait out django-otp's back-off
    device.save()
    right = client.post("/login/code/", {"code": _code(device, ahead=1)})
    assert right.status_code == 302 and right["Location"] == "/today/"
    assert client.get("/today/").status_code == 200


def test_it_lets_a_recovery_code_in_once(maya, maya_client):
    codes = _turn_on(maya_client, maya)
    client = _password_step("maya", PASSPHRASE)
    assert client.post("/login/code/", {"code": codes[0].upper()})["Location"] == "/today/"
    again = _password_step("maya", PASSPHRASE)
    assert again.post("/login/code/", {"code": codes[0]}).status_code == 200
    from django_otp.plugins.otp_static.models import StaticToken

    stored = set(StaticToken.objects.values_list("token", flat=True))
    assert not stored & {c.replace("-", "") for c in codes} and len(stored) == 9


def test_it_logs_out_her_older_sessions_when_she_turns_it_on(maya, maya_client):
    other = Client()
    other.force_login(maya)
    _turn_on(maya_client, maya)
    assert other.get("/today/")["Location"].startswith("/login/")
    assert maya_client.get("/today/").status_code == 200


def test_it_sends_five_wrong_codes_back_to_the_passphrase(maya, maya_client):
    _turn_on(maya_client, maya)
    client = _password_step("maya", PASSPHRASE)
    for _ in range(4):
        assert client.post("/login/code/", {"code": "123456"}).status_code == 200
    assert client.post("/login/code/", {"code": "123456"})["Location"] == "/login/"
    assert client.get("/login/code/")["Location"] == "/login/"


def test_it_turns_off_only_with_her_passphrase(maya, maya_client):
    _turn_on(maya_client, maya)
    refused = maya_client.post("/account/two-factor/", {"action": "off", "password": "nope"})
    assert refused.status_code == 400 and TOTPDevice.objects.filter(user=maya).exists()
    maya_client.post("/account/two-factor/", {"action": "off", "password": PASSPHRASE})
    assert not TOTPDevice.objects.filter(user=maya).exists()


def test_it_sends_a_clinician_on_a_server_to_set_up_first(monkeypatch, clinician_client):
    assert clinician_client.get("/account/").status_code == 200  # a laptop: optional
    monkeypatch.setenv("FIBROLOG_PUBLIC_URL", "https://diary.example.org")
    for url in ("/account/", "/account/password/", "/today/"):
        assert clinician_client.get(url)["Location"] == "/account/two-factor/"
    page = clinician_client.get("/account/two-factor/").content.decode()
    assert "before anything else" in page


def test_it_keeps_two_factor_on_for_an_admin_on_a_server(monkeypatch, ada, admin_client):
    monkeypatch.setenv("FIBROLOG_PUBLIC_URL", "https://diary.example.org")
    _turn_on(admin_client, ada)
    assert admin_client.get("/manage/accounts/").status_code == 200
    response = admin_client.post(
        "/account/two-factor/", {"action": "off", "password": PASSPHRASE + " admin"}
    )
    assert response.status_code == 400 and "required" in response.content.decode()
