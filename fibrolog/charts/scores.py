"""A questionnaire score history as an SVG: dots joined in time order, over its bands.

Pure Python (no Django); colours only through CSS classes (charts.css).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

LEFT, RIGHT, TOP, BOTTOM = 46.0, 96.0, 12.0, 28.0
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _r(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _day(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def score_chart(
    *,
    title: str,
    points: Sequence[tuple[date, float]],
    low: float,
    high: float,
    bands: Sequence[tuple[float, float, str]] = (),
    chart_id: str = "scores",
    width: int = 720,
    height: int = 220,
) -> str:
    """Return one <svg> of `points` (day, total) on a `low`-`high` scale with labelled bands."""
    pts = sorted(points)
    span = (high - low) or 1.0
    bottom, right = height - BOTTOM, width - RIGHT
    first, last = (pts[0][0], pts[-1][0]) if pts else (date.today(), date.today())
    days = max((last - first).days, 1)

    def x(d: date) -> float:
        if len(pts) == 1:
            return (LEFT + right) / 2
        return LEFT + (d - first).days / days * (right - LEFT)

    def y(v: float) -> float:
        return bottom - (min(max(v, low), high) - low) / span * (bottom - TOP)

    ids = escape(chart_id, quote=True)
    if pts:
        summary = (
            f"{title}: {len(pts)} results from {_day(first)} to {_day(last)}; "
            f"first {pts[0][1]:g}, latest {pts[-1][1]:g}. Lower is better."
        )
    else:
        summary = f"{title}: no results yet."
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}"'
        f' role="img" aria-labelledby="{ids}-title {ids}-desc" id="{ids}">',
        f'<title id="{ids}-title">{escape(title)}</title>',
        f'<desc id="{ids}-desc">{escape(summary)}</desc>',
    ]
    for i, (a, b, word) in enumerate(bands):
        top_y, low_y = y(min(b + 0.5, high)), y(max(a - 0.5, low))
        cls = "chart-band" if i % 2 else "chart-grid-band"
        out.append(
            f'<rect class="{cls}" x="{_r(LEFT)}" y="{_r(top_y)}" width="{_r(right - LEFT)}"'
            f' height="{_r(low_y - top_y)}"/>'
        )
        out.append(
            f'<text class="chart-label" x="{_r(right + 6)}" y="{_r((top_y + low_y) / 2)}" '
            f'dominant-baseline="middle">{escape(word)}</text>'
        )
    for v in (low, high):
        out.append(
            f'<text class="chart-label" x="{_r(LEFT - 6)}" y="{_r(y(v))}" '
            f'text-anchor="end" dominant-baseline="middle">{v:g}</text>'
        )
    if pts:
        path = "".join(f"{'L' if i else 'M'}{_r(x(d))} {_r(y(v))}" for i, (d, v) in enumerate(pts))
        out.append(f'<path class="chart-line" fill="none" stroke-width="2" d="{path}"/>')
        for d, v in pts:
            out.append(
                f'<circle class="chart-dot" cx="{_r(x(d))}" cy="{_r(y(v))}" r="4">'
                f"<title>{escape(_day(d))}: {v:g}</title></circle>"
            )
        for d in {first, last}:
            anchor = (
                "start"
                if d == first and len(pts) > 1
                else "end"
                if d == last and len(pts) > 1
                else "middle"
            )
            out.append(
                f'<text class="chart-axis" x="{_r(x(d))}" y="{_r(height - 8)}" '
                f'text-anchor="{anchor}">{escape(_day(d))}</text>'
            )
    else:
        out.append(
            f'<text class="chart-label" x="{_r((LEFT + right) / 2)}" y="{_r(height / 2)}" '
            f'text-anchor="middle">no results yet</text>'
        )
    out.append("</svg>")
    return "".join(out)
