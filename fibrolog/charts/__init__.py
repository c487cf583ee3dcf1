"""Charts drawn server-side as accessible SVG, shared by the pages and the reports (no Django).

A chart is specified by small frozen values, then drawn: ``line_chart(LineChart(title,
Series(start, values), Scale(low, high, unit, worse), bands=..., flares=..., markers=...))``
draws a daily series over a window: the line breaks at days not logged, a 7-day mean beyond 30
days, treatment `Band`s in a strip, flare `Band`s behind the line, tag `Marker`s along the top
and an `Expected` line dashed. Colours come from CSS classes (static/fibrolog/charts.css) only.
"""

from fibrolog.charts.spec import Band, Expected, LineChart, Marker, Scale, Series
from fibrolog.charts.svg import line_chart, rolling_mean

__all__ = [
    "Band",
    "Expected",
    "LineChart",
    "Marker",
    "Scale",
    "Series",
    "line_chart",
    "rolling_mean",
]
