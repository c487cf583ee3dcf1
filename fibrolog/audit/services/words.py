"""Say an audit entry in plain words, for the person's page and the command line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

ACTIONS = {
    "view": "looked at",
    "share": "shared",
    "revoke": "stopped sharing",
    "export": "downloaded",
    "login": "logged in",
    "login failed": "failed to log in",
    "api": "read through the API",
}
ROLES = {"person": "person", "clinician": "clinician", "admin": "admin"}


@dataclass(frozen=True)
class Line:
    """One row of "who looked at my data"."""

    seq: int
    when: datetime
    who: str
    role: str
    action: str
    what: str
    address: str

    def as_json(self) -> dict[str, object]:
        return {
            "seq": self.seq,
            "when": self.when.isoformat(),
            "who": self.who,
            "role": self.role,
            "action": self.action,
            "what": self.what,
            "address": self.address,
        }

    @property
    def doing(self) -> str:
        """Return the action as a verb ("looked at"), or the stored word when it is new."""
        return ACTIONS.get(self.action, self.action)


def line(entry, person=None) -> Line:
    """Return the entry as a Line; the person's own actions say "you"."""
    if person is not None and entry.actor_id == person.pk:
        who = "you"
    else:
        who = entry.actor_name or "someone (no account)"
    return Line(
        seq=entry.seq,
        when=entry.at,
        who=who,
        role=ROLES.get(entry.actor_role, ""),
        action=entry.action,
        what=entry.what,
        address=entry.address,
    )
