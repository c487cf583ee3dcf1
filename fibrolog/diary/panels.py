"""Panels that apps above the diary add to the check-in page, registered from their `apps.py`.

A panel is a name in the page's template context and a function of (user, page) that fills it;
the diary shows whatever is registered and never imports the apps that register.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Panel = Callable[[Any, Any], object]
_panels: dict[str, Panel] = {}


def register(name: str, panel: Panel) -> None:
    """Add (or replace) the panel that fills `name` in the check-in page's context."""
    _panels[name] = panel


def context(user: Any, page: Any) -> dict[str, object]:
    """Return every registered panel's value for the person's check-in page."""
    return {name: panel(user, page) for name, panel in _panels.items()}
