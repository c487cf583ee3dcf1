"""Shared personas: the patient (Maya), a stranger (Sam), a clinician (Dr Chen), the admin (Ada)."""

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


@pytest.fixture
def dr_chen(db):
    """A clinician: sees only what people share with her (nothing yet)."""
    return create_account("drchen", PASSPHRASE + " clinic", role="clinician")


@pytest.fixture
def ada(db):
    """The admin: manages accounts and invitations, sees no health data."""
    return create_account("ada", PASSPHRASE + " admin", role="admin")


@pytest.fixture
def clinician_client(dr_chen) -> Client:
    client = Client()
    client.force_login(dr_chen)
    return client


@pytest.fixture
def admin_client(ada) -> Client:
    client = Client()
    client.force_login(ada)
    return client


@pytest.fixture(scope="session")
def dask_client():
    """One small Dask cluster for the session (two worker threads): quick to start."""
    from fibrolog.cohort.engine import connect

    with connect(workers=2, processes=False) as client:
        yield client
