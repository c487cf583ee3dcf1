"""A daily line chart as an accessible SVG string: gaps stay gaps, bands, flares, tag ticks.

Pure Python (no Django); colours come only from CSS classes (charts.css), so the same SVG reads
in the dark theme, the light theme and in black-and-white print.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 46.0, 8.0, 14.0, 28.0
TICK_GAP = 64.0  # room for an axis label at the phone font size (charts.css)
Scale = Callable[[float], float]
STRIP = 16.0  # height of one row of treatment bands


@dataclass(frozen=True)
class Band:
    """A period, start and end inclusive: a treatment regimen or a flare."""

    start: date
    end: date
    label: str


@dataclass(frozen=True)
class Marker:
    """A tagged day."""

    day: date
    label: str


def _r(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _fmt(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _rows(bands: Sequence[Band]) -> list[tuple[Band, int]]:
    """Give overlapping bands of different treatments separate rows (greedy)."""
    ends: list[date] = []
    placed = []
    for band in sorted(bands, key=lambda b: (b.start, b.end)):
        for i, last in enumerate(ends):
            if band.start > last:
                ends[i] = band.end
                placed.append((band, i))
                break
        else:
            ends.append(band.end)
            placed.append((band, len(ends) - 1))
    return placed


def rolling_mean(
    values: Sequence[float | None], window: int = 7, need: int = 3
) -> list[float | None]:
    """Trailing mean over logged days in each window; None with fewer than `need` logged."""
    out: list[float | None] = []
    total, count = 0.0, 0
    for i, v in enumerate(values):
        if v is not None:
            total, count = total + v, count + 1
        if i >= window:
            old = values[i - window]
            if old is not None:
                total, count = total - old, count - 1
        out.append(total / count if count >= need else None)
    return out


def _ticks(start: date, n: int) -> list[tuple[int, str]]:
    """Return (day index, label) for x-axis labels suited to the span."""
    ticks = []
    for i in range(n):
        d = start + timedelta(days=i)
        if n <= 45:
            if d.weekday() == 0:
                ticks.append((i, f"{d.day} {d:%b}"))
        elif n <= 400:
            if d.day == 1:
                ticks.append((i, f"{d:%b}" if d.month != 1 else f"{d:%b} {d:%y}"))
        elif d.day == 1 and d.month == 1:
            ticks.append((i, str(d.year)))
    return ticks


def _summary(title: str, start: date, values: Sequence[float | None], unit: str, worse: str) -> str:
    logged = [v for v in values if v is not None]
    head = f"{title} over {len(values)} days from {start.day} {start:%b %Y}"
    if not logged:
        return f"{head}: nothing logged in this period."
    days = "day" if len(logged) == 1 else "days"
    unit_txt = f" {unit}" if unit and not unit[0].isdigit() else ""
    text = (
        f"{head}: logged on {len(logged)} {days}, average {_fmt(sum(logged) / len(logged))}"
        f"{unit_txt}, lowest {_fmt(min(logged))}, highest {_fmt(max(logged))}."
    )
    if worse in ("higher", "lower"):
        text += f" {worse.capitalize()} is worse."
    return text


def line_chart(
    *,
    title: str,
    start: date,
    values: Sequence[float | None],
    low: float,
    high: float,
    unit: str = "",
    worse: str = "higher",
    bands: Sequence[Band] = (),
    flares: Sequence[Band] = (),
    markers: Sequence[Marker] = (),
    chart_id: str = "chart",
    width: int = 720,
    height: int = 190,
) -> str:
    """Return one <svg> element drawing `values` (one per day from `start`; None = not logged)."""
    n = max(len(values), 1)
    end = start + timedelta(days=n - 1)
    visible = [b for b in bands if b.end >= start and b.start <= end]
    placed = _rows(visible)
    strip = STRIP * (max((row for _, row in placed), default=-1) + 1)
    top, bottom = PAD_TOP, height - PAD_BOTTOM - strip
    left, right = PAD_LEFT, width - PAD_RIGHT
    step = (right - left) / n
    span = (high - low) or 1.0

    def x(i: float) -> float:
        return left + (i + 0.5) * step

    def y(v: float) -> float:
        v = min(max(v, low), high)
        return bottom - (v - low) / span * (bottom - top)

    def day_x(d: date) -> float:
        return left + (d - start).days * step

    ids = escape(chart_id, quote=True)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}"'
        f' role="img" aria-labelledby="{ids}-title {ids}-desc" id="{ids}">',
        f'<title id="{ids}-title">{escape(title)}</title>',
        f'<desc id="{ids}-desc">{escape(_summary(title, start, values, unit, worse))}</desc>',
    ]
    for f in flares:
        if f.end < start or f.start > end:
            continue
        a, b = day_x(max(f.start, start)), day_x(min(f.end, end) + timedelta(days=1))
        out.append(
            f'<rect class="chart-flare" x="{_r(a)}" y="{_r(top)}" width="{_r(b - a)}" '
            f'height="{_r(bottom - top)}"><title>{escape(f.label)}</title></rect>'
        )
    mid = (low + high) / 2
    for v in (low, mid, high):
        yy = _r(y(v))
        out.append(
            f'<line class="chart-grid" x1="{_r(left)}" x2="{_r(right)}" y1="{yy}" y2="{yy}"/>'
        )
        out.append(
            f'<text class="chart-label" x="{_r(left - 4)}" y="{yy}" text-anchor="end" '
            f'dominant-baseline="middle">{escape(_fmt(v))}</text>'
        )
    last_x = -1e9
    for i, label in _ticks(start, n):
        if x(i) - last_x < TICK_GAP:
            continue
        last_x = x(i)
        out.append(
            f'<text class="chart-axis" x="{_r(x(i))}" y="{_r(height - 8)}" '
            f'text-anchor="middle">{escape(label)}</text>'
        )
    for band, row in placed:
        a, b = day_x(max(band.start, start)), day_x(min(band.end, end) + timedelta(days=1))
        yb = bottom + 4 + row * STRIP
        out.append(
            f'<rect class="chart-band" x="{_r(a)}" y="{_r(yb)}" width="{_r(b - a)}" '
            f'height="{_r(STRIP - 2)}"><title>{escape(band.label)}</title></rect>'
        )
        if b - a > 8 * len(band.label) + 8:
            out.append(
                f'<text class="chart-band-label" x="{_r(a + 3)}" y="{_r(yb + STRIP - 4)}">'
                f"{escape(band.label)}</text>"
            )
    if not any(v is not None for v in values):
        out.append(
            f'<text class="chart-label" x="{_r((left + right) / 2)}" '
            f'y="{_r((top + bottom) / 2)}" text-anchor="middle">nothing logged in this '
            f"period</text>"
        )
    out.extend(_series(values, x, y, n))
    if n > 30:
        out.extend(_path(rolling_mean(values), x, y, "chart-mean", 2.5))
    for m in markers:
        if start <= m.day <= end:
            xm = _r(x((m.day - start).days))
            out.append(
                f'<line class="chart-marker" x1="{xm}" x2="{xm}" y1="{_r(top - 8)}" '
                f'y2="{_r(top - 2)}"><title>{escape(m.label)} ({m.day:%d %b})</title></line>'
            )
    out.append("</svg>")
    return "".join(out)


def _path(values: Sequence[float | None], x: Scale, y: Scale, cls: str, width: float) -> list[str]:
    parts, pen = [], False
    for i, v in enumerate(values):
        if v is None:
            pen = False
            continue
        parts.append(f"{'L' if pen else 'M'}{_r(x(i))} {_r(y(v))}")
        pen = True
    if not parts:
        return []
    return [f'<path class="{cls}" fill="none" stroke-width="{width}" d="{"".join(parts)}"/>']


def _series(values: Sequence[float | None], x: Scale, y: Scale, n: int) -> list[str]:
    out = _path(values, x, y, "chart-line", 1.5 if n <= 90 else 1)
    for i, v in enumerate(values):
        if v is None:
            continue
        alone = (i == 0 or values[i - 1] is None) and (i == n - 1 or values[i + 1] is None)
        if n <= 90 or alone:
            out.append(
                f'<circle class="chart-dot" cx="{_r(x(i))}" cy="{_r(y(v))}" '
                f'r="{2.5 if n <= 90 else 1.5}"/>'
            )
    return out
