"""Charts drawn server-side as accessible SVG, shared by the pages and the reports (no Django).

A chart is specified by small frozen values, then drawn: ``line_chart(LineChart(title,
Series(start, values), Scale(low, high, unit, worse), bands=..., flares=..., markers=...))``
draws a daily series over a window: the line breaks at days not logged, a 7-day mean beyond 30
days, treatment `Band`s in a strip, flare `Band`s behind the line, tag `Marker`s along the top
and an `Expected` line dashed; `caption(spec)` names every line for the legend under it. With
`phone_width` the text is sized to read at 12 px or more on a 390 px phone. Colours come from
CSS classes (static/fibrolog/charts.css) only.
"""

from fibrolog.charts.spec import PHONE_WIDTH, Band, Expected, LineChart, Marker, Scale, Series
from fibrolog.charts.svg import caption, line_chart, rolling_mean

__all__ = [
    "PHONE_WIDTH",
    "Band",
    "Expected",
    "LineChart",
    "Marker",
    "Scale",
    "Series",
    "caption",
    "line_chart",
    "rolling_mean",
]
