"""What insights do when the diary changes (connected in `apps.py`)."""

from __future__ import annotations

from typing import Any


def refit_after_save(sender: Any, user: Any, day: Any, **kwargs: Any) -> None:
    """Mark the person's insights stale and refit them in the background (on `day_saved`)."""
    from fibrolog.insights.services import request_refresh

    request_refresh(user)
