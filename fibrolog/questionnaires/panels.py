"""The check-in page's panels from questionnaires: the one suggestion, and the body map."""

from __future__ import annotations

from typing import Any


def suggestion(user: Any, page: Any) -> object:
    """Return the one questionnaire suggested below today's check-in (never on a bad day)."""
    from fibrolog.questionnaires.services.suggest import suggestion as suggest

    return suggest(user, page.today) if page.day == page.today and not page.bad_day else None


def body_views(user: Any, page: Any) -> object:
    """Return the body map with the day's ticked sites, when the person shows it on check-in."""
    from fibrolog.questionnaires.body_map import checkin_sites

    return checkin_sites(page.state.sites) if page.body_map else None


def register_panels() -> None:
    """Add the questionnaires' panels to the check-in page."""
    from fibrolog.diary import panels

    panels.register("suggestion", suggestion)
    panels.register("body_views", body_views)
