"""The association screen for one outcome: every factor, lags 0..L, one closed-form fit each.

Each factor gets its own model: the outcome's base (slow level and treatments) plus the
factor's centred values at lags ``0..L``, with AR(1) errors averaged over the rho grid. Only
the base's cross-products and, per factor, an ``(L+1) x (L+1)`` Schur complement are needed,
so all factors at all rho values are solved as one batch of small systems.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from fibrolog.analysis import ar1
from fibrolog.analysis.ar1 import DEFAULT_RHO_GRID, Array
from fibrolog.analysis.bayes import log_weights_to_probs, marginal
from fibrolog.analysis.design import factor_columns, is_yes_no, swing
from fibrolog.analysis.frame import label
from fibrolog.analysis.outcome import MIN_DAYS, MIN_N_EFF, RHO_CUTOFF, Base, Outcome, n_eff
from fibrolog.analysis.treatment import MIN_EXPOSED

__all__ = ["Factor", "FactorFit", "screen"]

MEAN_COLUMN_SD = 10.0  # prior sd (units per factor unit) of the local-mean column


@dataclass(frozen=True, eq=False)
class Factor:
    """A factor's series and its model columns (the same for every outcome).

    Attributes
    ----------
    name, x
        Column name and daily values (NaN = not logged).
    columns
        `design.factor_columns`: centred values at lags 0..L, then the local mean.
    swing, yes_no
        Typical swing (`design.swing`) and whether it is a yes/no factor.
    """

    name: str
    x: Array
    columns: Array
    swing: float
    yes_no: bool

    @classmethod
    def of(cls, name: str, x: Array, lags: int) -> Factor:
        """Return the factor with its columns for lags ``0..lags``."""
        return cls(name, x, factor_columns(x, lags), swing(x), is_yes_no(x))

    @property
    def lags(self) -> int:
        """The largest lag."""
        return int(self.columns.shape[1]) - 2


@dataclass(frozen=True, eq=False)
class FactorFit:
    """A factor's association with an outcome at each lag, before pooling.

    Attributes
    ----------
    mean, sd
        Posterior mean and sd of the per-unit slope at each lag under a flat prior (the
        likelihood summary the pooling step uses), averaged over rho.
    rho
        Posterior mean rho.
    n
        Days with both the outcome and the factor logged.
    swing
        The factor's typical swing (10th to 90th percentile; 1 for yes/no).
    yes_no
        Whether the factor is a yes/no factor.
    exposed
        Logged days with the factor (yes/no factors), else None.
    """

    mean: Array
    sd: Array
    rho: float
    n: int
    swing: float
    yes_no: bool
    exposed: int | None


def _check(y_seen: Array, factor: Factor, outcome: str) -> str | None:
    """Return why a factor cannot be screened against an outcome yet, or None."""
    x, name, outcome = factor.x, label(factor.name), label(outcome)
    seen = ~np.isnan(x)
    if not seen.any():
        return f"{name} has not been logged yet"
    both = y_seen & seen
    n = int(both.sum())
    if n < MIN_DAYS:
        return f"{name} was logged on only {n} of the days {outcome} was (needs {MIN_DAYS})"
    if factor.swing <= 0 or np.all(x[both] == x[both][0]):
        return f"{name} has never varied"
    if factor.yes_no:
        yes = int((x[both] == 1).sum())
        if min(yes, n - yes) < MIN_EXPOSED:
            return f"{name}: {yes} days with it and {n - yes} without (needs {MIN_EXPOSED} of each)"
    return None


def screen(
    outcome: Outcome,
    base_cols: Array,
    base_precision: Array,
    factors: Sequence[Factor],
) -> tuple[dict[str, FactorFit], dict[str, str], float]:
    """Fit every factor's lagged association with one outcome.

    Parameters
    ----------
    outcome
        The outcome.
    base_cols, base_precision
        The base design (days, q) (level, then treatments) and its prior precisions.
    factors
        The factors, with their columns.

    Returns
    -------
    fits
        Name -> `FactorFit` for the factors with enough data.
    collecting
        Name -> the reason there is not enough data yet.
    rho
        Posterior mean rho of the base model (no factor): the outcome's own carry-over.

    Notes
    -----
    The factor's slopes have a flat prior here: these fits supply the likelihood that the
    pooling step (`pool`) turns into posteriors with a prior learnt across all factors.
    """
    y_seen = ~np.isnan(outcome.y)
    collecting: dict[str, str] = {}
    chosen: list[Factor] = []
    for factor in factors:
        why = _check(y_seen, factor, outcome.name)
        if why:
            collecting[factor.name] = why
        else:
            chosen.append(factor)
    gaps, q = outcome.gaps, base_precision.size
    left = np.column_stack([outcome.y[gaps.days], base_cols[gaps.days]])
    cols = np.stack([f.columns for f in chosen], axis=1) if chosen else None
    right = left if cols is None else np.column_stack([left, cols[gaps.days].reshape(gaps.n, -1)])
    products = ar1.lag_products(gaps, left, right)
    base_ml = _base_log_ml(outcome, products, base_precision)
    base_rho = float(log_weights_to_probs(base_ml) @ DEFAULT_RHO_GRID)
    if cols is None:
        return {}, collecting, base_rho
    width = factors[0].lags + 2  # lags 0..L, then the local mean
    factor_products = ar1.blockwise_products(gaps, cols[gaps.days])
    # Grid values far below the base model's best are tried only for the factors whose
    # posterior reaches the edge of the rest (a factor that explains much of the day-to-day
    # carry-over lowers rho): exact, and much faster for long diaries.
    near = base_ml >= base_ml.max() - RHO_CUTOFF
    mean, sd, rho_means, edge = _solve(
        outcome, gaps, products, factor_products, base_precision, DEFAULT_RHO_GRID[near], width
    )
    if not near.all() and edge.any():
        picked = np.flatnonzero(edge)
        keep = np.concatenate(
            [np.arange(1 + q), 1 + q + (picked[:, None] * width + np.arange(width)).ravel()]
        )
        sub = ar1.LagProducts(products.first[:, keep], products.blocks[..., keep])
        sub_f = ar1.LagProducts(factor_products.first[picked], factor_products.blocks[:, :, picked])
        again = _solve(outcome, gaps, sub, sub_f, base_precision, DEFAULT_RHO_GRID, width)
        mean[picked], sd[picked], rho_means[picked] = again[0], again[1], again[2]
    fits: dict[str, FactorFit] = {}
    for i, factor in enumerate(chosen):
        got = _factor_fit(outcome, factor, mean[i], sd[i], float(rho_means[i]))
        if isinstance(got, str):
            collecting[factor.name] = got
        else:
            fits[factor.name] = got
    return fits, collecting, base_rho


def _base_log_ml(outcome: Outcome, products: ar1.LagProducts, precision: Array) -> Array:
    """Return the base model's (level and treatments, no factor) log marginal likelihood by rho."""
    q, gaps = precision.size, outcome.gaps
    head = ar1.LagProducts(products.first[:, : 1 + q], products.blocks[..., : 1 + q])
    base = Base.of(ar1.gram(head, gaps, DEFAULT_RHO_GRID), precision, gaps, DEFAULT_RHO_GRID)
    prior = outcome.prior(precision)
    return marginal(gaps.n, prior, base.logdet, base.yy - base.quad, base.log_jacobian)[2]


def _factor_fit(
    outcome: Outcome, factor: Factor, mean: Array, sd: Array, rho: float
) -> FactorFit | str:
    """Return a factor's fit at each lag, or why its days are worth too few independent days."""
    x, lags = factor.x, factor.lags
    both = ~np.isnan(outcome.y) & ~np.isnan(x)
    n = int(both.sum())
    if n_eff(n, rho) < MIN_N_EFF:
        return (
            f"{n} days of {label(factor.name)} and {label(outcome.name)} count as only about "
            f"{n_eff(n, rho):.0f} independent days (needs {MIN_N_EFF})"
        )
    return FactorFit(
        mean=mean[: lags + 1],
        sd=sd[: lags + 1],
        rho=rho,
        n=n,
        swing=factor.swing,
        yes_no=factor.yes_no,
        exposed=int((x[both] == 1).sum()) if factor.yes_no else None,
    )


def _solve(
    outcome: Outcome,
    gaps: ar1.Gaps,
    products: ar1.LagProducts,
    factor_products: ar1.LagProducts,
    base_precision: Array,
    rhos: Array,
    width: int,
) -> tuple[Array, Array, Array, Array]:
    """Return each factor's slope means and sds (k, width), mean rho, and edge flags (k,)."""
    q = base_precision.size
    gram = ar1.gram(products, gaps, rhos)
    ff = ar1.gram(factor_products, gaps, rhos)
    base = Base.of(gram, base_precision, gaps, rhos)
    rho_count, k = rhos.size, ff.shape[1]
    bf = gram[:, 1 : 1 + q, 1 + q :]  # (R, q, k * width)
    yf = gram[:, 0, 1 + q :].reshape(rho_count, k, width)
    h = np.matmul(base.inv, bf).reshape(rho_count, q, k, width)
    bf = bf.reshape(rho_count, q, k, width)
    # The slopes are flat (a tiny ridge only keeps a degenerate column from breaking the
    # solve); the local-mean column, a nuisance, gets a weak proper prior (sd 10 units).
    own = np.zeros(width)
    own[-1] = outcome.precision(MEAN_COLUMN_SD)
    scale = np.abs(np.diagonal(ff, axis1=2, axis2=3)).mean(axis=(0, 2)) + 1e-300
    ridge = np.diag(own)[None, None] + 1e-10 * scale[None, :, None, None] * np.eye(width)
    schur = ff + ridge - np.einsum("rqki,rqkj->rkij", bf, h, optimize=True)
    r = yf - np.einsum("rqki,rq->rki", bf, base.coef, optimize=True)
    inv = np.linalg.inv(schur)
    coef = np.matmul(inv, r[..., None])[..., 0]
    logdet = base.logdet[:, None] + np.linalg.slogdet(schur)[1]
    resid = (base.yy - base.quad)[:, None] - (coef * r).sum(axis=2)
    prior = outcome.prior(np.concatenate([base_precision, own]))
    a, b, log_ml = marginal(gaps.n, prior, logdet, resid, base.log_jacobian[:, None])
    w = np.exp(log_ml - log_ml.max(axis=0))
    w /= w.sum(axis=0)  # (R, k): each factor's posterior over rho
    scale2 = np.diagonal(inv, axis1=2, axis2=3) * (b / a)[:, :, None]  # (R, k, width)
    df = 2.0 * a
    mean = np.einsum("rk,rki->ki", w, coef)
    second = np.einsum("rk,rki->ki", w, scale2 * df / (df - 2.0) + coef**2)
    sd = np.sqrt(np.maximum(second - mean**2, 1e-300))
    edge = (w[0] + w[-1]) > 1e-6
    return mean, sd, w.T @ rhos, edge
