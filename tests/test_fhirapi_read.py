"""The API's Patient, $everything and CapabilityStatement validate, and are the export's
resources: same ids, same values, only the references point at the server."""

from __future__ import annotations

import json

from django.test import Client
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.capabilitystatement import CapabilityStatement
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.patient import Patient

from fibrolog.archive.export.fhir_bundle import resources as export_resources
from fibrolog.archive.export.fhir_resources import patient_id
from tests.archive_data import fill
from tests.fhirapi_data import api_client, shared


def _as_urns(resource):
    """Rewrite `Type/<id>` references as the file's `urn:uuid:<id>`."""
    text = json.dumps(resource)
    for kind in ("Patient", "Observation", "QuestionnaireResponse"):
        text = text.replace(f'"reference": "{kind}/', '"reference": "urn:uuid:')
    return json.loads(text)


def test_it_describes_itself_without_a_token(client):
    response = client.get("/fhir/metadata")
    assert response.status_code == 200 and response["Content-Type"] == "application/fhir+json"
    statement = CapabilityStatement.model_validate_json(response.content)
    assert statement.fhirVersion == "4.0.1"
    kinds = {r.type: r for r in statement.rest[0].resource}
    assert set(kinds) == {"Patient", "Observation"}
    assert {p.name for p in kinds["Observation"].searchParam} >= {"patient", "code", "date"}
    assert "Bearer" in statement.rest[0].security.description


def test_it_reads_the_patient_by_the_exports_opaque_id(maya, dr_chen):
    shared(maya, dr_chen)
    pid = patient_id(maya)
    assert pid != str(maya.pk) and "maya" not in pid
    response = api_client(dr_chen).get(f"/fhir/Patient/{pid}")
    assert response.status_code == 200 and response["Content-Type"] == "application/fhir+json"
    patient = Patient.model_validate_json(response.content)
    (exported,) = [r for r in export_resources(maya) if r["resourceType"] == "Patient"]
    assert patient.id == exported["id"] == pid
    assert json.loads(response.content) == exported


def test_it_serves_everything_as_the_export_has_it(maya, dr_chen):
    fill(maya)
    shared(maya, dr_chen)
    response = api_client(dr_chen).get(f"/fhir/Patient/{patient_id(maya)}/$everything")
    assert response.status_code == 200
    bundle = Bundle.model_validate_json(response.content)
    kinds = {type(e.resource).__name__ for e in bundle.entry}
    assert kinds == {"Patient", "Observation", "QuestionnaireResponse", "MedicationStatement"}
    assert type(bundle.entry[0].resource).__name__ == "Patient"
    served = {e["resource"]["id"]: e["resource"] for e in json.loads(response.content)["entry"]}
    exported = {r["id"]: r for r in export_resources(maya)}
    assert bundle.total == len(served) == len(exported)
    assert {k: _as_urns(v) for k, v in served.items()} == exported


def test_it_pages_everything_too(maya, dr_chen):
    fill(maya)
    shared(maya, dr_chen)
    client = api_client(dr_chen)
    url, seen = f"/fhir/Patient/{patient_id(maya)}/$everything?_count=7", []
    while url:
        bundle = Bundle.model_validate_json(client.get(url).content)
        seen += [e.resource.id for e in bundle.entry]
        url = next((link.url for link in bundle.link if link.relation == "next"), None)
    assert sorted(seen) == sorted(r["id"] for r in export_resources(maya))


def test_it_leaves_out_the_questionnaires_when_only_the_diary_is_shared(maya, dr_chen):
    fill(maya)
    shared(maya, dr_chen, parts=("diary",))
    response = api_client(dr_chen).get(f"/fhir/Patient/{patient_id(maya)}/$everything")
    bundle = Bundle.model_validate_json(response.content)
    kinds = {type(e.resource).__name__ for e in bundle.entry}
    assert kinds == {"Patient", "Observation", "MedicationStatement"}
    assert not any(getattr(e.resource, "derivedFrom", None) for e in bundle.entry)
    phq9 = f"/fhir/Observation?patient={patient_id(maya)}&code=44261-6"
    assert Bundle.model_validate_json(api_client(dr_chen).get(phq9).content).total == 0


def test_it_answers_an_unknown_path_and_a_write_with_an_outcome(maya, dr_chen):
    shared(maya, dr_chen)
    client = api_client(dr_chen)
    missing = client.get("/fhir/Condition")
    assert missing.status_code == 404
    OperationOutcome.model_validate_json(missing.content)
    for method in ("post", "put", "delete"):
        response = getattr(client, method)(f"/fhir/Patient/{patient_id(maya)}")
        assert response.status_code == 405 and response["Allow"] == "GET, HEAD"
        OperationOutcome.model_validate_json(response.content)


def test_it_does_not_redirect_the_api_to_set_up_on_a_fresh_laptop(db):
    response = Client().get("/fhir/metadata")
    assert response.status_code == 200
    assert Client().get("/fhir/Patient/x").status_code == 401
