"""The check-in page's panel from experiments: today's assignment of each running experiment."""

from __future__ import annotations

from typing import Any


def trials(user: Any, page: Any) -> object:
    """Return the day's assignments of the person's running experiments."""
    from fibrolog.experiments.services import assignments

    return assignments(user, page.day)


def register_panels() -> None:
    """Add the experiments' panel to the check-in page."""
    from fibrolog.diary import panels

    panels.register("trials", trials)
