"""Charts drawn server-side as accessible SVG, shared by the pages and the reports (no Django).

`line_chart` draws a daily series over a window: the line breaks at days not logged, a 7-day
mean beyond 30 days, treatment `Band`s in a strip, flare `Band`s behind the line and tag
`Marker`s along the top. Colours come from CSS classes (static/fibrolog/charts.css) only.
"""

from fibrolog.charts.svg import Band, Marker, line_chart, rolling_mean

__all__ = ["Band", "Marker", "line_chart", "rolling_mean"]
