"""Only a clinician's token, with the person's consent in force, opens the API: everything else
is a 401 (no token) or a 404 that looks exactly like a Patient that does not exist. Every read
is in the person's audit trail."""

from __future__ import annotations

import pytest
from django.test import Client
from fhir.resources.R4B.operationoutcome import OperationOutcome

from fibrolog.accounts.services import create_account
from fibrolog.archive.export.fhir_resources import patient_id
from fibrolog.audit.models import AuditEntry
from fibrolog.audit.services import entries_for, verify
from fibrolog.sharing.models import Share
from fibrolog.sharing.services import revoke
from tests.archive_data import fill
from tests.conftest import PASSPHRASE
from tests.fhirapi_data import api_client, shared


def _urls(person):
    pid = patient_id(person)
    return [
        f"/fhir/Patient/{pid}",
        f"/fhir/Observation?patient={pid}",
        f"/fhir/Patient/{pid}/$everything",
    ]


def _outcome(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == "application/fhir+json"
    return OperationOutcome.model_validate_json(response.content)


@pytest.fixture
def dr_lee(db):
    """Another clinician, whom Maya never asked."""
    return create_account("drlee", PASSPHRASE + " lee", role="clinician")


def test_it_asks_for_a_token_with_www_authenticate(maya, dr_chen):
    shared(maya, dr_chen)
    for url in _urls(maya):
        _outcome(Client().get(url), 401)
        assert Client().get(url)["WWW-Authenticate"].startswith("Bearer")
        bad = Client(headers={"Authorization": "Bearer fl_not-a-token"}).get(url)
        _outcome(bad, 401)
        assert 'error="invalid_token"' in bad["WWW-Authenticate"]
        basic = Client(headers={"Authorization": "Basic bWF5YTpwdw=="}).get(url)
        _outcome(basic, 401)


def test_it_refuses_every_session_cookie(maya, dr_chen, ada, maya_client, clinician_client):
    shared(maya, dr_chen)
    admin = Client()
    admin.force_login(ada)
    for client in (maya_client, clinician_client, admin):
        for url in _urls(maya):
            _outcome(client.get(url), 401)


def _not_found_like_a_missing_patient(client, person):
    missing = client.get("/fhir/Patient/00000000-0000-5000-8000-000000000000")
    for url in _urls(person):
        response = client.get(url)
        _outcome(response, 404)
        assert response.content == missing.content


def test_it_finds_nobody_without_consent(maya, dr_chen):
    fill(maya)
    _not_found_like_a_missing_patient(api_client(dr_chen), maya)


def test_it_finds_nobody_after_revocation_on_the_next_request(maya, dr_chen):
    shared(maya, dr_chen)
    client = api_client(dr_chen)
    assert client.get(_urls(maya)[0]).status_code == 200
    revoke(maya, dr_chen)
    _not_found_like_a_missing_patient(client, maya)


def test_it_finds_nobody_once_the_share_expired(maya, dr_chen):
    from django.utils import timezone

    shared(maya, dr_chen)
    Share.objects.update(expires_at=timezone.now())
    _not_found_like_a_missing_patient(api_client(dr_chen), maya)


def test_it_finds_nobody_on_a_share_of_only_the_report(maya, dr_chen):
    shared(maya, dr_chen, parts=("report", "insights"))
    _not_found_like_a_missing_patient(api_client(dr_chen), maya)


def test_it_keeps_one_clinicians_people_from_another(maya, sam, dr_chen, dr_lee):
    shared(maya, dr_chen)
    shared(sam, dr_lee)
    _not_found_like_a_missing_patient(api_client(dr_chen), sam)
    _not_found_like_a_missing_patient(api_client(dr_lee), maya)


def test_it_stops_a_token_when_its_clinician_is_deactivated(maya, dr_chen):
    shared(maya, dr_chen)
    client = api_client(dr_chen)
    dr_chen.is_active = False
    dr_chen.save()
    _outcome(client.get(_urls(maya)[0]), 401)


def test_it_opens_nothing_but_the_api_with_a_token(maya, dr_chen):
    shared(maya, dr_chen)
    client = api_client(dr_chen)
    for url in ("/account/", "/account/api-tokens/", "/today/", "/report/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_it_audits_every_read_in_the_persons_trail(maya, dr_chen):
    fill(maya)
    shared(maya, dr_chen)
    client = api_client(dr_chen)
    before = AuditEntry.objects.filter(subject=maya, action="fhir read").count()
    pid = patient_id(maya)
    client.get(f"/fhir/Patient/{pid}", REMOTE_ADDR="203.0.113.9")
    client.get(f"/fhir/Observation?patient={pid}&code=72514-3&_count=2", REMOTE_ADDR="203.0.113.9")
    client.get(f"/fhir/Patient/{pid}/$everything")
    client.get(f"/fhir/Observation?subject=Patient/{pid}&code=http://loinc.org|44261-6")
    client.get("/fhir/metadata")
    reads = [e for e in entries_for(maya) if e.action == "fhir read"]
    assert before == 0 and len(reads) == 4
    what = [e.what for e in reversed(reads)]
    assert what == [
        "Patient",
        "Observation?code=72514-3&_count=2",
        "Patient/$everything",
        "Observation?code=http://loinc.org|44261-6",
    ]
    assert {e.actor_name for e in reads} == {"drchen"}
    assert reads[-2].address == "203.0.113.9"
    assert verify() == []


def test_it_audits_no_read_that_was_refused(maya, dr_chen):
    fill(maya)
    client = api_client(dr_chen)
    for url in _urls(maya):
        client.get(url)
        Client().get(url)
    assert not AuditEntry.objects.filter(subject=maya).exists()


def test_it_sends_no_api_call_to_two_factor_set_up_on_a_server(maya, dr_chen, monkeypatch):
    monkeypatch.setenv("FIBROLOG_PUBLIC_URL", "https://clinic.example")
    shared(maya, dr_chen)
    client = api_client(dr_chen)
    client.force_login(dr_chen)  # a session that has not set up two-factor, sent along
    assert client.get("/account/api-tokens/")["Location"] == "/account/two-factor/"
    response = client.get(_urls(maya)[0])
    assert response.status_code == 200 and response["Content-Type"] == "application/fhir+json"
