"""Build the timeline: one chart per check-in metric, treatment bands, flares and tags."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q
from django.utils.safestring import SafeString, mark_safe

from fibrolog.charts import PHONE_WIDTH, Band, LineChart, Marker, Scale, Series, caption, line_chart
from fibrolog.diary.models import DailyValue, DayTag, Flare, Metric
from fibrolog.diary.services.checkin_settings import checkin_metrics
from fibrolog.ingest.weather import ATTRIBUTION
from fibrolog.treatments.models import Regimen

WINDOWS = (30, 90, 365)
WEATHER_KEYS = {"pressure_hpa", "pressure_change_24h", "temp_mean_c", "humidity_pct"}

# A narrower viewBox keeps text legible when the SVG is scaled down to a phone's width.
CHART_WIDTH, CHART_HEIGHT = 480, 220


@dataclass(frozen=True)
class Chart:
    key: str
    name: str
    svg: SafeString
    caption: str = ""


@dataclass(frozen=True)
class TimelineView:
    days: int
    start: date
    end: date
    charts: list[Chart]
    bands: list[Band]
    flares: list[Band]
    tag_days: int
    tags: list[tuple[str, int]]  # (tag, days) in the window, most used first
    attribution: str = ""  # shown under the charts when weather data is among them


def _series(user, metrics, start: date, end: date) -> dict[int, list[float | None]]:
    n = (end - start).days + 1
    series: dict[int, list[float | None]] = {m.id: [None] * n for m in metrics}
    rows = DailyValue.objects.for_user(user).filter(metric__in=metrics, day__range=(start, end))
    for metric_id, day, value in rows.preferred().values_list("metric_id", "day", "value"):
        series[metric_id][(day - start).days] = value
    return series


def _bands(user, start: date, end: date) -> list[Band]:
    regimens = (
        Regimen.objects.filter(treatment__user=user, start__lte=end)
        .filter(Q(stop__isnull=True) | Q(stop__gte=start))
        .select_related("treatment")
        .order_by("treatment__name", "start")
    )
    return [Band(r.start, r.stop or end, r.label()) for r in regimens]


def _other_logged(user, shown, start: date, end: date) -> list:
    """Return metrics not on the check-in that have values in the window (imports, weather)."""
    ids = set(
        DailyValue.objects.filter(user=user, day__range=(start, end))
        .exclude(metric__in=shown)
        .values_list("metric_id", flat=True)
        .distinct()
    )
    return list(Metric.objects.visible_to(user).filter(id__in=ids).order_by("position", "name"))


def timeline(user, today: date, days: int) -> TimelineView:
    """Return the charts for the `days` days ending today."""
    start = today - timedelta(days=days - 1)
    metrics = checkin_metrics(user)
    metrics += _other_logged(user, metrics, start, today)
    series = _series(user, metrics, start, today)
    bands = _bands(user, start, today)
    flares = [
        Band(f.start, f.end, f"{f.get_severity_display()} flare")
        for f in Flare.objects.filter(user=user, start__lte=today, end__gte=start)
    ]
    tagged = list(
        DayTag.objects.filter(user=user, day__range=(start, today))
        .values_list("day", "tag__name")
        .order_by("day")
    )
    markers = [Marker(d, name) for d, name in tagged]
    charts = []
    for i, m in enumerate(metrics):
        spec = LineChart(
            title=m.name,
            series=Series(start, series[m.id]),
            scale=Scale(m.low, m.high, m.unit, m.worse),
            bands=bands,
            flares=flares,
            markers=markers if i == 0 else (),
            chart_id=f"chart-{m.key}",
            size=(CHART_WIDTH, CHART_HEIGHT),
            phone_width=PHONE_WIDTH,
        )
        svg = line_chart(spec)
        charts.append(Chart(m.key, m.name, mark_safe(svg), caption(spec)))
    weather = any(m.key in WEATHER_KEYS for m in metrics)
    return TimelineView(
        days,
        start,
        today,
        charts,
        bands,
        flares,
        len({d for d, _ in tagged}),
        _tag_counts(markers),
        ATTRIBUTION if weather else "",
    )


def _tag_counts(markers: list[Marker]) -> list[tuple[str, int]]:
    """Return each tag in the window with its number of days, most used first."""
    counts: dict[str, int] = {}
    for m in markers:
        counts[m.label] = counts.get(m.label, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
