"""Build a FHIR R4 Bundle (type collection) of a person's diary, questionnaires and treatments.

Plain dicts built from the declarations (metrics, instruments, treatments); the tests validate
every resource with the fhir.resources package. Ids are derived from the data and a key of
this installation, so two exports of the same data are identical except the timestamp.
"""

from __future__ import annotations

import hashlib
import hmac
import uuid
from datetime import UTC, datetime
from typing import Any

from django.conf import settings

from fibrolog import instruments
from fibrolog.archive.export import fhir_codes as codes
from fibrolog.archive.export.fhir_scores import score_resources
from fibrolog.diary.models import DailyValue, Flare
from fibrolog.questionnaires.models import Response
from fibrolog.treatments.models import Regimen

SOURCE_SYSTEM = "https://fibrolog.org/fhir/CodeSystem/source"


class Ids:
    """Stable resource ids: a keyed hash, so an id reveals nothing about the person."""

    def __init__(self, user) -> None:
        secret = str(settings.SECRET_KEY).encode()
        digest = hmac.new(secret, user.get_username().encode(), hashlib.sha256).hexdigest()
        self.space = uuid.UUID(digest[:32])

    def __call__(self, *parts: object) -> str:
        return str(uuid.uuid5(self.space, "/".join(map(str, parts))))


def entry(resource: dict[str, Any]) -> dict[str, Any]:
    """Return a Bundle entry for `resource`."""
    return {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}


def ref(resource_id: str) -> dict[str, str]:
    """Return a reference to a resource in the same Bundle."""
    return {"reference": f"urn:uuid:{resource_id}"}


def bundle(user, *, name: str = "", exported_at: datetime | None = None) -> dict[str, Any]:
    """Return the Bundle; the Patient carries a name only when `name` is given."""
    ids = Ids(user)
    patient: dict[str, Any] = {"resourceType": "Patient", "id": ids("patient")}
    if name.strip():
        patient["name"] = [{"text": name.strip()}]
    subject = ref(patient["id"])
    resources = [patient, *_daily(user, ids, subject), *_flares(user, ids, subject)]
    resources += _responses(user, ids, subject)
    resources += _medications(user, ids, subject)
    moment = (exported_at or datetime.now(UTC)).astimezone(UTC)
    return {
        "resourceType": "Bundle",
        "id": ids("bundle"),
        "type": "collection",
        "timestamp": moment.isoformat(timespec="seconds").replace("+00:00", "Z"),
        "entry": [entry(r) for r in resources],
    }


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else float(value)


def _daily(user, ids: Ids, subject: dict[str, str]) -> list[dict[str, Any]]:
    rows = DailyValue.objects.for_user(user).preferred().select_related("metric")
    out = []
    for row in rows.order_by("day", "metric__key"):
        day, metric = row.day, row.metric
        key = metric.key
        coding = [{"system": codes.METRIC_SYSTEM, "code": key, "display": metric.name}]
        if key in codes.METRIC_LOINC:
            code, display = codes.METRIC_LOINC[key]
            coding.insert(0, {"system": codes.LOINC, "code": code, "display": display})
        out.append(
            {
                "resourceType": "Observation",
                "id": ids("value", day, key),
                "meta": {"tag": [{"system": SOURCE_SYSTEM, "code": row.source}]},
                "status": "final",
                "category": [_category(codes.category(key))],
                "code": {"coding": coding, "text": metric.name},
                "subject": subject,
                "effectiveDateTime": day.isoformat(),
                "valueQuantity": {"value": _number(row.value), **codes.unit(metric.unit)},
            }
        )
    return out


def _category(code: str) -> dict[str, Any]:
    return {"coding": [{"system": codes.CATEGORY, "code": code}]}


def _flares(user, ids: Ids, subject: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {
            "resourceType": "Observation",
            "id": ids("flare", f.start),
            "status": "final",
            "category": [_category("survey")],
            "code": {
                "coding": [{"system": codes.METRIC_SYSTEM, "code": "flare", "display": "Flare"}],
                "text": "Flare (severity 1 mild, 2 moderate, 3 severe)",
            },
            "subject": subject,
            "effectivePeriod": {"start": f.start.isoformat(), "end": f.end.isoformat()},
            "valueInteger": f.severity,
        }
        for f in Flare.objects.filter(user=user).order_by("start")
    ]


def _responses(user, ids: Ids, subject: dict[str, str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for r in Response.objects.filter(user=user).order_by("started_at", "instrument"):
        try:
            instrument = instruments.get(r.instrument)
        except LookupError:
            continue
        items = []
        for item in instrument.items:
            answer = r.answers.get(item.key)
            if answer is None:
                continue
            value = {"valueBoolean": bool(answer)} if item.boolean else {"valueInteger": answer}
            items.append({"linkId": item.key, "text": item.text, "answer": [value]})
        response = {
            "resourceType": "QuestionnaireResponse",
            "id": ids("response", r.instrument, r.started_at.isoformat()),
            "questionnaire": codes.QUESTIONNAIRE_BASE + instrument.name,
            "status": "completed" if r.completed_at else "in-progress",
            "subject": subject,
            "authored": (r.completed_at or r.started_at).astimezone(UTC).isoformat(),
            "item": items,
        }
        if not items:
            del response["item"]
        out.append(response)
        if r.completed_at and r.day:
            out += score_resources(instrument, r, response["id"], ids, subject)
    return out


def _medications(user, ids: Ids, subject: dict[str, str]) -> list[dict[str, Any]]:
    out = []
    regimens = Regimen.objects.filter(
        treatment__user=user, treatment__kind__in=codes.MEDICATION_KINDS
    ).select_related("treatment")
    for regimen in regimens.order_by("treatment__name", "start"):
        t = regimen.treatment
        concept: dict[str, Any] = {"text": t.name}
        if t.key:
            concept["coding"] = [{"system": codes.TREATMENT_SYSTEM, "code": t.key}]
        period = {"start": regimen.start.isoformat()}
        if regimen.stop:
            period["end"] = regimen.stop.isoformat()
        statement: dict[str, Any] = {
            "resourceType": "MedicationStatement",
            "id": ids("regimen", t.name, regimen.start),
            "status": "completed" if regimen.stop else "active",
            "medicationCodeableConcept": concept,
            "subject": subject,
            "effectivePeriod": period,
        }
        if regimen.dose is not None:
            dose = {"value": _number(float(regimen.dose)), **codes.unit(t.unit)}
            statement["dosage"] = [
                {"text": regimen.label(), "doseAndRate": [{"doseQuantity": dose}]}
            ]
        if regimen.note:
            statement["note"] = [{"text": regimen.note}]
        out.append(statement)
    return out


def write_fhir(user, path, *, name: str = "") -> int:
    """Write the Bundle as JSON to `path` and return the number of resources."""
    import json

    from fibrolog.archive.export.document import write_private

    doc = bundle(user, name=name)
    write_private(path, (json.dumps(doc, indent=1, ensure_ascii=False) + "\n").encode("utf-8"))
    return len(doc["entry"])
