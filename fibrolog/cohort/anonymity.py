"""Band quasi-identifiers and suppress cells until every combination is shared by k people."""

from __future__ import annotations

import math

import pandas as pd

__all__ = ["BANDS", "K", "band", "min_class_size", "suppress"]

K = 5
#: Numeric covariates and the width of their bands (anything else numeric: bands of 10).
BANDS = {"age": 10.0, "baseline_fiqr": 20.0, "years_since_diagnosis": 5.0, "baseline_sleep": 2.0}


def band(column: str, value: str) -> str:
    """Return a numeric value as its band ("40-49"), any other value unchanged."""
    try:
        number = float(value)
    except ValueError:
        return value
    if not math.isfinite(number):
        return ""
    width = BANDS.get(column, 10.0)
    low = math.floor(number / width) * width
    return f"{low:g}-{low + width - (1 if width >= 1 else 0):g}"


def min_class_size(table: pd.DataFrame, columns: list[str]) -> int:
    """Return the size of the smallest group of rows sharing every quasi-identifier value.

    Rows with every quasi-identifier suppressed (None) are not counted: they reveal nothing.
    """
    if not columns or table.empty:
        return len(table)
    shown = table[table[columns].notna().any(axis=1)]
    if shown.empty:
        return len(table)
    return int(shown.groupby(columns, dropna=False).size().min())


def suppress(table: pd.DataFrame, columns: list[str], k: int = K) -> tuple[pd.DataFrame, int]:
    """Suppress quasi-identifier cells (None) until every group has at least k people.

    Returns
    -------
    table, cells
        The suppressed copy and how many cells were suppressed.

    Notes
    -----
    Greedy local suppression: in the rows of groups smaller than k, the column with the most
    distinct values is blanked, and again until no group is smaller than k (at worst every
    quasi-identifier of those rows is blanked).
    """
    out = table.copy()
    out[columns] = out[columns].astype(object)
    cells = 0
    while True:
        shown = out[columns].notna().any(axis=1)
        sizes = out[shown].groupby(columns, dropna=False)[columns[0]].transform("size")
        small = sizes.index[sizes < k]
        if not len(small):
            return out, cells
        part = out.loc[small, columns]
        target = max(columns, key=lambda c: (part[c].nunique(dropna=True), part[c].notna().sum()))
        if part[target].isna().all():
            target = next(c for c in columns if part[c].notna().any())
        cells += int(part[target].notna().sum())
        out.loc[small, target] = None
