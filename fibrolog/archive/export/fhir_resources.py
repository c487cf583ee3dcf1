"""A person's FHIR R4 resources, shared by the file export and the FHIR API (fibrolog.fhirapi).

Plain dicts built from the declarations (metrics, instruments, treatments); the tests validate
every resource with the fhir.resources package. Ids are derived from the data and a key of
this installation (never a database key), so the file and the API name each resource the same,
and two exports of the same data are identical. Only the way one resource points at another
differs: `urn:uuid:<id>` inside a file's Bundle, `<Type>/<id>` on the API.
"""

from __future__ import annotations

import hashlib
import hmac
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date
from typing import Any

from django.conf import settings

from fibrolog import instruments
from fibrolog.archive.export import fhir_codes as codes
from fibrolog.archive.export.fhir_scores import score_resources
from fibrolog.diary.models import DailyValue, Flare
from fibrolog.questionnaires.models import Response
from fibrolog.treatments.models import Regimen

SOURCE_SYSTEM = "https://fibrolog.org/fhir/CodeSystem/source"

# (resource type, id) -> a Reference
Link = Callable[[str, str], dict[str, str]]


def urn(kind: str, resource_id: str) -> dict[str, str]:
    """Point at a resource in the same file Bundle (its fullUrl is urn:uuid:<id>)."""
    return {"reference": f"urn:uuid:{resource_id}"}


def relative(kind: str, resource_id: str) -> dict[str, str]:
    """Point at a resource on the same FHIR server."""
    return {"reference": f"{kind}/{resource_id}"}


class Ids:
    """Stable resource ids: a keyed hash, so an id reveals nothing about the person."""

    def __init__(self, user) -> None:
        secret = str(settings.SECRET_KEY).encode()
        digest = hmac.new(secret, user.get_username().encode(), hashlib.sha256).hexdigest()
        self.space = uuid.UUID(digest[:32])

    def __call__(self, *parts: object) -> str:
        return str(uuid.uuid5(self.space, "/".join(map(str, parts))))


def patient_id(user) -> str:
    """Return the person's Patient id: the same in every export and on the API."""
    return Ids(user)("patient")


@dataclass(frozen=True)
class Source:
    """Whose resources, how they point at each other, and an optional day range to read."""

    user: Any
    link: Link = urn
    since: date | None = None
    until: date | None = None

    @property
    def ids(self) -> Ids:
        return Ids(self.user)

    @property
    def subject(self) -> dict[str, str]:
        return self.link("Patient", patient_id(self.user))


def patient(src: Source, *, name: str = "") -> dict[str, Any]:
    """Return the Patient: an id, and a name only when one is given."""
    out: dict[str, Any] = {"resourceType": "Patient", "id": patient_id(src.user)}
    if name.strip():
        out["name"] = [{"text": name.strip()}]
    return out


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else float(value)


def _category(code: str) -> dict[str, Any]:
    return {"coding": [{"system": codes.CATEGORY, "code": code}]}


def daily(src: Source) -> list[dict[str, Any]]:
    """Return one Observation per (day, metric): the value that counts for the day."""
    rows = DailyValue.objects.for_user(src.user).preferred()
    if src.since:
        rows = rows.filter(day__gte=src.since)
    if src.until:
        rows = rows.filter(day__lte=src.until)
    ids, subject = src.ids, src.subject
    fields = ("day", "source", "value", "metric__key", "metric__name", "metric__unit")
    out = []
    # Plain tuples, not model instances: a year of check-ins is thousands of rows.
    for day, source, value, key, name, unit in rows.order_by("day", "metric__key").values_list(
        *fields
    ):
        coding = [{"system": codes.METRIC_SYSTEM, "code": key, "display": name}]
        if key in codes.METRIC_LOINC:
            code, display = codes.METRIC_LOINC[key]
            coding.insert(0, {"system": codes.LOINC, "code": code, "display": display})
        out.append(
            {
                "resourceType": "Observation",
                "id": ids("value", day, key),
                "meta": {"tag": [{"system": SOURCE_SYSTEM, "code": source}]},
                "status": "final",
                "category": [_category(codes.category(key))],
                "code": {"coding": coding, "text": name},
                "subject": subject,
                "effectiveDateTime": day.isoformat(),
                "valueQuantity": {"value": _number(value), **codes.unit(unit)},
            }
        )
    return out


def flares(src: Source) -> list[dict[str, Any]]:
    """Return one Observation per flare, over its period."""
    rows = Flare.objects.filter(user=src.user)
    if src.since:
        rows = rows.filter(end__gte=src.since)
    if src.until:
        rows = rows.filter(start__lte=src.until)
    ids, subject = src.ids, src.subject
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
        for f in rows.order_by("start")
    ]


def responses(src: Source) -> list[dict[str, Any]]:
    """Return each QuestionnaireResponse, followed by its score Observations when completed.

    With a day range, only responses of a day in it (so only scored ones) are read.
    """
    rows = Response.objects.filter(user=src.user)
    if src.since:
        rows = rows.filter(day__gte=src.since)
    if src.until:
        rows = rows.filter(day__lte=src.until)
    ids, subject = src.ids, src.subject
    out: list[dict[str, Any]] = []
    for r in rows.order_by("started_at", "instrument"):
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
            out += score_resources(instrument, r, response["id"], ids, subject, src.link)
    return out


def medications(src: Source) -> list[dict[str, Any]]:
    """Return one MedicationStatement per regimen of a medication or supplement."""
    ids, subject = src.ids, src.subject
    out = []
    regimens = Regimen.objects.filter(
        treatment__user=src.user, treatment__kind__in=codes.MEDICATION_KINDS
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
