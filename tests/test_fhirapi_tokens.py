"""A clinician makes an API token (shown once, only its hash kept), sees it, and revokes it."""

from __future__ import annotations

import hashlib
import re

from django.test import Client

from fibrolog.archive.export.fhir_resources import patient_id
from fibrolog.audit.models import AuditEntry
from fibrolog.fhirapi.models import ApiToken
from tests.fhirapi_data import shared


def _make(client, label="Clinic EHR"):
    response = client.post("/account/api-tokens/", {"label": label})
    assert response.status_code == 200
    return re.search(r"fl_[A-Za-z0-9_-]{40,}", response.content.decode()).group(0)


def test_it_shows_the_token_once_and_keeps_only_its_hash(clinician_client, dr_chen):
    secret = _make(clinician_client)
    token = ApiToken.objects.get()
    assert token.clinician == dr_chen and token.label == "Clinic EHR"
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(list(ApiToken.objects.values()))
    page = clinician_client.get("/account/api-tokens/").content.decode()
    assert "Clinic EHR" in page and secret not in page and "never" in page
    assert AuditEntry.objects.filter(action="api token", what="created 'Clinic EHR'").exists()


def test_it_lists_when_a_token_was_last_used(maya, dr_chen, clinician_client):
    shared(maya, dr_chen)
    secret = _make(clinician_client)
    api = Client(headers={"Authorization": f"Bearer {secret}"})
    assert api.get(f"/fhir/Patient/{patient_id(maya)}").status_code == 200
    assert ApiToken.objects.get().last_used_at is not None
    page = clinician_client.get("/account/api-tokens/").content.decode()
    assert "never" not in page.split("Your tokens")[1].split("People you can read")[0]
    assert patient_id(maya) in page  # the id to use for Maya


def test_it_stops_a_revoked_token_on_the_next_request(maya, dr_chen, clinician_client):
    shared(maya, dr_chen)
    secret = _make(clinician_client)
    api = Client(headers={"Authorization": f"Bearer {secret}"})
    assert api.get(f"/fhir/Patient/{patient_id(maya)}").status_code == 200
    pk = ApiToken.objects.get().pk
    response = clinician_client.post(f"/account/api-tokens/{pk}/revoke/")
    assert response.status_code == 302 and response["Location"] == "/account/api-tokens/"
    assert api.get(f"/fhir/Patient/{patient_id(maya)}").status_code == 401
    assert not ApiToken.objects.exists()


def test_it_lets_no_other_clinician_revoke_a_token(dr_chen, clinician_client):
    from fibrolog.accounts.services import create_account

    _make(clinician_client)
    other = Client()
    other.force_login(create_account("drlee", "another long pass phrase", role="clinician"))
    pk = ApiToken.objects.get().pk
    assert other.post(f"/account/api-tokens/{pk}/revoke/").status_code == 404
    assert other.get("/account/api-tokens/").content.decode().count("Revoke") == 0
    assert ApiToken.objects.filter(pk=pk).exists()


def test_it_asks_for_a_label(clinician_client):
    response = clinician_client.post("/account/api-tokens/", {"label": ""})
    assert response.status_code == 400 and "This field is required" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_it_keeps_people_admins_and_strangers_off_the_page(client, maya_client, admin_client):
    for visitor in (client, maya_client, admin_client):
        for method, url in (
            ("get", "/account/api-tokens/"),
            ("post", "/account/api-tokens/1/revoke/"),
        ):
            response = getattr(visitor, method)(url)
            assert response.status_code == 302
            assert not response["Location"].startswith("/account/api-tokens")
    assert not ApiToken.objects.exists()
