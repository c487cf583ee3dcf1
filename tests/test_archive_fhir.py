"""The FHIR R4 export validates, codes with LOINC and UCUM, and names nobody unless asked."""

import json
from datetime import UTC, datetime

from click.testing import CliRunner
from fhir.resources.R4B.bundle import Bundle

from fibrolog.archive.export.fhir_bundle import bundle
from fibrolog.cli import main
from tests.archive_data import fill

LOINC = "http://loinc.org"


def _resources(doc, kind):
    return [e["resource"] for e in doc["entry"] if e["resource"]["resourceType"] == kind]


def _codes(resource):
    return {(c["system"], c["code"]) for c in resource["code"]["coding"]}


def test_it_builds_a_bundle_that_fhir_resources_validates(maya):
    fill(maya)
    doc = bundle(maya)
    parsed = Bundle.model_validate(doc)
    assert parsed.type == "collection"
    kinds = {type(e.resource).__name__ for e in parsed.entry}
    assert kinds == {"Patient", "Observation", "QuestionnaireResponse", "MedicationStatement"}


def test_it_gives_the_patient_only_an_id_unless_a_name_is_chosen(maya):
    fill(maya, secret="private")
    (patient,) = _resources(bundle(maya), "Patient")
    assert set(patient) == {"resourceType", "id"}
    assert "maya" not in json.dumps(bundle(maya)).lower()  # not even her user name
    (named,) = _resources(bundle(maya, name="Maya Jones"), "Patient")
    assert named["name"] == [{"text": "Maya Jones"}]


def test_it_codes_daily_pain_with_loinc_and_own_metrics_with_the_project_system(maya):
    fill(maya)
    observations = _resources(bundle(maya), "Observation")
    pain = next(o for o in observations if (LOINC, "72514-3") in _codes(o))
    assert pain["valueQuantity"]["system"] == "http://unitsofmeasure.org"
    assert pain["valueQuantity"]["code"] == "{score}"
    assert pain["effectiveDateTime"] == "2026-01-05" and pain["valueQuantity"]["value"] == 0.5
    knee = next(o for o in observations if o["code"]["text"] == "maya-secret knee")
    assert _codes(knee) == {("https://fibrolog.org/fhir/CodeSystem/metric", "maya_secret_knee")}


def test_it_exports_questionnaires_with_item_keys_and_loinc_scores(maya):
    fill(maya)
    doc = bundle(maya)
    responses = _resources(doc, "QuestionnaireResponse")
    phq9 = next(r for r in responses if r["questionnaire"].endswith("/phq9"))
    assert phq9["status"] == "completed"
    assert [i["linkId"] for i in phq9["item"]] == [f"q{n}" for n in range(1, 10)]
    peg = next(r for r in responses if r["questionnaire"].endswith("/peg"))
    assert peg["status"] == "in-progress"
    observations = _resources(doc, "Observation")
    total = next(o for o in observations if (LOINC, "44261-6") in _codes(o))
    assert total["valueQuantity"]["value"] == 9 and total["interpretation"] == [{"text": "mild"}]
    assert total["derivedFrom"] == [{"reference": f"urn:uuid:{phq9['id']}"}]
    items = [c for c in total["component"] if (LOINC, "44250-9") in _codes(c)]
    assert items[0]["valueInteger"] == 1
    panel = next(o for o in observations if (LOINC, "44249-1") in _codes(o))
    assert panel["hasMember"] == [{"reference": f"urn:uuid:{total['id']}"}]


def test_it_states_each_medication_regimen_with_dose_and_period(maya):
    fill(maya)
    statements = _resources(bundle(maya), "MedicationStatement")
    assert [s["medicationCodeableConcept"]["text"] for s in statements] == ["LDN", "LDN"]
    first, second = statements
    assert first["effectivePeriod"] == {"start": "2026-01-05", "end": "2026-01-08"}
    assert first["status"] == "completed" and second["status"] == "active"
    dose = second["dosage"][0]["doseAndRate"][0]["doseQuantity"]
    assert dose == {"value": 4.5, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"}


def test_it_differs_between_two_exports_only_in_the_timestamp(maya):
    fill(maya)
    first = bundle(maya, exported_at=datetime(2026, 1, 1, tzinfo=UTC))
    second = bundle(maya, exported_at=datetime(2026, 2, 1, tzinfo=UTC))
    assert first.pop("timestamp") != second.pop("timestamp")
    assert first == second


def test_it_writes_the_bundle_from_the_command_line(maya, tmp_path):
    fill(maya)
    out = tmp_path / "maya.fhir.json"
    result = CliRunner().invoke(main, ["export", "--format", "fhir", "--out", str(out)])
    assert result.exit_code == 0 and "FHIR R4 Bundle" in result.output
    Bundle.model_validate(json.loads(out.read_text()))
