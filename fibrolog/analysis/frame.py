"""Diaries as the engine reads them: a daily pandas DataFrame, one column per series.

Rows are calendar days (every day from the first to the last, so gaps are exact); a metric is
NaN where it was not logged; a tag is 1 on a logged day it was ticked, 0 on a logged day it
was not and NaN on a day not logged; a treatment is 1 on the days of its regimens and 0
otherwise.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from fibrolog.analysis.simulate import DemoDiary

__all__ = ["TAG_PREFIX", "daily", "demo_frame", "label", "read_diary_csv"]

#: Tag columns are named "tag:<name>" (as in the app's diary frame).
TAG_PREFIX = "tag:"


def label(column: str) -> str:
    """Return a column's name for people: ``"tag:overdid it"`` -> ``"overdid it"``."""
    name = column[len(TAG_PREFIX) :] if column.startswith(TAG_PREFIX) else column
    return name.replace("_", " ")


def daily(diary: pd.DataFrame) -> pd.DataFrame:
    """Return the diary on a complete daily index with float columns (NaN = not logged).

    Notes
    -----
    The index is normalised to midnight; a date given twice keeps its last row. Values that
    are not numbers, and infinities, become NaN.
    """
    frame = diary.copy()
    frame.index = pd.DatetimeIndex(pd.to_datetime(frame.index)).normalize()
    frame = frame[~frame.index.duplicated(keep="last")].sort_index()
    frame = frame.apply(pd.to_numeric, errors="coerce").astype(float)
    frame = frame.replace([np.inf, -np.inf], np.nan)
    if len(frame.index):
        full = pd.date_range(frame.index[0], frame.index[-1], freq="D", name="date")
        frame = frame.reindex(full)
    frame.columns = [str(c) for c in frame.columns]
    return frame


def demo_frame(diary: DemoDiary) -> pd.DataFrame:
    """Return a simulated diary (`simulate_diary`) as the engine's daily DataFrame.

    Columns: every metric, ``tag:<name>`` for every tag and one column per treatment (1 on
    regimen days).
    """
    index = pd.DatetimeIndex(pd.to_datetime(list(diary.days)), name="date")
    data: dict[str, np.ndarray] = {
        key: np.array([np.nan if v is None else v for v in values], dtype=float)
        for key, values in diary.values.items()
    }
    logged = np.zeros(len(index), dtype=bool)
    for values in data.values():
        logged |= ~np.isnan(values)
    position = {day: i for i, day in enumerate(diary.days)}
    for name, ticked in diary.tags.items():
        column = np.where(logged, 0.0, np.nan)
        column[[position[d] for d in ticked]] = 1.0
        data[TAG_PREFIX + name] = column
    for treatment in diary.treatments:
        on = np.zeros(len(index))
        for start, stop, _dose in treatment.regimens:
            last = len(index) - 1 if stop is None else position[stop]
            on[position[start] : last + 1] = 1.0
        data[treatment.key] = on
    return pd.DataFrame(data, index=index)


def read_diary_csv(path: str | Path) -> pd.DataFrame:
    """Read a diary CSV: a ``date`` column (YYYY-MM-DD) and one column per series.

    Raises
    ------
    ValueError
        Without a ``date`` column or with a date that cannot be read.
    """
    table = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    table.columns = [str(c).strip() for c in table.columns]
    if "date" not in table.columns:
        raise ValueError("the CSV needs a 'date' column (YYYY-MM-DD)")
    dates = pd.to_datetime(table.pop("date").str.strip(), errors="coerce", format="%Y-%m-%d")
    if dates.isna().any():
        bad = int(np.flatnonzero(dates.isna().to_numpy())[0]) + 2
        raise ValueError(f"line {bad}: the date is not YYYY-MM-DD")
    values = table.apply(lambda col: pd.to_numeric(col.str.strip(), errors="coerce"))
    values.index = pd.DatetimeIndex(dates, name="date")
    return daily(values)
