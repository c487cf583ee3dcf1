"""Find flares in a pain series after removing its day-to-day autocorrelation, and describe
what came before them.

Descriptive only: "what preceded" compares how often something happened in the days before a
flare with how often it happens otherwise; it is not evidence that it causes flares.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

LEVEL_DAYS = 28  # the person's usual level: a trailing 28-day median
ONSET_SD = 1.5  # a flare starts with a jump this many innovation SDs above the usual
STAY_SD = 0.75  # ... and lasts while pain stays this many SDs above the usual level
HOLD_SD = 1.0  # ... after its first three days averaged this many SDs above it
MIN_DAYS = 3
MIN_SPREAD = 0.5  # points: a nearly constant diary has no flares, however small its wobbles


@dataclass(frozen=True)
class FlareEpisode:
    """A run of days well above the person's usual level that started with a jump."""

    start: date
    end: date
    peak: float
    excess: float  # mean points above the usual level

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class Preceded:
    """How often `factor` was present in the days before flares versus on other days."""

    factor: str
    before: int  # flares with it in the window before their start
    flares: int
    rate_before: float
    rate_otherwise: float

    def summary(self, window: int) -> str:
        """Return it in plain, descriptive words."""
        return (
            f"{self.factor}: in the {window} days before {self.before} of your {self.flares} "
            f"flares ({self.rate_before:.0%} of those days), against {self.rate_otherwise:.0%}"
            f" of other days. A description, not a cause."
        )


def detect_flares(pain: pd.Series, *, min_days: int = MIN_DAYS) -> list[FlareEpisode]:
    """Return the flares in a daily pain series (date index, NaN = not logged).

    Notes
    -----
    The usual level is a trailing 28-day median; deviations from it are AR(1)-filtered
    (innovation e_t = d_t - rho * d_{t-1}, rho the lag-1 autocorrelation of the deviations on
    consecutive logged days), so that an ordinary slow drift is not a flare. A flare starts on a
    day whose innovation exceeds 1.5 robust SDs, whose deviation exceeds 1 SD and whose first
    three days average over 1 SD above the usual level, and lasts while the deviation stays
    above 0.75 SD (one unlogged day does not end it); runs shorter than
    `min_days` are dropped.
    """
    y = pain.astype(float).asfreq("D")
    if y.notna().sum() < LEVEL_DAYS:
        return []
    level = y.rolling(LEVEL_DAYS, min_periods=7).median().shift(1)
    d = (y - level).to_numpy()
    ok = ~np.isnan(d)
    pairs = ok[1:] & ok[:-1]
    if pairs.sum() < 10:
        return []
    a, b = d[:-1][pairs], d[1:][pairs]
    rho = float(np.clip(np.corrcoef(a, b)[0, 1], -0.5, 0.95)) if a.std() and b.std() else 0.0
    innov = np.full_like(d, np.nan)
    innov[1:][pairs] = b - rho * a
    spread = max(float(np.nanstd(d)), MIN_SPREAD)
    valid = innov[~np.isnan(innov)]
    sigma = max(1.4826 * float(np.median(np.abs(valid - np.median(valid)))), MIN_SPREAD / 2)
    episodes: list[FlareEpisode] = []
    i, n, days = 0, len(d), y.index
    while i < n:
        if ok[i] and innov[i] > ONSET_SD * sigma and d[i] > spread and _holds(d, ok, i, spread):
            j, gap = i, 0
            while j + 1 < n and gap <= 1:
                if ok[j + 1] and d[j + 1] > STAY_SD * spread:
                    j, gap = j + 1, 0
                elif not ok[j + 1]:
                    gap += 1
                    j += 1
                else:
                    break
            while j > i and not ok[j]:
                j -= 1
            if j - i + 1 >= min_days:
                run = d[i : j + 1][ok[i : j + 1]]
                episodes.append(
                    FlareEpisode(
                        days[i].date(),
                        days[j].date(),
                        float(np.nanmax(y.to_numpy()[i : j + 1])),
                        float(run.mean()),
                    )
                )
            i = j + 1
        else:
            i += 1
    return episodes


def _holds(d: np.ndarray, ok: np.ndarray, i: int, spread: float) -> bool:
    """Return True when the first three days average over HOLD_SD SDs above the usual level."""
    window = d[i : i + 3][ok[i : i + 3]]
    return len(window) >= 2 and float(window.mean()) > HOLD_SD * spread


def what_preceded(
    flares: Sequence[FlareEpisode], diary: pd.DataFrame, *, window: int = 3, min_flares: int = 3
) -> list[Preceded]:
    """Describe yes/no columns (1 = present) in the `window` days before each flare's start.

    Returns the columns present before at least two flares, most over-represented first; empty
    with fewer than `min_flares` flares.
    """
    if len(flares) < min_flares:
        return []
    frame = diary.asfreq("D")
    before = pd.Series(False, index=frame.index)
    for f in flares:
        start = pd.Timestamp(f.start)
        before[(frame.index >= start - pd.Timedelta(days=window)) & (frame.index < start)] = True
    out = []
    for column in frame.columns:
        values = frame[column]
        if not set(values.dropna().unique()) <= {0.0, 1.0}:
            continue
        hits = sum(
            bool(
                (
                    values[
                        (values.index >= pd.Timestamp(f.start) - pd.Timedelta(days=window))
                        & (values.index < pd.Timestamp(f.start))
                    ]
                    == 1
                ).any()
            )
            for f in flares
        )
        inside, outside = values[before].dropna(), values[~before].dropna()
        if hits < 2 or inside.empty or outside.empty:
            continue
        out.append(
            Preceded(str(column), hits, len(flares), float(inside.mean()), float(outside.mean()))
        )
    return sorted(out, key=lambda p: p.rate_before - p.rate_otherwise, reverse=True)
