"""Design columns: the slow level, within-person-centred lagged factors, typical swings.

Every column here has one row per calendar day of the analysed window; the models keep the
rows on which the outcome was logged.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from fibrolog.analysis.ar1 import Array

__all__ = [
    "CENTRE_WINDOW_DAYS",
    "LEVEL_KNOT_DAYS",
    "SHORT_WINDOW_DAYS",
    "centred",
    "factor_columns",
    "is_yes_no",
    "lagged",
    "level_basis",
    "local_mean",
    "swing",
]

#: Windows up to this many days get a constant level; longer ones a slow level.
SHORT_WINDOW_DAYS = 56
#: Spacing of the slow level's knots (days).
LEVEL_KNOT_DAYS = 60
#: A factor is centred on its mean over this many surrounding days.
CENTRE_WINDOW_DAYS = 28
_MIN_IN_WINDOW = 7


def _cubic_bspline(u: Array) -> Array:
    """The cardinal cubic B-spline on [0, 4)."""
    pieces = [
        u**3,
        -3 * u**3 + 12 * u**2 - 12 * u + 4,
        3 * u**3 - 24 * u**2 + 60 * u - 44,
        (4 - u) ** 3,
    ]
    out: Array = np.zeros_like(u)
    for lo, piece in enumerate(pieces):
        inside = (u >= lo) & (u < lo + 1)
        out[inside] = piece[inside] / 6.0
    return out


@lru_cache(maxsize=8)
def level_basis(days: int, knot_days: int = LEVEL_KNOT_DAYS) -> Array:
    """Return the slow-level basis: a constant, then smooth steps (P-spline increments).

    Parameters
    ----------
    days
        Length of the window in calendar days.
    knot_days
        Knot spacing of the cubic B-spline.

    Returns
    -------
    (days, q) array
        Column 0 is 1. For windows longer than `SHORT_WINDOW_DAYS`, columns 1.. are
        ``sum_{j >= k} B_j(t)``: cubic B-splines with knots every `knot_days`, cumulated, so
        that each coefficient is an increment of the level over about three knot spacings.
        Cached and read-only.

    Notes
    -----
    With independent normal priors on the increments this is a first-order random-walk
    (Bayesian P-spline) prior on the B-spline coefficients: the level drifts slowly and
    smoothly, and seasons or long drifts are not blamed on a factor or a treatment.

    References
    ----------
    Eilers PHC, Marx BD. Flexible smoothing with B-splines and penalties. Stat Sci.
    1996;11(2):89-121. Lang S, Brezger A. Bayesian P-splines. J Comput Graph Stat.
    2004;13(1):183-212.
    """
    if days <= SHORT_WINDOW_DAYS:
        out = np.ones((days, 1))
    else:
        intervals = max(1, round((days - 1) / knot_days))
        step = (days - 1) / intervals
        u = np.arange(days, dtype=float)[:, None] / step - np.arange(intervals + 3) + 3
        basis = _cubic_bspline(u)
        ramps = np.cumsum(basis[:, ::-1], axis=1)[:, ::-1][:, 1:]
        out = np.column_stack([np.ones(days), ramps])
    out.setflags(write=False)  # cached and shared: never modified in place
    return out


def local_mean(x: Array, window: int = CENTRE_WINDOW_DAYS, core: int = 0) -> Array:
    """Return the person's own mean of ``x`` over the days around each day.

    Parameters
    ----------
    x
        One value per calendar day, NaN where not logged.
    window
        How many surrounding days: half before, half after.
    core
        Days this close (``|s - t| <= core``), the day itself included, are left out and the
        window moves out by as much, so that the mean never contains the day or its lags.

    Returns
    -------
    Array
        One value per day; with fewer than 7 logged days in the window, the mean of all
        logged days (never NaN when anything was logged).
    """
    x = np.asarray(x, dtype=float)
    seen = ~np.isnan(x)
    if not seen.any():
        return np.zeros_like(x)
    half = window // 2
    padded = np.concatenate([[0.0], np.cumsum(np.where(seen, x, 0.0))])
    counts = np.concatenate([[0], np.cumsum(seen)])
    idx = np.arange(x.size)

    def between(lo: NDArray[np.int64], hi: NDArray[np.int64]) -> tuple[Array, Array]:
        """Sum and count of logged values in [lo, hi) for every day."""
        lo, hi = np.clip(lo, 0, x.size), np.clip(hi, 0, x.size)
        return padded[hi] - padded[lo], (counts[hi] - counts[lo]).astype(float)

    total, count = between(idx - core - half, idx + core + half + 1)
    inner_total, inner_count = between(idx - core, idx + core + 1)
    total, count = total - inner_total, count - inner_count
    overall = float(np.mean(x[seen]))
    out: Array = np.where(count >= _MIN_IN_WINDOW, total / np.maximum(count, 1), overall)
    return out


def centred(x: Array, window: int = CENTRE_WINDOW_DAYS) -> Array:
    """Return ``x`` minus the person's own mean over the surrounding days (`local_mean`).

    Notes
    -----
    Centring within person and within month compares a day with the person's usual at the
    time, so slow co-drifts (seasons, a new job) do not create an association. Leaving the
    day out keeps a day's own value from shrinking its deviation.
    """
    out: Array = np.asarray(x, dtype=float) - local_mean(x, window)
    return out


def factor_columns(x: Array, lags: int) -> Array:
    """Return a factor's model columns: its values at lags ``0..lags``, then its local mean.

    Parameters
    ----------
    x
        One value per calendar day, NaN where not logged.
    lags
        The largest lag.

    Returns
    -------
    (days, lags + 2) array
        Column ``l`` is ``x_{t-l}`` minus the overall mean; a day not logged gets its local
        mean instead (its expected value given the days around it). The last column is the
        local mean (`local_mean`, leaving out the ``lags`` days either side) minus the overall
        mean.

    Notes
    -----
    With the local mean in the model, each lag's slope is a within-person, within-month
    comparison (by Frisch-Waugh, the same as centring the factor on its local mean), as the
    spec asks, and unlike subtracting the mean from the columns it leaves the model exactly
    right when the outcome responds to the factor itself: that subtraction biased slopes
    towards zero by 3-6% in simulations. This is the within-between (Mundlak) decomposition;
    the local mean's own coefficient is a nuisance and is not reported.

    References
    ----------
    Mundlak Y. On the pooling of time series and cross section data. Econometrica.
    1978;46(1):69-85. Curran PJ, Bauer DJ. The disaggregation of within-person and
    between-person effects in longitudinal models of change. Annu Rev Psychol.
    2011;62:583-619.
    """
    x = np.asarray(x, dtype=float)
    seen = ~np.isnan(x)
    overall = float(np.mean(x[seen])) if seen.any() else 0.0
    mean = local_mean(x, core=lags)
    filled = np.where(seen, x, local_mean(x)) - overall
    out = np.zeros((x.size, lags + 2))
    for lag in range(lags + 1):
        out[lag:, lag] = filled[: x.size - lag]
    out[:, -1] = mean - overall
    return out


def lagged(xc: Array, lags: int) -> Array:
    """Return columns ``xc_{t-l}`` for ``l = 0..lags``, 0 (the centred mean) where unlogged.

    Notes
    -----
    Setting an unlogged centred value to 0 keeps every day on which the outcome was logged
    in the model (so gaps in the outcome series stay exact and no day is lost because one
    of four lags is missing). When logging is unrelated to the values (missing at random),
    the slope stays unbiased: the outcome's expected deviation on such a day is the slope
    times the expected centred value, which is 0.
    """
    out = np.zeros((xc.size, lags + 1))
    filled = np.nan_to_num(xc, nan=0.0)
    for lag in range(lags + 1):
        out[lag:, lag] = filled[: xc.size - lag]
    return out


def is_yes_no(x: Array) -> bool:
    """Return True for a factor whose logged values are all 0 or 1."""
    seen = x[~np.isnan(x)]
    return bool(seen.size) and bool(np.all((seen == 0) | (seen == 1)))


def swing(x: Array) -> float:
    """Return the factor's typical swing: its 10th to 90th percentile (1 for yes/no).

    Notes
    -----
    A meaningful association is judged over this swing (docs/methods.md): half a point of
    pain per hour of sleep matters when nights vary by three hours, not when they vary by ten
    minutes. When the 10th and 90th percentiles coincide, the full range is used.
    """
    seen = x[~np.isnan(x)]
    if seen.size == 0:
        return 0.0
    if is_yes_no(x):
        return 1.0 if np.unique(seen).size > 1 else 0.0
    p10, p90 = np.percentile(seen, [10, 90])
    width = float(p90 - p10)
    return width if width > 0 else float(np.max(seen) - np.min(seen))
