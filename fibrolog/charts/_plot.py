"""The plot area: how days and values map to coordinates, and the daily series drawn on it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from fibrolog.charts._text import coord as c


@dataclass(frozen=True)
class Frame:
    """Where the plot sits in the picture, and how days and values map onto it."""

    start: date
    end: date
    n: int
    left: float
    right: float
    top: float
    bottom: float
    low: float
    high: float

    @property
    def day_w(self) -> float:
        return (self.right - self.left) / self.n

    def span(self, first: date, last: date) -> tuple[float, float]:
        """Return the x extent of the inclusive period, clipped to the chart's window."""
        a, b = max(first, self.start), min(last, self.end) + timedelta(days=1)
        return self.left + (a - self.start).days * self.day_w, self.left + (
            b - self.start
        ).days * self.day_w

    def y(self, v: float) -> float:
        v = min(max(v, self.low), self.high)
        return self.bottom - (v - self.low) * (self.bottom - self.top) / (self.high - self.low)


def path(
    values: Sequence[float | None], f: Frame, cls: str, stroke_width: float, opacity: float = 1.0
) -> str:
    """Return a path through the values that lifts the pen at every missing day."""
    x0, dw = f.left + f.day_w / 2, f.day_w
    parts, pen = [], False
    for i, v in enumerate(values):
        if v is None:
            pen = False
            continue
        parts.append(f"{'L' if pen else 'M'}{c(x0 + i * dw)} {c(f.y(v))}")
        pen = True
    if not parts:
        return ""
    faint = f' stroke-opacity="{opacity:g}"' if opacity < 1 else ""
    return (
        f'<path class="{cls}" fill="none" stroke-width="{stroke_width:g}"'
        f' stroke-linejoin="round" stroke-linecap="round"{faint} d="{"".join(parts)}"/>'
    )


def dots(values: Sequence[float | None], f: Frame, every: bool) -> list[str]:
    """Return a dot for every value (short spans) and a larger one for each lone logged day."""
    x0, dw, last = f.left + f.day_w / 2, f.day_w, len(values) - 1
    out = []
    for i, v in enumerate(values):
        if v is None:
            continue
        alone = (i == 0 or values[i - 1] is None) and (i == last or values[i + 1] is None)
        if alone or every:
            out.append(
                f'<circle class="chart-dot" cx="{c(x0 + i * dw)}" cy="{c(f.y(v))}"'
                f' r="{2.4 if alone else 1.8}"/>'
            )
    return out
