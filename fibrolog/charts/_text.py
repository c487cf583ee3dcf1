"""Words and numbers for the charts: XML-safe text, dates, and the plain-language summary."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fibrolog.charts.spec import Band

# Fixed English names: strftime("%b") follows the process locale, the pages do not.
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Characters XML 1.0 forbids even when escaped; a stray one would break the whole page.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def esc(text: str) -> str:
    """Return `text` safe inside an XML element or a quoted attribute."""
    return escape(_NOT_XML.sub("", text), quote=True)


def coord(v: float) -> str:
    """Return a coordinate rounded to 1 decimal, without a trailing ".0"."""
    s = f"{v:.1f}"
    return s[:-2] if s.endswith(".0") else s


def num(v: float, places: int = 2) -> str:
    """Return a value as a person would write it: 5, 5.5, 6.25."""
    s = f"{v:.{places}f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def with_unit(text: str, unit: str) -> str:
    """Return `text` followed by `unit` ("5 h", "40%", "38.5°C")."""
    if not unit:
        return text
    return f"{text}{unit}" if unit[0] in "%°" else f"{text} {unit}"


def day(d: date) -> str:
    """Return a date as "3 Oct 2026"."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def short_day(d: date) -> str:
    """Return a date as "3 Oct"."""
    return f"{d.day} {MONTHS[d.month - 1]}"


def period(start: date, end: date) -> str:
    """Return an inclusive period as "3 Oct 2026" or "3 Oct 2026 to 9 Oct 2026"."""
    return day(start) if start == end else f"{day(start)} to {day(end)}"


def plural(count: int, word: str) -> str:
    """Return "1 day", "2 days"."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def summary(
    *,
    name: str,
    start: date,
    values: Sequence[float | None],
    mean: Sequence[float | None],
    unit: str,
    worse: str,
    bands: Sequence[Band],
    flares: int,
    tagged_days: int,
) -> str:
    """Say what the chart shows in one short paragraph (its <desc>)."""
    logged = [v for v in values if v is not None]
    head = f"{name} over {plural(len(values), 'day')} from {day(start)}"
    if not logged:
        parts = [f"{head}: nothing logged in this period."]
    else:
        avg = sum(logged) / len(logged)
        parts = [
            f"{head}: logged on {plural(len(logged), 'day')}, "
            f"average {with_unit(num(avg, 1), unit)}, "
            f"lowest {with_unit(num(min(logged)), unit)}, "
            f"highest {with_unit(num(max(logged)), unit)}."
        ]
        drawn = [m for m in mean if m is not None]
        if len(drawn) >= 2:
            parts.append(f"The 7-day average went from {num(drawn[0], 1)} to {num(drawn[-1], 1)}.")
        if worse in ("higher", "lower"):
            parts.append(f"{worse.capitalize()} is worse.")
    if bands:
        listed = "; ".join(f"{b.label} ({period(b.start, b.end)})" for b in bands)
        parts.append(f"Treatments: {listed}.")
    if flares:
        parts.append(f"{plural(flares, 'flare')} marked.")
    if tagged_days:
        parts.append(f"{plural(tagged_days, 'tagged day')} marked along the top.")
    return " ".join(parts)
