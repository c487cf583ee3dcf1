"""Questionnaires someone else asked the person to fill, registered by an app above (the clinic).

A source is a function of (user, today) returning {instrument name: who asked}; `due()` counts
each as due whatever the person's own reminder schedule says. The questionnaires app never
imports the apps that register.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

Source = Callable[[Any, date], dict[str, str]]
_sources: list[Source] = []


def register(source: Source) -> None:
    """Add a source of requested questionnaires (once: registering it again does nothing)."""
    if source not in _sources:
        _sources.append(source)


def asked(user: Any, today: date) -> dict[str, str]:
    """Return every requested, due questionnaire: name -> who asked (names joined)."""
    found: dict[str, str] = {}
    for source in _sources:
        for name, who in source(user, today).items():
            found[name] = f"{found[name]}, {who}" if name in found else who
    return found
