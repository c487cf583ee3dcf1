"""Helpers for the self-experiment tests: a draft experiment and logged daily values."""

from __future__ import annotations

from datetime import date, timedelta

from fibrolog.diary.models import DailyValue, Metric
from fibrolog.experiments.models import Experiment
from fibrolog.experiments.services import save_draft


def draft(user, start: date, **fields) -> Experiment:
    """Save and return a draft: omega-3 vs nothing on pain, fast design, 4 pairs by default."""
    params = fields.pop("params", {"pairs": 4, "period": 7, "washout": 1, "baseline": 7})
    exp = Experiment(
        user=user,
        tested=fields.pop("tested", "Omega-3"),
        tested_key="omega3",
        comparison="Nothing (usual care)",
        design=fields.pop("design", "fast"),
        params=params,
        start=start,
        **fields,
    )
    return save_draft(exp)


def log(user, first: date, values, key: str = "pain") -> None:
    """Log one value per day from `first` (None = not logged)."""
    metric = Metric.objects.get(key=key, owner__isnull=True)
    DailyValue.objects.bulk_create(
        DailyValue(user=user, metric=metric, day=first + timedelta(days=i), value=v)
        for i, v in enumerate(values)
        if v is not None
    )
