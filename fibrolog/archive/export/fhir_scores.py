"""Score Observations for a completed questionnaire: the total, its items, and the panel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fibrolog.archive.export import fhir_codes as codes
from fibrolog.instruments import Instrument


def _coding(loinc: str | None, code: str, display: str) -> list[dict[str, str]]:
    own = {"system": codes.SCORE_SYSTEM, "code": code, "display": display}
    return ([{"system": codes.LOINC, "code": loinc}] if loinc else []) + [own]


def _urn(kind: str, resource_id: str) -> dict[str, str]:
    return {"reference": f"urn:uuid:{resource_id}"}


def score_resources(
    instrument: Instrument,
    response,
    response_id: str,
    ids,
    subject: dict[str, str],
    link: Callable[[str, str], dict[str, str]] = _urn,
) -> list[dict[str, Any]]:
    """Return the total-score Observation (and a panel Observation where LOINC has a panel)."""
    known = set(instrument.keys)
    result = instrument.score({k: v for k, v in response.answers.items() if k in known})
    if result.total is None:
        return []
    name = instrument.name
    components: list[dict[str, Any]] = []
    for sub, value in result.subscores.items():
        if value is not None:
            code = {"coding": _coding(None, f"{name}.{sub}", f"{instrument.title}: {sub}")}
            components.append({"code": code, "valueQuantity": _score(value)})
    if result.meets_criteria is not None:
        code = {"coding": _coding(None, f"{name}.meets_thresholds", "Meets criteria thresholds")}
        components.append({"code": code, "valueBoolean": result.meets_criteria})
    for item in instrument.items:
        answer = response.answers.get(item.key)
        if answer is not None:
            code = {"coding": _coding(item.loinc, f"{name}.{item.key}", item.text)}
            components.append({"code": code, "valueInteger": int(answer)})
    total_id = ids("score", response_id)
    total: dict[str, Any] = {
        "resourceType": "Observation",
        "id": total_id,
        "status": "final",
        "category": [{"coding": [{"system": codes.CATEGORY, "code": "survey"}]}],
        "code": {
            "coding": _coding(instrument.loinc_total, f"{name}.total", f"{instrument.title} total"),
            "text": f"{instrument.title} total score",
        },
        "subject": subject,
        "effectiveDateTime": response.day.isoformat(),
        "valueQuantity": _score(result.total),
        "derivedFrom": [link("QuestionnaireResponse", response_id)],
        "note": [{"text": result.wording}],
    }
    if result.band:
        total["interpretation"] = [{"text": result.band}]
    if components:
        total["component"] = components
    out = [total]
    if instrument.loinc:
        out.append(
            {
                "resourceType": "Observation",
                "id": ids("panel", response_id),
                "status": "final",
                "category": total["category"],
                "code": {
                    "coding": [{"system": codes.LOINC, "code": instrument.loinc}],
                    "text": f"{instrument.title} panel",
                },
                "subject": subject,
                "effectiveDateTime": response.day.isoformat(),
                "hasMember": [link("Observation", total_id)],
                "derivedFrom": [link("QuestionnaireResponse", response_id)],
            }
        )
    return out


def _score(value: float) -> dict[str, Any]:
    number = int(value) if float(value).is_integer() else float(value)
    return {"value": number, "unit": "score", "system": codes.UCUM, "code": "{score}"}
