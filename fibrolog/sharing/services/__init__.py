"""Share, revoke, and the one question every clinician-facing read asks: may they see it?"""

from __future__ import annotations

from fibrolog.sharing.services.shares import (
    SharingError,
    active_share,
    can_see,
    people_for,
    revoke,
    share,
)

__all__ = ["SharingError", "active_share", "can_see", "people_for", "revoke", "share"]
