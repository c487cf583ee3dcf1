"""Which people a clinician may read through the API, found by their opaque Patient id."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fibrolog.archive.export.fhir_resources import patient_id
from fibrolog.sharing.services import people_for

# The shared parts the API serves: the diary (daily values, flares, treatments) and the
# questionnaires (answers and scores). A share of only the report or insights shows nothing.
API_PARTS = ("diary", "questionnaires")


@dataclass(frozen=True)
class Grant:
    """A person the clinician may read now, and which of the API's parts."""

    person: Any
    patient_id: str
    parts: tuple[str, ...]  # in API_PARTS' order

    def covers(self, part: str) -> bool:
        return part in self.parts


def people_of(clinician) -> list[Grant]:
    """Return every person whose share in force covers a part the API serves."""
    grants = []
    for share in people_for(clinician):
        parts = tuple(p for p in API_PARTS if p in share.parts)
        if parts:
            grants.append(Grant(share.person, patient_id(share.person), parts))
    return grants


def find(clinician, wanted: str) -> Grant | None:
    """Return the grant for a Patient id, or None: unknown, never shared, revoked or expired
    all look the same."""
    return next((g for g in people_of(clinician) if g.patient_id == wanted), None)
