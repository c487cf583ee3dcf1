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
from fibrolog.charts.spec import WORSE, Band, LineChart, Marker

__all__ = ["WORSE", "line_chart", "rolling_mean"]

FONT, TITLE_FONT, BAND_FONT = 11.0, 12.0, 9.0  # user units, the sizes charts.css sets
GROW = 1.5  # charts.css enlarges text on narrow screens by up to this: the layout leaves room
CHAR = 0.58  # average advance of a digit or a lower-case letter, in em
TITLE_H, MARK_H, XLAB_H = 18.0, 9.0, 18.0  # rows above and below the plot
ROW_H, STRIP_GAP = 13.0, 3.0  # one row of treatment bands, and the gap above the strip
LEFT = 46.0  # the same plot edge on every chart, so charts stacked on a page line up by day
MIN_PLOT = 0.35  # share of the height the plot keeps however many treatment rows there are
_NOT_ID = re.compile(r"[^A-Za-z0-9_.:-]")


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


@dataclass(frozen=True)
class _Layout:
    """Where everything of one chart goes: the plot frame and what falls inside the window."""

    f: Frame
    series: list[float | None]
    mean: list[float | None]
    periods: list[Band]
    flares: list[Band]
    tagged: dict[date, list[str]]
    rows: list[tuple[Band, int]]
    row_h: float
    floor: float
    levels: tuple[float, float, float]
    level_labels: list[str]
    heading: str

    @classmethod
    def of(cls, spec: LineChart) -> _Layout:
        """Lay out `spec`: margins for the labels, rows for the bands, the plot in between."""
        scale, (width, height) = spec.scale, spec.size
        series = list(spec.series.values) or [None]
        start, n = spec.series.start, len(series)
        end = start + timedelta(days=n - 1)
        periods = [b for b in spec.bands if b.start <= end and b.end >= start and b.start <= b.end]
        flares = [f for f in spec.flares if f.start <= end and f.end >= start and f.start <= f.end]
        tagged = _tagged(spec.markers, start, end)
        rows = _rows(periods)
        levels = (scale.low, (scale.low + scale.high) / 2, scale.high)
        numbers = [_text.num(v) for v in levels]
        labels, heading = [_text.with_unit(v, scale.unit) for v in numbers], spec.title
        if scale.unit and spec.title and _room(labels) > LEFT:  # a long unit goes in the title
            labels, heading = numbers, f"{spec.title} ({scale.unit})"
        left = max(LEFT, _room(labels))
        top = (TITLE_H if spec.title else 6.0) + (MARK_H if tagged else 0.0)
        floor = height - XLAB_H
        nrows = max((row for _, row in rows), default=-1) + 1
        room = (floor - top - MIN_PLOT * height - STRIP_GAP) / max(nrows, 1)
        row_h = min(ROW_H, max(0.0, room))
        bottom = floor - (nrows * row_h + STRIP_GAP if nrows else 0.0)
        right = max(width - 8.0, left + 1)
        f = Frame(start, end, n, left, right, top, bottom, scale.low, scale.high)
        mean = rolling_mean(series) if n > 30 else []
        return cls(f, series, mean, periods, flares, tagged, rows, row_h, floor, levels,
                   labels, heading)  # fmt: skip


def line_chart(spec: LineChart) -> str:
    """Return one <svg> element drawing `spec`: a daily series, its 7-day mean, bands and tags.

    The line breaks at days not logged; beyond 30 days a 7-day mean is drawn; an expected
    line (`spec.expected`) is dashed and described in the chart's <desc>.
    """
    lay = _Layout.of(spec)
    out = _open(spec, lay)
    out += _backdrop(lay, spec.size[0])
    out += _lines(spec, lay)
    out += _ticks(lay)
    out.append("</svg>")
    return "".join(out)


def _open(spec: LineChart, lay: _Layout) -> list[str]:
    """Return the <svg> element's start, its title and description, and the heading."""
    width, height = spec.size
    cid = _NOT_ID.sub("-", spec.chart_id) or "chart"
    name = spec.title or "Daily values"
    desc = esc(
        _text.summary(
            name=name,
            start=spec.series.start,
            values=lay.series,
            mean=lay.mean,
            unit=spec.scale.unit,
            worse=spec.scale.worse,
            bands=lay.periods,
            flares=len(lay.flares),
            tagged_days=len(lay.tagged),
        )
    )
    if spec.expected is not None and spec.expected.values and spec.expected.label:
        desc += f" The dashed line: {esc(spec.expected.label)}."
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}"'
        f' role="img" aria-labelledby="{cid}-title {cid}-desc" font-size="{FONT:g}">',
        f'<title id="{cid}-title">{esc(name)}</title><desc id="{cid}-desc">{desc}</desc>',
    ]
    if lay.heading:
        out.append(
            f'<text class="chart-title" x="{c(lay.f.left)}" y="13" font-size="{TITLE_FONT:g}"'
            f' font-weight="600">{esc(lay.heading)}</text>'
        )
    return out


def _backdrop(lay: _Layout, width: int) -> list[str]:
    """Return the flares behind the plot, the grid and its labels, the x axis and the bands."""
    f = lay.f
    out = []
    for flare in lay.flares:
        a, b = f.span(flare.start, flare.end)
        out.append(
            f'<rect class="chart-flare" x="{c(a)}" y="{c(f.top)}" width="{c(b - a)}"'
            f' height="{c(f.bottom - f.top)}"><title>{esc(flare.label)},'
            f" {_text.period(flare.start, flare.end)}</title></rect>"
        )
    grid = "".join(f"M{c(f.left)} {c(f.y(v))}H{c(f.right)}" for v in lay.levels)
    out.append(f'<path class="chart-grid" fill="none" stroke-width="1" d="{grid}"/>')
    for v, label in zip(lay.levels, lay.level_labels, strict=True):
        out.append(
            f'<text class="chart-label" x="{c(f.left - 5)}" y="{c(f.y(v) + FONT * 0.35)}"'
            f' text-anchor="end">{esc(label)}</text>'
        )
    out.extend(_x_axis(f, lay.floor, width))
    out.extend(_bands(f, lay.rows, lay.row_h))
    return out


def _lines(spec: LineChart, lay: _Layout) -> list[str]:
    """Return the daily line and dots, the 7-day mean and the expected line."""
    f, series, n = lay.f, lay.series, lay.f.n
    out = []
    if all(v is None for v in series):
        out.append(
            f'<text class="chart-label" x="{c((f.left + f.right) / 2)}"'
            f' y="{c((f.top + f.bottom) / 2 + FONT * 0.35)}" text-anchor="middle">'
            "nothing logged in this period</text>"
        )
    # Past 90 days the daily line is a texture: fainter, so that the mean reads as the trend.
    stroke, opacity = (1.5, 1.0) if n <= 90 else (1.2, 0.6) if n <= 400 else (0.8, 0.6)
    out.append(path(series, f, "chart-line", stroke, opacity))
    out.extend(dots(series, f, every=n <= 90))
    out.append(path(lay.mean, f, "chart-mean", 2.5))
    if spec.expected is not None and spec.expected.values:
        out.append(path(list(spec.expected.values)[:n], f, "chart-expected", 2.0))
    return out


def _ticks(lay: _Layout) -> list[str]:
    """Return one tick along the top for each tagged day, its tags in its tooltip."""
    f, out = lay.f, []
    for d, labels in lay.tagged.items():
        x = c(f.left + ((d - f.start).days + 0.5) * f.day_w)
        out.append(
            f'<line class="chart-marker" x1="{x}" x2="{x}" y1="{c(f.top - MARK_H + 1)}"'
            f' y2="{c(f.top - 2)}" stroke-width="2"><title>{esc(_text.day(d))}:'
            f" {esc(', '.join(labels))}</title></line>"
        )
    return out


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
