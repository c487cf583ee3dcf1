"""The check-in page's panels from questionnaires: what is due, and the body map."""

from __future__ import annotations

from typing import Any


def due(user: Any, page: Any) -> object:
    """Return the questionnaires due today (shown on today's check-in only)."""
    from fibrolog.questionnaires.services import due as due_for

    return due_for(user, page.today) if page.day == page.today else []


def body_views(user: Any, page: Any) -> object:
    """Return the body map with the day's ticked sites, when the person shows it on check-in."""
    from fibrolog.questionnaires.body_map import checkin_sites

    return checkin_sites(page.state.sites) if page.body_map else None


def register_panels() -> None:
    """Add the questionnaires' panels to the check-in page."""
    from fibrolog.diary import panels

    panels.register("due", due)
    panels.register("body_views", body_views)
