"""A sparkline: one small inline SVG line of daily values for a table cell (no axes, no text).

Pure Python, no Django. Days not logged break the line (never drawn as 0); a lone logged day is
a dot. The dashed line is a reference level (the person's own previous mean). Colours come from
CSS classes (static/fibrolog/charts.css: `.spark-line`, `.spark-ref`, `.spark-dot`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

__all__ = ["Sparkline", "sparkline"]


@dataclass(frozen=True)
class Sparkline:
    """Values one per day (None = not logged) on a scale from `low` to `high`."""

    values: Sequence[float | None]
    low: float = 0.0
    high: float = 10.0
    reference: float | None = None  # drawn dashed across: the earlier mean to compare with
    label: str = ""  # the accessible name, e.g. "Pain, last 30 days"
    width: int = 120
    height: int = 28


def _scale(spec: Sparkline) -> Callable[[float], float]:
    """Return value -> y for this line (computed once per line: a dashboard draws hundreds)."""
    pad, low, high = 2.0, spec.low, spec.high
    base, factor = spec.height - pad, (spec.height - 2 * pad) / (high - low or 1.0)
    return lambda value: base - (min(max(value, low), high) - low) * factor


def _y(spec: Sparkline, value: float) -> float:
    return _scale(spec)(value)


def _runs(spec: Sparkline) -> list[list[tuple[float, float]]]:
    """Return the logged stretches as point lists (a gap starts a new run)."""
    n = len(spec.values)
    step = (spec.width - 4) / max(n - 1, 1)
    y_of = _scale(spec)
    runs: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    for i, value in enumerate(spec.values):
        if value is None:
            if current:
                runs.append(current)
            current = []
            continue
        current.append((2 + i * step, y_of(value)))
    if current:
        runs.append(current)
    return runs


def sparkline(spec: Sparkline) -> str:
    """Return the SVG markup (an `img` role with the label as its name)."""
    parts = [
        f'<svg class="sparkline" role="img" aria-label="{escape(spec.label)}" '
        f'viewBox="0 0 {spec.width} {spec.height}" width="{spec.width}" height="{spec.height}" '
        'xmlns="http://www.w3.org/2000/svg">'
    ]
    if spec.label:
        parts.append(f"<title>{escape(spec.label)}</title>")
    if spec.reference is not None:
        y = _y(spec, spec.reference)
        parts.append(
            f'<line class="spark-ref" x1="0" x2="{spec.width}" y1="{y:.1f}" y2="{y:.1f}" '
            'stroke-dasharray="3 3"/>'
        )
    for run in _runs(spec):
        if len(run) == 1:
            x, y = run[0]
            parts.append(f'<circle class="spark-dot" cx="{x:.1f}" cy="{y:.1f}" r="1.5"/>')
        else:
            points = " ".join([f"{x:.1f},{y:.1f}" for x, y in run])
            parts.append(f'<polyline class="spark-line" fill="none" points="{points}"/>')
    parts.append("</svg>")
    return "".join(parts)
