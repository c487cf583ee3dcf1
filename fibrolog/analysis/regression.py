"""Regression with AR(1) errors on a daily series: Bayesian over the rho grid, or by maximum
likelihood (the reference statsmodels SARIMAX also computes).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import optimize

from fibrolog.analysis import ar1
from fibrolog.analysis.ar1 import DEFAULT_RHO_GRID, Array, Gaps
from fibrolog.analysis.bayes import NIGFit, Prior, log_weights_to_probs, nig
from fibrolog.analysis.mixture import Mixture

__all__ = ["MLFit", "RhoFits", "innovation_variance", "maximum_likelihood", "regress"]


@dataclass(frozen=True, eq=False)
class RhoFits:
    """Conjugate fits of one regression at every rho of a grid, and the posterior over rho.

    Attributes
    ----------
    rhos
        The grid.
    weights
        Posterior probability of each grid value (marginal likelihood times prior weight).
    fit
        The NIG fits, batched over the grid.
    n
        Logged days used.
    log_prior
        Log prior weight of each grid value.
    """

    rhos: Array
    weights: Array
    fit: NIGFit
    n: int
    log_prior: Array

    @property
    def rho(self) -> float:
        """Posterior mean of rho."""
        return float(self.weights @ self.rhos)

    @property
    def log_evidence(self) -> float:
        """Log marginal likelihood averaged over the rho grid's prior weights."""
        joint = self.fit.log_ml + self.log_prior
        top = float(np.max(joint))
        return top + float(np.log(np.exp(joint - top).sum()))

    def coefficient(self, j: int) -> Mixture:
        """Return the posterior of coefficient ``j``: a mixture of t over the rho grid."""
        return Mixture.of(self.weights, self.fit.mean[:, j], self.fit.scale(j), self.fit.df)


def regress(
    y: Array,
    x: Array,
    prior: Prior,
    *,
    rhos: Array | None = None,
    log_rho_prior: Array | None = None,
) -> RhoFits:
    """Fit ``y = X beta + u`` with AR(1) errors, averaging over a rho grid.

    Parameters
    ----------
    y
        One value per calendar day, NaN where not logged.
    x
        Design, one row per calendar day (rows where ``y`` is NaN are ignored).
    prior
        The coefficients' and sigma^2's NIG prior.
    rhos
        The rho grid (default `ar1.DEFAULT_RHO_GRID`); ``np.array([0.0])`` gives independent
        errors.
    log_rho_prior
        Log prior weight of each grid value (default uniform).

    Returns
    -------
    RhoFits

    Notes
    -----
    Exact likelihood across missing days (see `ar1`); the posterior of rho is proportional to
    each fit's marginal likelihood times its prior weight.
    """
    grid = DEFAULT_RHO_GRID if rhos is None else np.asarray(rhos, dtype=float)
    lp = np.zeros(grid.size) if log_rho_prior is None else np.asarray(log_rho_prior, float)
    seen = ~np.isnan(y)
    gaps = Gaps.of(np.flatnonzero(seen))
    cols = np.column_stack([y[seen], x[seen]])
    g = ar1.gram(ar1.lag_products(gaps, cols, cols), gaps, grid)
    fit = nig(g[:, 1:, 1:], g[:, 1:, 0], g[:, 0, 0], gaps.n, prior, ar1.log_jacobian(gaps, grid))
    lp = lp - float(np.log(np.exp(lp - lp.max()).sum())) - float(lp.max())
    return RhoFits(grid, log_weights_to_probs(fit.log_ml + lp), fit, gaps.n, lp)


def innovation_variance(y: Array, x: Array) -> float:
    """Return a rough innovation variance: OLS residual variance times ``1 - r1^2``.

    Notes
    -----
    Used only to express coefficient priors in outcome units under the conjugate prior
    (``beta ~ N(0, sigma^2 V0)`` with ``V0 = sd^2 / this``); ``r1`` is the lag-1
    autocorrelation of the residuals on consecutive logged days, clipped to [0, 0.95].
    """
    seen = ~np.isnan(y)
    if seen.sum() <= x.shape[1]:
        return 0.0
    coef, *_ = np.linalg.lstsq(x[seen], y[seen], rcond=None)
    resid = np.full(y.shape, np.nan)
    resid[seen] = y[seen] - x[seen] @ coef
    both = seen[1:] & seen[:-1]
    r1 = 0.0
    if both.sum() > 2 and np.var(resid[seen]) > 0:
        r1 = float(np.corrcoef(resid[1:][both], resid[:-1][both])[0, 1])
    r1 = float(np.clip(np.nan_to_num(r1), 0.0, 0.95))
    return float(np.var(resid[seen]) * (1.0 - r1**2))


@dataclass(frozen=True)
class MLFit:
    """Maximum-likelihood regression with AR(1) errors."""

    coef: Array
    rho: float
    sigma2: float
    loglik: float


def _profile(y: Array, x: Array, gaps: Gaps, rho: float) -> tuple[Array, float, float]:
    """Return GLS coefficients, sigma^2 and the exact log-likelihood at one rho."""
    ys = ar1.whiten(y[gaps.days], gaps, rho)
    xs = ar1.whiten(x[gaps.days], gaps, rho)
    coef: Array = np.asarray(np.linalg.lstsq(xs, ys, rcond=None)[0], dtype=np.float64)
    sigma2 = float(np.sum((ys - xs @ coef) ** 2) / gaps.n)
    jac = float(ar1.log_jacobian(gaps, np.array([rho]))[0])
    loglik = float(-gaps.n / 2 * (np.log(2 * np.pi * sigma2) + 1) + jac)
    return coef, sigma2, loglik


def maximum_likelihood(y: Array, x: Array) -> MLFit:
    """Return the exact maximum-likelihood fit of ``y = X beta + u``, AR(1) ``u``.

    Parameters
    ----------
    y
        One value per calendar day, NaN where not logged.
    x
        Design, one row per calendar day.

    Returns
    -------
    MLFit

    Notes
    -----
    Profile likelihood: for each rho, generalised least squares on the whitened rows gives
    beta and sigma^2; rho maximises the profile on (-0.999, 0.999). This is the stationary
    exact likelihood of statsmodels ``SARIMAX(y, exog, order=(1, 0, 0))`` (whose
    ``trend="c"`` constant equals ``intercept * (1 - rho)``), missing days included.

    References
    ----------
    Prais SJ, Winsten CB. Trend estimators and serial correlation. Cowles Commission
    Discussion Paper 383; 1954. Beach CM, MacKinnon JG. A maximum likelihood procedure for
    regression with autocorrelated errors. Econometrica. 1978;46(1):51-58.
    """
    gaps = Gaps.of(np.flatnonzero(~np.isnan(y)))
    best = optimize.minimize_scalar(
        lambda r: -_profile(y, x, gaps, r)[2],
        bounds=(-0.999, 0.999),
        method="bounded",
        options={"xatol": 1e-10},
    )
    rho = float(best.x)
    coef, sigma2, loglik = _profile(y, x, gaps, rho)
    return MLFit(coef=coef, rho=rho, sigma2=sigma2, loglik=loglik)
