"""A questionnaire score history as an SVG: dots joined in time order, over its bands.

Pure Python (no Django); colours only through CSS classes (charts.css).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from html import escape

from fibrolog.charts.spec import Scale

__all__ = ["ScoreChart", "score_chart"]

LEFT, RIGHT, TOP, BOTTOM = 46.0, 96.0, 12.0, 28.0
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _r(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _day(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


@dataclass(frozen=True)
class ScoreChart:
    """A score history: (day, total) points on the instrument's scale, with its bands.

    `bands` are (lowest, highest, word) ranges of the total (for example "mild"); `size` is
    (width, height) in user units.
    """

    title: str
    points: Sequence[tuple[date, float]]
    scale: Scale
    bands: Sequence[tuple[float, float, str]] = ()
    chart_id: str = "scores"
    size: tuple[int, int] = field(default=(720, 220))

    def __post_init__(self) -> None:
        """Keep the points in time order and the bands as immutable tuples."""
        object.__setattr__(self, "points", tuple(sorted(self.points)))
        object.__setattr__(self, "bands", tuple(self.bands))


@dataclass(frozen=True)
class _Axes:
    """How days and totals map to coordinates."""

    first: date
    days: int
    single: bool
    right: float
    bottom: float
    low: float
    high: float

    def x(self, d: date) -> float:
        if self.single:
            return (LEFT + self.right) / 2
        return LEFT + (d - self.first).days / self.days * (self.right - LEFT)

    def y(self, v: float) -> float:
        span = (self.high - self.low) or 1.0
        clipped = min(max(v, self.low), self.high)
        return self.bottom - (clipped - self.low) / span * (self.bottom - TOP)


def score_chart(spec: ScoreChart) -> str:
    """Return one <svg> of the spec's points on its scale with labelled bands."""
    pts, (width, height) = list(spec.points), spec.size
    first, last = (pts[0][0], pts[-1][0]) if pts else (date.today(), date.today())
    ax = _Axes(first, max((last - first).days, 1), len(pts) == 1, width - RIGHT,
               height - BOTTOM, spec.scale.low, spec.scale.high)  # fmt: skip
    ids = escape(spec.chart_id, quote=True)
    if pts:
        summary = (
            f"{spec.title}: {len(pts)} results from {_day(first)} to {_day(last)}; "
            f"first {pts[0][1]:g}, latest {pts[-1][1]:g}. Lower is better."
        )
    else:
        summary = f"{spec.title}: no results yet."
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}"'
        f' role="img" aria-labelledby="{ids}-title {ids}-desc" id="{ids}">',
        f'<title id="{ids}-title">{escape(spec.title)}</title>',
        f'<desc id="{ids}-desc">{escape(summary)}</desc>',
    ]
    out += _bands(spec, ax)
    if pts:
        out += _points(pts, ax, height)
    else:
        out.append(
            f'<text class="chart-label" x="{_r((LEFT + ax.right) / 2)}" y="{_r(height / 2)}" '
            f'text-anchor="middle">no results yet</text>'
        )
    out.append("</svg>")
    return "".join(out)


def _bands(spec: ScoreChart, ax: _Axes) -> list[str]:
    """Return the bands, alternately shaded and labelled on the right, and the scale's ends."""
    out = []
    low, high = spec.scale.low, spec.scale.high
    for i, (a, b, word) in enumerate(spec.bands):
        top_y, low_y = ax.y(min(b + 0.5, high)), ax.y(max(a - 0.5, low))
        cls = "chart-band" if i % 2 else "chart-grid-band"
        out.append(
            f'<rect class="{cls}" x="{_r(LEFT)}" y="{_r(top_y)}" width="{_r(ax.right - LEFT)}"'
            f' height="{_r(low_y - top_y)}"/>'
        )
        out.append(
            f'<text class="chart-label" x="{_r(ax.right + 6)}" y="{_r((top_y + low_y) / 2)}" '
            f'dominant-baseline="middle">{escape(word)}</text>'
        )
    for v in (low, high):
        out.append(
            f'<text class="chart-label" x="{_r(LEFT - 6)}" y="{_r(ax.y(v))}" '
            f'text-anchor="end" dominant-baseline="middle">{v:g}</text>'
        )
    return out


def _points(pts: list[tuple[date, float]], ax: _Axes, height: int) -> list[str]:
    """Return the line, a dot per result (its day and total as a tooltip) and the end dates."""
    path = "".join(
        f"{'L' if i else 'M'}{_r(ax.x(d))} {_r(ax.y(v))}" for i, (d, v) in enumerate(pts)
    )
    out = [f'<path class="chart-line" fill="none" stroke-width="2" d="{path}"/>']
    for d, v in pts:
        out.append(
            f'<circle class="chart-dot" cx="{_r(ax.x(d))}" cy="{_r(ax.y(v))}" r="4">'
            f"<title>{escape(_day(d))}: {v:g}</title></circle>"
        )
    first, last = pts[0][0], pts[-1][0]
    for d in dict.fromkeys((first, last)):  # one label when both are the same day
        if len(pts) == 1:
            anchor = "middle"
        else:
            anchor = "start" if d == first else "end" if d == last else "middle"
        out.append(
            f'<text class="chart-axis" x="{_r(ax.x(d))}" y="{_r(height - 8)}" '
            f'text-anchor="{anchor}">{escape(_day(d))}</text>'
        )
    return out
