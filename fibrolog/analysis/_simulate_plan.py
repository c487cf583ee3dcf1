"""The demo diary's calendar: treatment regimens, flares and which days are logged.

Days are indices into the span (0 = oldest day); simulate.py turns them into dates.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from fibrolog.analysis import _simulate_model as m

# (first day, last day inclusive or None = still ongoing at the end, dose)
Regimen = tuple[int, int | None, float]
Flare = tuple[int, int, int]  # (first day, last day inclusive, severity 1-3)


def ldn_start(n_days: int) -> int:
    """Return the day LDN starts: see LDN_START_FRACTION and docs/demo-data.md."""
    latest_for_min_days = max(n_days - m.LDN_MIN_DAYS_ON, round(m.LDN_EARLIEST_FRACTION * n_days))
    return min(round(m.LDN_START_FRACTION * n_days), latest_for_min_days)


def regimens(n_days: int) -> dict[str, tuple[Regimen, ...]]:
    """Return each demo treatment's regimens, clipped to the span (deterministic)."""
    ldn: list[Regimen] = []
    day = ldn_start(n_days)
    for length, dose in m.LDN_TITRATION:
        ldn.append((day, None if length is None else day + length - 1, dose))
        day += length or 0
    vitamin_d = [
        (round(a * n_days), round(b * n_days) - 1, dose) for a, b, dose in m.VITAMIN_D_REGIMENS
    ]
    a, b, minutes = m.YOGA_REGIMEN
    yoga = [(round(a * n_days), round(b * n_days) - 1, minutes)]
    return {
        "ldn": _clip(ldn, n_days),
        "vitamin_d": _clip(vitamin_d, n_days),
        "yoga": _clip(yoga, n_days),
    }


def _clip(plan: Sequence[Regimen], n_days: int) -> tuple[Regimen, ...]:
    # A regimen that starts after the last day is not in the diary; one still running then is
    # ongoing (stop None), which is how the person would have entered it.
    kept = [(start, stop, dose) for start, stop, dose in plan if start < n_days]
    return tuple(
        (start, None if stop is None or stop >= n_days - 1 else stop, dose)
        for start, stop, dose in kept
    )


def kernel(n_days: int, start: int, half_life: float) -> NDArray[np.float64]:
    """Return g(t) = 1 - 0.5**((t - start + 1) / half_life) from `start` on, 0 before."""
    t = np.arange(n_days, dtype=float)
    after = t >= start
    return np.where(after, 1.0 - 0.5 ** (np.where(after, t - start + 1, 0.0) / half_life), 0.0)


def flares(n_days: int, rng: np.random.Generator) -> tuple[Flare, ...]:
    """Return exogenous flares: a Poisson process of starts, at least FLARE_MIN_GAP apart."""
    out: list[Flare] = []
    mean_gap = 365.25 / m.FLARES_PER_YEAR
    day = int(rng.exponential(mean_gap))
    while day < n_days:
        length = int(rng.integers(m.FLARE_DAYS[0], m.FLARE_DAYS[1] + 1))
        severity = int(rng.choice(3, p=m.FLARE_SEVERITY_P)) + 1
        last = min(day + length - 1, n_days - 1)
        out.append((day, last, severity))
        day = last + m.FLARE_MIN_GAP + int(rng.exponential(mean_gap - m.FLARE_MIN_GAP))
    return tuple(out)


def severity_by_day(n_days: int, flare_list: tuple[Flare, ...]) -> NDArray[np.float64]:
    """Return each day's flare severity (0 outside flares)."""
    out = np.zeros(n_days)
    for first, last, severity in flare_list:
        out[first : last + 1] = severity
    return out


def logged_days(
    n_days: int, keep: set[int], rng: np.random.Generator
) -> tuple[NDArray[np.bool_], tuple[tuple[int, int], ...]]:
    """Return which days have a check-in, and the holiday runs (first, last) with none.

    Scattered days are skipped at SKIP_DAY_RATE. Holiday runs do not overlap, avoid the days in
    `keep` by a margin of three days and have a logged (travel) day either side; the days in
    `keep` (first day, regimen starts) are always logged.
    """
    logged = rng.random(n_days) >= m.SKIP_DAY_RATE
    holidays: list[tuple[int, int]] = []
    for _ in range(round(m.HOLIDAYS_PER_YEAR * n_days / 365.25)):
        for _attempt in range(20):
            length = int(rng.integers(m.HOLIDAY_DAYS[0], m.HOLIDAY_DAYS[1] + 1))
            if n_days - length < 2:
                break
            first = int(rng.integers(1, n_days - length))
            last = first + length - 1
            clear_of_keep = not any(first - 3 <= k <= last + 3 for k in keep)
            if clear_of_keep and all(last + 2 < f or first > t + 2 for f, t in holidays):
                holidays.append((first, last))
                break
    for first, last in holidays:
        logged[first : last + 1] = False
        # The travel days either side are logged, so a run is exactly as long as drawn.
        logged[[d for d in (first - 1, last + 1) if 0 <= d < n_days]] = True
    logged[sorted(keep)] = True
    return logged, tuple(sorted(holidays))
