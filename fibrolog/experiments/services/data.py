"""Read a person's daily values of one metric, one entry per calendar day."""

from __future__ import annotations

from datetime import date

from django.db.models import F, Q

from fibrolog.diary.models import DailyValue, Metric


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
    metric = metric_for(user, key)
    if metric is None:
        return out
    rows = DailyValue.objects.for_user(user).filter(metric=metric, day__range=(start, end))
    for day, value in rows.preferred().values_list("day", "value"):
        out[(day - start).days] = value
    return out


def outcome_names(user, keys) -> list[str]:
    """Return the display names of outcome keys."""
    return [m.name if (m := metric_for(user, k)) else k for k in keys]
