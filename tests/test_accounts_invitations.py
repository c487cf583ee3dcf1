"""Invitations: a one-time sign-up link with a role; only a hash is kept; it expires and revokes."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from click.testing import CliRunner
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from fibrolog.accounts.models import Invitation
from fibrolog.accounts.services import AccountError
from fibrolog.accounts.services.invitations import invite, parse_lifetime
from fibrolog.cli import main

NEW = {"username": "jo", "password": "morning tea garden path"}


def _path(link: str) -> str:
    return link.split("8000", 1)[1] if "8000" in link else "/" + link.split("/", 3)[3]


def test_it_prints_a_link_whose_token_is_stored_only_as_a_hash(db):
    result = CliRunner().invoke(main, ["invite", "--role", "clinician", "--expires", "2d"])
    assert result.exit_code == 0, result.output
    link = result.stdout.strip()
    assert link.startswith("http://127.0.0.1:8000/signup/")
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 43  # 32 random bytes, URL-safe base64
    invitation = Invitation.objects.get()
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(list(Invitation.objects.values()))
    assert timedelta(hours=47) < invitation.expires_at - timezone.now() <= timedelta(days=2)


def test_it_uses_the_public_address_on_a_server(db, monkeypatch):
    monkeypatch.setenv("FIBROLOG_PUBLIC_URL", "https://diary.example.org/")
    _, link = invite("person")
    assert link.startswith("https://diary.example.org/signup/")


def test_it_signs_up_once_with_the_invited_role(db):
    _, link = invite("clinician")
    client = Client()
    assert client.get(_path(link)).status_code == 200
    response = client.post(_path(link), NEW)
    assert response.status_code == 302 and response["Location"] == "/clinic/"  # her home
    jo = get_user_model().objects.get(username="jo")
    assert jo.profile.role == "clinician" and jo.check_password(NEW["password"])
    again = Client().post(_path(link), {**NEW, "username": "jo2"})
    assert again.status_code == 404 and not get_user_model().objects.filter(username="jo2")


def test_it_refuses_a_weak_passphrase_and_keeps_the_invitation(db):
    _, link = invite("person")
    response = Client().post(_path(link), {"username": "jo", "password": "too short"})
    assert response.status_code == 200 and Invitation.objects.get().state == "open"


def test_it_refuses_an_expired_or_revoked_link(maya, ada, admin_client):
    _, old = invite("person", timedelta(minutes=5))
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert Client().get(_path(old)).status_code == 404
    page = admin_client.post("/manage/invitations/", {"role": "person", "expires": "7d"})
    link = next(w for w in page.content.decode().split() if "/signup/" in w)
    link = link.split(">", 1)[1].split("<", 1)[0]
    fresh = Invitation.objects.get(expires_at__gt=timezone.now())
    assert fresh.created_by == ada
    admin_client.post(f"/manage/invitations/{fresh.pk}/revoke/")
    assert Client().post(_path(link), NEW).status_code == 404


@pytest.mark.parametrize("text", ["0d", "7", "soon", "-1d", "99999d"])
def test_it_refuses_a_lifetime_it_cannot_read(text):
    with pytest.raises(AccountError):
        parse_lifetime(text)


def test_it_creates_accounts_with_a_role_from_the_command_line(db):
    result = CliRunner().invoke(
        main,
        ["user", "create", "ada", "--role", "admin", "--password-stdin"],
        input="quiet harbour lantern\n",
    )
    assert result.exit_code == 0, result.output
    assert get_user_model().objects.get(username="ada").profile.role == "admin"
    wrong = CliRunner().invoke(main, ["user", "create", "x", "--role", "boss"])
    assert wrong.exit_code == 2
