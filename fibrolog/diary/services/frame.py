"""A person's diary as the analysis engine reads it: one row per day, one column per series."""

from __future__ import annotations

from datetime import date
from typing import Any

from fibrolog.diary.models import DailyValue, DayTag, Flare, Metric
from fibrolog.treatments.models import Regimen

TAG_PREFIX = "tag:"
DEFAULT_OUTCOMES = ("pain", "fatigue", "fog", "sleep_quality", "mood", "anxiety")


def diary_frame(user, *, start: date | None = None, end: date | None = None):
    """Return (DataFrame, meta) of the person's diary for fibrolog.analysis.insights.

    Columns: each metric key (NaN = not logged), `tag:<name>` (1 ticked, 0 logged without it,
    NaN on days not logged), and each treatment's key or name (1 on regimen days, else 0).
    meta: worse, scale, slow (treatment columns with slow onset), outcomes, flares.
    """
    import numpy as np
    import pandas as pd

    rows = DailyValue.objects.for_user(user)
    if start:
        rows = rows.filter(day__gte=start)
    if end:
        rows = rows.filter(day__lte=end)
    best = {(d, k): v for d, k, v in rows.preferred().values_list("day", "metric__key", "value")}
    if not best:
        return pd.DataFrame(index=pd.DatetimeIndex([], name="date")), _meta(user, [])
    days = sorted({d for d, _ in best})
    first, last = start or days[0], end or days[-1]
    index = pd.date_range(first, last, freq="D", name="date")
    records = [(pd.Timestamp(d), k, v) for (d, k), v in best.items()]
    long = pd.DataFrame.from_records(records, columns=["date", "metric", "value"])
    frame = long.pivot(index="date", columns="metric", values="value").reindex(index)
    frame.columns.name = None
    logged = frame.notna().any(axis=1)
    tagged: dict[str, list[pd.Timestamp]] = {}
    for day, name in DayTag.objects.filter(user=user, day__range=(first, last)).values_list(
        "day", "tag__name"
    ):
        tagged.setdefault(TAG_PREFIX + name, []).append(pd.Timestamp(day))
    for column, tag_days in tagged.items():
        frame[column] = np.where(logged, 0.0, np.nan)
        frame.loc[tag_days, column] = 1.0
    treatments: list[Any] = []
    for regimen in Regimen.objects.filter(treatment__user=user).select_related("treatment"):
        t = regimen.treatment
        column = t.key or t.name
        if column not in frame:
            frame[column] = 0.0
            treatments.append(t)
        stop = regimen.stop or last
        on = (frame.index >= pd.Timestamp(regimen.start)) & (frame.index <= pd.Timestamp(stop))
        frame.loc[on, column] = 1.0
    return frame.sort_index(axis=1), _meta(user, treatments)


def _meta(user, treatments) -> dict[str, Any]:
    metrics = list(Metric.objects.visible_to(user))
    flares = [(f.start, f.end) for f in Flare.objects.filter(user=user)]
    return {
        "worse": {m.key: m.worse for m in metrics},
        "scale": {m.key: (m.low, m.high) for m in metrics},
        "slow": {t.key or t.name for t in treatments if t.onset == "slow"},
        "treatments": [t.key or t.name for t in treatments],
        "outcomes": list(DEFAULT_OUTCOMES),
        "flares": flares,
    }
