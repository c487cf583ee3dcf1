"""Share, revoke, and the one question every clinician-facing read asks: may they see it?"""

from __future__ import annotations

from fibrolog.sharing.services.codes import new_code, open_codes, redeem, share_by_code
from fibrolog.sharing.services.shares import (
    SharingError,
    active_share,
    can_see,
    clinicians,
    history,
    people_for,
    revoke,
    share,
)

__all__ = [
    "SharingError",
    "active_share",
    "can_see",
    "clinicians",
    "history",
    "new_code",
    "open_codes",
    "people_for",
    "redeem",
    "revoke",
    "share",
    "share_by_code",
]
