"""Weak passphrases are refused the same way on the set-up page and on the command line."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from fibrolog.accounts.models import Profile
from fibrolog.cli import main

WEAK = ["alicealice1", "ALICE-alice-2026", "12345678901234", "password1234"]


def _cli(*args: str, secret: str):
    return CliRunner().invoke(main, [*args, "--password-stdin"], input=secret + "\n")


@pytest.mark.parametrize("secret", WEAK)
def test_it_refuses_a_weak_passphrase_on_the_command_line(db, secret):
    result = _cli("user", "create", "alice", secret=secret)
    assert result.exit_code == 1 and "Password:" in result.output
    assert not Profile.objects.exists()


@pytest.mark.parametrize("secret", WEAK)
def test_it_refuses_a_weak_passphrase_on_the_setup_page(client, db, secret):
    response = client.post(
        "/setup/", {"username": "alice", "password": secret}, REMOTE_ADDR="127.0.0.1"
    )
    assert response.status_code != 302
    assert not Profile.objects.exists()


def test_it_refuses_the_name_inside_a_new_passphrase(maya):
    result = _cli("user", "password", "maya", secret="my name is maya, ok")
    assert result.exit_code == 1 and "contains your user name" in result.output


def test_it_takes_a_long_passphrase(db):
    assert _cli("user", "create", "alice", secret="quiet orange lanterns").exit_code == 0
