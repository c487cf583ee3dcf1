"""Symptom trends: a chart per main symptom (daily values, 7-day means, flares) and a table."""

from __future__ import annotations

from typing import Any

from django.utils.safestring import mark_safe

from fibrolog.charts import line_chart
from fibrolog.diary.catalogue import SYMPTOM
from fibrolog.diary.models import Metric
from fibrolog.diary.services.checkin_settings import checkin_metrics
from fibrolog.reports.services import data

MAX_CHARTS = 4
EDGE_DAYS = 28  # the first and the last four weeks are compared
# Daily pain on a 0-10 scale: 1 point is a minimal important change, 2 points "much better"
# (Salaffi F et al. Eur J Pain 2004;8:283-291; Farrar JT et al. Pain 2001;94:149-158).
PAIN_MIC, PAIN_MUCH = 1.0, 2.0


def build(request) -> dict[str, Any]:
    """Return the charts, the table of first and last four weeks, and the flares."""
    user, start, end = request.user, request.start, request.end
    order = [m for m in checkin_metrics(user)]
    visible = Metric.objects.visible_to(user).order_by("position", "key")
    order += [m for m in visible if m not in order]
    values = data.series(user, order, start, end)
    shown = [m for m in order if any(v is not None for v in values[m.key])]
    flares = data.flares(user, start, end)
    bands = data.flare_bands(flares)
    charted = [m for m in shown if m.kind == SYMPTOM][:MAX_CHARTS]
    charts = [
        mark_safe(
            line_chart(
                title=m.name,
                start=start,
                values=values[m.key],
                low=m.low,
                high=m.high,
                unit=m.unit,
                worse=m.worse,
                flares=bands,
                chart_id=f"report-{m.key}",
                height=132,
            )
        )
        for m in charted
    ]
    return {
        "charts": charts,
        "rows": [_row(m, values[m.key], request.days) for m in shown],
        "flares": [
            {"start": f.start, "end": f.end, "days": (f.end - f.start).days + 1, "severity": s}
            for f in flares
            for s in [data.SEVERITY[f.severity]]
        ],
        "flare_days": sum((min(f.end, end) - max(f.start, start)).days + 1 for f in flares),
        "edge_days": EDGE_DAYS,
    }


def _row(metric, values: list[float | None], days: int) -> dict[str, Any]:
    first, last = data.mean(values[:EDGE_DAYS]), data.mean(values[-EDGE_DAYS:])
    change = None if first is None or last is None or days < 2 * EDGE_DAYS else last - first
    return {
        "name": metric.name,
        "unit": metric.unit,
        "logged": sum(v is not None for v in values),
        "days": days,
        "mean": data.mean(values),
        "first": first,
        "last": last,
        "change": change,
        "verdict": _verdict(metric, change),
    }


def _verdict(metric, change: float | None) -> str:
    if change is None or metric.worse == "neither":
        return ""
    better = change < 0 if metric.worse == "higher" else change > 0
    if metric.key == "pain":
        size = abs(change)
        if size >= PAIN_MUCH:
            return "much better" if better else "much worse"
        if size >= PAIN_MIC:
            return "minimal important improvement" if better else "minimal important worsening"
        return "no meaningful change"
    if abs(change) < 0.05 * (metric.high - metric.low):
        return "about the same"
    return "better" if better else "worse"
