"""What a chart shows, as small frozen values: the series, its scale, periods and tags."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

__all__ = ["WORSE", "Band", "Expected", "LineChart", "Marker", "Scale", "Series"]

WORSE = ("higher", "lower", "neither")


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


@dataclass(frozen=True)
class Scale:
    """The value axis: its range, unit and which way is worse."""

    low: float
    high: float
    unit: str = ""
    worse: str = "higher"

    def __post_init__(self) -> None:
        """Refuse a scale without room or an unknown direction."""
        if not self.high > self.low:
            raise ValueError(f"high ({self.high}) must be above low ({self.low})")
        if self.worse not in WORSE:
            raise ValueError(f"worse must be one of {WORSE}, not {self.worse!r}")


def _values(values: Sequence[float | None]) -> tuple[float | None, ...]:
    """Return the values as floats, a missing day (None or NaN) as None."""
    return tuple(None if v is None or v != v else float(v) for v in values)


@dataclass(frozen=True)
class Series:
    """Daily values: ``values[i]`` is the value on ``start + i`` days (None: not logged)."""

    start: date
    values: Sequence[float | None]

    def __post_init__(self) -> None:
        """Keep the values as an immutable tuple."""
        object.__setattr__(self, "values", _values(self.values))

    @property
    def end(self) -> date:
        """The last day (the first for an empty series)."""
        return self.start + timedelta(days=max(len(self.values), 1) - 1)


@dataclass(frozen=True)
class Expected:
    """A dashed line over the same days, e.g. what a model expects without a treatment."""

    values: Sequence[float | None]
    label: str = ""

    def __post_init__(self) -> None:
        """Keep the values as an immutable tuple."""
        object.__setattr__(self, "values", _values(self.values))


@dataclass(frozen=True)
class LineChart:
    """One daily line chart: a series on a scale, with treatment bands, flares and tags.

    `bands` go in a strip under the plot, `flares` behind the line, `markers` along the top
    (the first chart of a stack only, usually); `chart_id` names the SVG's title and
    description for screen readers; `width` and `height` are in user units.
    """

    title: str
    series: Series
    scale: Scale
    bands: Sequence[Band] = ()
    flares: Sequence[Band] = ()
    markers: Sequence[Marker] = ()
    expected: Expected | None = None
    chart_id: str = "chart"
    size: tuple[int, int] = field(default=(720, 170))

    def __post_init__(self) -> None:
        """Keep the periods and tags as immutable tuples."""
        for name in ("bands", "flares", "markers"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
