"""The Today page's panel from the clinic: questionnaires a clinician asked for, plans proposed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ClinicPanel:
    due: list
    proposals: list


def clinic(user: Any, page: Any) -> object:
    """Return what the person's clinicians asked for (None when nothing waits, or not today)."""
    from fibrolog.clinic.services.requests import due_requests, pending_proposals

    if page.day != page.today or page.bad_day:
        return None
    panel = ClinicPanel(due_requests(user, page.today), pending_proposals(user))
    return panel if panel.due or panel.proposals else None


def register_panels() -> None:
    """Add the clinic's panel to the check-in page, and its asks to the questionnaires' due list."""
    from fibrolog.diary import panels
    from fibrolog.questionnaires import requested

    panels.register("clinic", clinic)
    requested.register(asked)


def asked(user: Any, today: Any) -> dict[str, str]:
    """Return the questionnaires a clinician asked for that are due: name -> who asked."""
    from fibrolog.clinic.services.requests import due_requests

    return {d.request.instrument: d.asked_by for d in due_requests(user, today)}
