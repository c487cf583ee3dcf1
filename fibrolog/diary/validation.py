"""Check a value someone typed against a metric's range and step; say what is wrong."""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Protocol

EARLIEST_DAY = date(1970, 1, 1)
NOTE_MAX = 5000  # characters in a day's note, for the web form, the CLI and the database alike


class Scaled(Protocol):
    name: str
    low: float
    high: float
    step: float


def _fmt(x: float) -> str:
    return f"{x:g}"


def parse_value(metric: Scaled, raw: str | float) -> float:
    """Return `raw` as a number on the metric's scale, or raise ValueError naming the metric."""
    try:
        value = float(str(raw).strip().replace(",", "."))
    except ValueError:
        raise ValueError(f"{metric.name}: {str(raw)[:20]!r} is not a number.") from None
    if not math.isfinite(value):
        raise ValueError(f"{metric.name}: {str(raw)[:20]!r} is not a number.")
    if value < metric.low or value > metric.high:
        raise ValueError(
            f"{metric.name} must be between {_fmt(metric.low)} and {_fmt(metric.high)}; "
            f"got {_fmt(value)}."
        )
    steps = (value - metric.low) / metric.step
    if abs(steps - round(steps)) > 1e-6:
        raise ValueError(f"{metric.name} goes in steps of {_fmt(metric.step)}; got {_fmt(value)}.")
    return value


def check_day(day: date, today: date) -> date:
    """Return `day` if it can be logged (not in the future, not before 1970), else raise."""
    if day > today:
        raise ValueError(f"{day.isoformat()} is in the future: you can log today or earlier.")
    if day < EARLIEST_DAY:
        raise ValueError(f"{day.isoformat()} is before {EARLIEST_DAY.isoformat()}.")
    return day


def parse_day(raw: str, today: date) -> date:
    """Parse YYYY-MM-DD (or 'today'/'yesterday') and check it can be logged."""
    text = raw.strip().lower()
    if text == "today":
        return today
    if text == "yesterday":
        return today - timedelta(days=1)
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{raw[:20]!r} is not a date: use YYYY-MM-DD.") from None
    return check_day(day, today)


def check_text(label: str, text: str) -> str:
    """Return `text` if it is real Unicode (not undecodable bytes from a terminal), else raise."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(
            f"{label} is not UTF-8 text: set your terminal to UTF-8 (e.g. LANG=C.UTF-8) "
            "and try again."
        ) from None
    return text


def check_note(text: str) -> str:
    """Return a day's whole note if it fits NOTE_MAX characters, else raise saying the limit."""
    if len(text) > NOTE_MAX:
        raise ValueError(
            f"A note can have at most {NOTE_MAX:,} characters; this one would have {len(text):,}."
        )
    return text
