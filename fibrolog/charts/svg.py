"""A daily series as one accessible SVG string: gaps stay gaps; treatments, flares and tags.

Pure Python (no Django). Colours come only from CSS classes (static/fibrolog/charts.css), so the
same markup suits the light and dark themes, a strict Content-Security-Policy (no `style`) and
black-and-white print.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from fibrolog.charts import _text
from fibrolog.charts._axis import x_ticks
from fibrolog.charts._plot import Frame, dots, path
from fibrolog.charts._text import coord as c
from fibrolog.charts._text import esc

FONT, TITLE_FONT, BAND_FONT = 11.0, 12.0, 9.0  # user units, the sizes charts.css sets
GROW = 1.5  # charts.css enlarges text on narrow screens by up to this: the layout leaves room
CHAR = 0.58  # average advance of a digit or a lower-case letter, in em
TITLE_H, MARK_H, XLAB_H = 18.0, 9.0, 18.0  # rows above and below the plot
ROW_H, STRIP_GAP = 13.0, 3.0  # one row of treatment bands, and the gap above the strip
LEFT = 46.0  # the same plot edge on every chart, so charts stacked on a page line up by day
MIN_PLOT = 0.35  # share of the height the plot keeps however many treatment rows there are
WORSE = ("higher", "lower", "neither")
_NOT_ID = re.compile(r"[^A-Za-z0-9_.:-]")


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


def rolling_mean(
    values: Sequence[float | None], window: int = 7, need: int = 3
) -> list[float | None]:
    """Return the mean of the logged values over the `window` days up to and including each day.

    A day's mean is None when fewer than `need` days of its window were logged, so a mean never
    rests on one or two days. Like any trailing average it lags a change by about half a window.
    """
    out: list[float | None] = []
    total, count = 0.0, 0
    for i, v in enumerate(values):
        if v is not None:
            total, count = total + v, count + 1
        if i >= window and (old := values[i - window]) is not None:
            total, count = total - old, count - 1
        out.append(total / count if count >= need else None)
    return out


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
    height: int = 170,
    expected: Sequence[float | None] = (),
    expected_label: str = "",
) -> str:
    """Return one <svg> element drawing `values[i]`, the value on `start` + i days (None: none).

    `expected` (same days) is drawn dashed: e.g. what a model expects without a treatment.
    """
    if not high > low:
        raise ValueError(f"high ({high}) must be above low ({low})")
    if worse not in WORSE:
        raise ValueError(f"worse must be one of {WORSE}, not {worse!r}")
    series = [None if v is None or v != v else float(v) for v in values] or [None]  # NaN: missing
    n = len(series)
    end = start + timedelta(days=n - 1)
    periods = [b for b in bands if b.start <= end and b.end >= start and b.start <= b.end]
    shown_flares = [f for f in flares if f.start <= end and f.end >= start and f.start <= f.end]
    tagged = _tagged(markers, start, end)
    rows = _rows(periods)
    levels = (low, (low + high) / 2, high)
    numbers = [_text.num(v) for v in levels]
    level_labels, heading = [_text.with_unit(v, unit) for v in numbers], title
    if unit and title and _room(level_labels) > LEFT:  # a long unit goes into the title instead
        level_labels, heading = numbers, f"{title} ({unit})"
    left = max(LEFT, _room(level_labels))
    top = (TITLE_H if title else 6.0) + (MARK_H if tagged else 0.0)
    floor = height - XLAB_H
    nrows = max((row for _, row in rows), default=-1) + 1
    row_h = min(ROW_H, max(0.0, (floor - top - MIN_PLOT * height - STRIP_GAP) / max(nrows, 1)))
    bottom = floor - (nrows * row_h + STRIP_GAP if nrows else 0.0)
    f = Frame(start, end, n, left, max(width - 8.0, left + 1), top, bottom, low, high)
    mean = rolling_mean(series) if n > 30 else []

    cid = _NOT_ID.sub("-", chart_id) or "chart"
    name = title or "Daily values"
    desc = _text.summary(
        name=name,
        start=start,
        values=series,
        mean=mean,
        unit=unit,
        worse=worse,
        bands=periods,
        flares=len(shown_flares),
        tagged_days=len(tagged),
    )
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}"'
        f' role="img" aria-labelledby="{cid}-title {cid}-desc" font-size="{FONT:g}">',
        f'<title id="{cid}-title">{esc(name)}</title><desc id="{cid}-desc">{esc(desc)}</desc>',
    ]
    if heading:
        out.append(
            f'<text class="chart-title" x="{c(left)}" y="13" font-size="{TITLE_FONT:g}"'
            f' font-weight="600">{esc(heading)}</text>'
        )
    for flare in shown_flares:
        a, b = f.span(flare.start, flare.end)
        out.append(
            f'<rect class="chart-flare" x="{c(a)}" y="{c(top)}" width="{c(b - a)}"'
            f' height="{c(bottom - top)}"><title>{esc(flare.label)},'
            f" {_text.period(flare.start, flare.end)}</title></rect>"
        )
    grid = "".join(f"M{c(left)} {c(f.y(v))}H{c(f.right)}" for v in levels)
    out.append(f'<path class="chart-grid" fill="none" stroke-width="1" d="{grid}"/>')
    for v, label in zip(levels, level_labels, strict=True):
        out.append(
            f'<text class="chart-label" x="{c(left - 5)}" y="{c(f.y(v) + FONT * 0.35)}"'
            f' text-anchor="end">{esc(label)}</text>'
        )
    out.extend(_x_axis(f, floor, width))
    out.extend(_bands(f, rows, row_h))
    if all(v is None for v in series):
        out.append(
            f'<text class="chart-label" x="{c((left + f.right) / 2)}"'
            f' y="{c((top + bottom) / 2 + FONT * 0.35)}" text-anchor="middle">'
            "nothing logged in this period</text>"
        )
    # Past 90 days the daily line is a texture: fainter, so that the mean reads as the trend.
    stroke, opacity = (1.5, 1.0) if n <= 90 else (1.2, 0.6) if n <= 400 else (0.8, 0.6)
    out.append(path(series, f, "chart-line", stroke, opacity))
    out.extend(dots(series, f, every=n <= 90))
    out.append(path(mean, f, "chart-mean", 2.5))
    if expected:
        line = [None if v is None or v != v else float(v) for v in expected][:n]
        out.append(path(line, f, "chart-expected", 2.0))
        if expected_label:
            out[1] = out[1].replace("</desc>", f" The dashed line: {esc(expected_label)}.</desc>")
    for d, labels in tagged.items():
        x = c(left + ((d - start).days + 0.5) * f.day_w)
        out.append(
            f'<line class="chart-marker" x1="{x}" x2="{x}" y1="{c(top - MARK_H + 1)}"'
            f' y2="{c(top - 2)}" stroke-width="2"><title>{esc(_text.day(d))}:'
            f" {esc(', '.join(labels))}</title></line>"
        )
    out.append("</svg>")
    return "".join(out)


def _room(labels: Sequence[str]) -> float:
    """Return the left margin the y-axis labels need, with room for enlarged text."""
    return max(map(len, labels)) * CHAR * FONT * GROW + 6


def _tagged(markers: Sequence[Marker], start: date, end: date) -> dict[date, list[str]]:
    """Group the markers inside the window by day, one tick per day, each label once."""
    days: dict[date, list[str]] = {}
    for m in sorted(markers, key=lambda m: m.day):
        if start <= m.day <= end and m.label not in days.setdefault(m.day, []):
            days[m.day].append(m.label)
    return days


def _rows(bands: Sequence[Band]) -> list[tuple[Band, int]]:
    """Give each band a row of the strip so that bands that overlap never share one.

    Of the free rows a band takes the one freed last, so the steps of a titration
    (1.5 then 3 then 4.5 mg) stay on one row next to each other.
    """
    ends: list[date] = []
    placed: list[tuple[Band, int]] = []
    for band in sorted(bands, key=lambda b: (b.start, b.end)):
        free = [i for i, last in enumerate(ends) if last < band.start]
        if free:
            row = max(free, key=lambda i: ends[i])
            ends[row] = band.end
        else:
            row = len(ends)
            ends.append(band.end)
        placed.append((band, row))
    return placed


def _fit(label: str, room: float) -> str:
    """Return `label`, shortened with an ellipsis or left out, to fit `room` user units."""
    chars = int(room / (CHAR * BAND_FONT * GROW))
    if len(label) <= chars:
        return label
    return label[: chars - 1].rstrip() + "…" if chars >= 6 else ""


def _bands(f: Frame, rows: Sequence[tuple[Band, int]], row_h: float) -> list[str]:
    out = []
    for band, row in rows:
        a, b = f.span(band.start, band.end)
        inset = 0.5 if b - a > 3 else 0.0  # a hairline between consecutive regimens
        y = f.bottom + STRIP_GAP + row * row_h
        out.append(
            f'<rect class="chart-band" x="{c(a + inset)}" y="{c(y)}" width="{c(b - a - 2 * inset)}"'
            f' height="{c(max(row_h - 1, 0.5))}"><title>{esc(band.label)},'
            f" {_text.period(band.start, band.end)}</title></rect>"
        )
        label = _fit(band.label, b - a - 6) if row_h >= BAND_FONT + 2 else ""
        if label:
            out.append(
                f'<text class="chart-band-label" x="{c(a + 3)}"'
                f' y="{c(y + (row_h - 1) / 2 + BAND_FONT * 0.35)}"'
                f' font-size="{BAND_FONT:g}">{esc(label)}</text>'
            )
    return out


def _x_axis(f: Frame, floor: float, width: int) -> list[str]:
    ticks = x_ticks(
        f.start, f.n, left=f.left, day_w=f.day_w, width=width, char_w=CHAR * FONT * GROW
    )
    d = "".join(f"M{c(x)} {c(floor)}v3" for x, _, _ in ticks)
    out = [f'<path class="chart-axis" fill="none" stroke-width="1" d="{d}"/>'] if d else []
    for _, mid, label in ticks:
        out.append(
            f'<text class="chart-axis" x="{c(mid)}" y="{c(floor + 3 + FONT)}"'
            f' text-anchor="middle">{esc(label)}</text>'
        )
    return out
