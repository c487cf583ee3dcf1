"""Shared personas: the patient (Maya), a stranger (Sam), and anonymous visitors."""

from __future__ import annotations

import pytest
from django.test import Client
from hypothesis import settings

from fibrolog.accounts import middleware
from fibrolog.accounts.services import create_account

PASSPHRASE = "lavender window quietly"

# Properties check answers, not speed: on a busy machine (or with pytest -n) one slow example must
# not fail a test, so no per-example deadline; the number of examples stays Hypothesis's default.
settings.register_profile("fibrolog", deadline=None)
settings.load_profile("fibrolog")


@pytest.fixture(autouse=True)
def _fresh_first_run_flag():
    middleware.forget_users()
    yield
    middleware.forget_users()


@pytest.fixture
def maya(db):
    """The patient: she keeps a daily diary."""
    return create_account("maya", PASSPHRASE)


@pytest.fixture
def sam(db):
    """A stranger with an account of his own."""
    return create_account("sam", PASSPHRASE + " too")


@pytest.fixture
def maya_client(maya) -> Client:
    client = Client()
    client.force_login(maya)
    return client


@pytest.fixture
def sam_client(sam) -> Client:
    client = Client()
    client.force_login(sam)
    return client
