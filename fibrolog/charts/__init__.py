"""Charts drawn server-side as SVG, shared by the pages and the reports (pure: no Django)."""

from fibrolog.charts.line import Band, Marker, line_chart, rolling_mean

__all__ = ["Band", "Marker", "line_chart", "rolling_mean"]
