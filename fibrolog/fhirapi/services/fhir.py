"""The API's own resources: searchset Bundles, OperationOutcomes, the CapabilityStatement."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from fibrolog.fhirapi.services.search import DEFAULT_COUNT, MAX_COUNT, Page

FHIR_VERSION = "4.0.1"
CONTENT_TYPE = "application/fhir+json"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def searchset(page: Page, base: str, self_url: str, next_url: str | None) -> dict[str, Any]:
    """Return a searchset Bundle of one page, with the total and self/next links."""
    links = [{"relation": "self", "url": self_url}]
    if next_url:
        links.append({"relation": "next", "url": next_url})
    return {
        "resourceType": "Bundle",
        "id": str(uuid.uuid4()),
        "meta": {"lastUpdated": _now()},
        "type": "searchset",
        "total": page.total,
        "link": links,
        "entry": [
            {
                "fullUrl": f"{base}/{r['resourceType']}/{r['id']}",
                "resource": r,
                "search": {"mode": "match"},
            }
            for r in page.items
        ],
    }


ISSUE_CODES = {400: "invalid", 401: "login", 404: "not-found", 405: "not-supported"}


def outcome(status: int, message: str) -> dict[str, Any]:
    """Return an OperationOutcome with one error issue."""
    issue = {"severity": "error", "code": ISSUE_CODES.get(status, "processing")}
    return {"resourceType": "OperationOutcome", "issue": [{**issue, "diagnostics": message}]}


def capability(base: str, version: str) -> dict[str, Any]:
    """Return the CapabilityStatement: what this server reads, and how to authenticate."""
    token = {"type": "token", "documentation": "system|code, |code or code; commas mean or"}
    when = {"type": "date", "documentation": "eq, ne, gt, lt, ge, le with YYYY[-MM[-DD]]"}
    count = f"_count: up to {MAX_COUNT} per page (default {DEFAULT_COUNT}); follow next links"
    return {
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": _now()[:10],
        "publisher": "fibrolog",
        "kind": "instance",
        "software": {"name": "fibrolog", "version": version},
        "implementation": {"description": "fibrolog FHIR read API", "url": base},
        "fhirVersion": FHIR_VERSION,
        "format": ["json"],
        "rest": [
            {
                "mode": "server",
                "documentation": "Read-only. Only people who shared their diary or "
                "questionnaires with the token's clinician are found. " + count,
                "security": {
                    "cors": False,
                    "description": "Authorization: Bearer <API token>, made on "
                    "/account/api-tokens/ by a clinician.",
                },
                "resource": [
                    {
                        "type": "Patient",
                        "interaction": [{"code": "read"}],
                        "operation": [
                            {
                                "name": "everything",
                                "definition": "http://hl7.org/fhir/OperationDefinition/"
                                "Patient-everything",
                            }
                        ],
                    },
                    {
                        "type": "Observation",
                        "interaction": [{"code": "search-type"}],
                        "searchParam": [
                            {"name": "patient", "type": "reference"},
                            {"name": "subject", "type": "reference"},
                            {"name": "code", **token},
                            {"name": "date", **when},
                        ],
                    },
                ],
            }
        ],
    }
