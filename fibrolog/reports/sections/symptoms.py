"""Symptom trends: a chart per main symptom (daily values, 7-day means, flares) and a table."""

from __future__ import annotations

from typing import Any

from django.utils.safestring import mark_safe

from fibrolog.catalogue import LOWER, NEITHER, SYMPTOM
from fibrolog.charts import LineChart, Scale, Series, line_chart
from fibrolog.diary.models import Metric
from fibrolog.diary.services.checkin_settings import checkin_metrics
from fibrolog.instruments.change import daily_change
from fibrolog.reports.services import data

MAX_CHARTS = 4
EDGE_DAYS = 28  # the first and the last four weeks are compared
DIRECTION = {LOWER: "higher is better", NEITHER: "neither way is better"}


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
                LineChart(
                    title=m.name,
                    series=Series(start, values[m.key]),
                    scale=Scale(m.low, m.high, m.unit, m.worse),
                    flares=bands,
                    chart_id=f"report-{m.key}",
                    size=(720, 132),
                )
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
        "key": metric.key,
        "name": metric.name,
        "unit": metric.unit,
        "direction": DIRECTION.get(metric.worse, ""),
        "qualifier": "; ".join(
            w
            for w in (metric.unit if metric.unit != "0-10" else "", DIRECTION.get(metric.worse))
            if w
        ),
        "logged": sum(v is not None for v in values),
        "days": days,
        "mean": data.mean(values),
        "first": first,
        "last": last,
        "change": change,
        "verdict": _verdict(metric, change),
    }


def _verdict(metric, change: float | None) -> str:
    """Return the change in words, by the one threshold declared for the measure."""
    if change is None or metric.worse == NEITHER:
        return ""
    rule = daily_change(metric.key, low=metric.low, high=metric.high)
    if rule is None:
        if round(change, 1) == 0:
            return "about the same; no published threshold"
        return f"{'higher' if change > 0 else 'lower'}; no published threshold"
    lower_is_better = metric.worse != LOWER
    return rule.classify(0, change, lower_is_better=lower_is_better) or "no meaningful change"
