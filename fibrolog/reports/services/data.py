"""Read a period of the diary the way the report shows it (manual entries win over imports)."""

from __future__ import annotations

from datetime import date

from fibrolog.charts import Band
from fibrolog.diary.models import DailyValue, Flare, Metric

SEVERITY = {1: "mild", 2: "moderate", 3: "severe"}


def series(user, metrics: list[Metric], start: date, end: date) -> dict[str, list[float | None]]:
    """Return one value per day (None: not logged) for each metric key."""
    n = (end - start).days + 1
    out: dict[str, list[float | None]] = {m.key: [None] * n for m in metrics}
    rows = DailyValue.objects.for_user(user).filter(metric__in=metrics, day__range=(start, end))
    for key, day, value in rows.preferred().values_list("metric__key", "day", "value"):
        out[key][(day - start).days] = value
    return out


def flares(user, start: date, end: date) -> list[Flare]:
    """Return the flares that overlap the period, oldest first."""
    return list(Flare.objects.filter(user=user, start__lte=end, end__gte=start).order_by("start"))


def flare_bands(rows: list[Flare]) -> list[Band]:
    """Return flares as chart bands."""
    return [Band(f.start, f.end, f"{SEVERITY[f.severity].capitalize()} flare") for f in rows]


def mean(values: list[float | None]) -> float | None:
    """Return the mean of the logged values, or None when nothing was logged."""
    logged = [v for v in values if v is not None]
    return sum(logged) / len(logged) if logged else None
