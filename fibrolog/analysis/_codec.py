"""JSON-safe encodings shared by the result objects' ``to_dict`` / ``from_dict``.

Floats are written in full (Python's shortest repr round-trips exactly), infinities as None,
dates as ISO strings, and a run of consecutive days as its first day and length.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

import numpy as np

from fibrolog.analysis.ar1 import Array

__all__ = ["array", "days", "floats", "from_array", "from_days", "from_window", "window"]


def floats(values: Iterable[float]) -> list[float]:
    """Return plain floats (numpy scalars would not serialise)."""
    return [float(v) for v in values]


def array(values: Array) -> list[float | None]:
    """Return an array as a list, an infinity as None (JSON has no infinity)."""
    return [float(v) if np.isfinite(v) else None for v in np.ravel(values)]


def from_array(values: Sequence[float | None]) -> Array:
    """Return the array written by `array` (None back to +infinity)."""
    return np.array([np.inf if v is None else v for v in values], dtype=float)


def window(span: tuple[date, date] | None) -> list[str] | None:
    """Return a (first, last) window as two ISO dates."""
    return None if span is None else [span[0].isoformat(), span[1].isoformat()]


def from_window(span: Sequence[str] | None) -> tuple[date, date] | None:
    """Return the window written by `window`."""
    return None if span is None else (date.fromisoformat(span[0]), date.fromisoformat(span[1]))


def days(values: Sequence[date]) -> dict[str, Any]:
    """Return days compactly: ``{"start", "count"}`` when consecutive, else every ISO date."""
    if values and all((b - a).days == 1 for a, b in itertools.pairwise(values)):
        return {"start": values[0].isoformat(), "count": len(values)}
    return {"dates": [d.isoformat() for d in values]}


def from_days(data: dict[str, Any]) -> tuple[date, ...]:
    """Return the days written by `days`."""
    if "start" in data:
        first = date.fromisoformat(data["start"])
        return tuple(first + timedelta(days=i) for i in range(int(data["count"])))
    return tuple(date.fromisoformat(d) for d in data["dates"])
