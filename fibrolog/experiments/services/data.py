"""Read a person's daily values of one metric, one entry per calendar day."""

from __future__ import annotations

from datetime import date

from django.db.models import F, Q

from fibrolog.diary.models import DailyValue, Metric
from fibrolog.diary.services.checkin import SOURCE_PRIORITY


def metric_for(user, key: str) -> Metric | None:
    """Return the person's own metric called `key`, else the built-in one."""
    found = Metric.objects.filter(Q(owner=user) | Q(owner__isnull=True), key=key)
    return found.order_by(F("owner_id").asc(nulls_last=True)).first()


def daily_series(user, key: str, start: date, end: date) -> list[float | None]:
    """Return the values of `key` from `start` to `end` inclusive (None = not logged)."""
    n = (end - start).days + 1
    if n <= 0:
        return []
    out: list[float | None] = [None] * n
    rank = [99] * n
    metric = metric_for(user, key)
    if metric is None:
        return out
    rows = DailyValue.objects.filter(user=user, metric=metric, day__range=(start, end))
    for day, source, value in rows.values_list("day", "source", "value"):
        i, r = (day - start).days, SOURCE_PRIORITY.get(source, 2)
        if r < rank[i]:
            rank[i], out[i] = r, value
    return out


def outcome_names(user, keys) -> list[str]:
    """Return the display names of outcome keys."""
    return [m.name if (m := metric_for(user, k)) else k for k in keys]
