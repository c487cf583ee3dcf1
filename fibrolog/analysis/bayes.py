"""Closed-form Bayesian linear regression with a Normal-inverse-gamma prior.

Given rho (and any kernel half-life), the whitened model ``y* = X* beta + e``,
``e ~ N(0, sigma^2 I)`` with the conjugate prior ``beta | sigma^2 ~ N(0, sigma^2 P^-1)``,
``sigma^2 ~ IG(a0, b0)`` has a closed-form posterior and marginal likelihood. Averaging over
the rho grid (and the half-life grid) with marginal-likelihood weights gives a posterior for
each coefficient that is a mixture of Student-t distributions (`mixture.Mixture`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

from fibrolog.analysis.ar1 import Array

__all__ = ["NIGFit", "Prior", "log_weights_to_probs", "marginal", "nig"]

_LOG_2PI = float(np.log(2.0 * np.pi))


@dataclass(frozen=True, eq=False)
class Prior:
    """A Normal-inverse-gamma prior with zero mean.

    Attributes
    ----------
    precision
        Diagonal prior precision of each coefficient relative to sigma^2 (``beta_j | sigma^2 ~
        N(0, sigma^2 / precision_j)``); 0 means flat (improper).
    a0, b0
        Shape and scale of the inverse-gamma prior on the innovation variance sigma^2.
    """

    precision: Array
    a0: float
    b0: float

    def take(self, columns: list[int] | Array) -> Prior:
        """Return the prior of a subset of the coefficients."""
        return Prior(self.precision[np.asarray(columns, dtype=int)], self.a0, self.b0)


@dataclass(frozen=True, eq=False)
class NIGFit:
    """The posterior of a batch of NIG regressions (leading axes: e.g. rho, half-life).

    Attributes
    ----------
    mean
        Posterior mean of the coefficients, shape ``(..., p)``.
    cov
        ``(P + X'X)^-1``, shape ``(..., p, p)``; the posterior scale matrix is
        ``cov * b / a``.
    a, b
        Posterior inverse-gamma shape (scalar) and scale ``(...)``.
    log_ml
        Log marginal likelihood ``(...)`` (up to a constant shared by models with the same flat
        coefficients and the same observed days).
    """

    mean: Array
    cov: Array
    a: float
    b: Array
    log_ml: Array

    @property
    def df(self) -> float:
        """Degrees of freedom of each coefficient's Student-t marginal."""
        return 2.0 * self.a

    def scale(self, j: int) -> Array:
        """Return the t scale of coefficient ``j`` in every fit of the batch."""
        out: Array = np.sqrt(self.cov[..., j, j] * self.b / self.a)
        return out


def nig(
    xtx: Array, xty: Array, yty: Array, n: int, prior: Prior, log_jacobian: Array | float = 0.0
) -> NIGFit:
    """Fit a batch of conjugate regressions from their (whitened) cross-products.

    Parameters
    ----------
    xtx, xty, yty
        ``X*'X*`` (..., p, p), ``X*'y*`` (..., p) and ``y*'y*`` (...).
    n
        Number of observations.
    prior
        The coefficients' prior (flat where precision is 0) and sigma^2's.
    log_jacobian
        Log-determinant of the whitening (see `ar1.log_jacobian`), added to the marginal
        likelihood so that fits at different rho are comparable.

    Returns
    -------
    NIGFit

    Notes
    -----
    ``log p(y) = log J - (n - k)/2 log 2 pi + 1/2 log|P_proper| - 1/2 log|P + X'X|
    + a0 log b0 - log Gamma(a0) + log Gamma(a) - a log b`` with ``k`` flat coefficients,
    ``a = a0 + (n - k)/2`` and ``b = b0 + (y'y - m'(P + X'X) m)/2``.

    References
    ----------
    O'Hagan A, Forster J. Kendall's Advanced Theory of Statistics 2B: Bayesian Inference,
    2nd ed. Arnold; 2004 (ch. 11, the conjugate linear model).
    """
    precision = prior.precision
    post = xtx + np.diag(precision)
    chol = np.linalg.cholesky(post)
    cov: Array = np.asarray(np.linalg.inv(post), dtype=np.float64)
    mean = np.einsum("...ij,...j->...i", cov, xty)
    quad = np.einsum("...i,...i->...", mean, xty)
    logdet = 2.0 * np.log(np.diagonal(chol, axis1=-2, axis2=-1)).sum(axis=-1)
    a, b, log_ml = marginal(n, prior, logdet, yty - quad, log_jacobian)
    return NIGFit(mean=mean, cov=cov, a=a, b=np.asarray(b, dtype=float), log_ml=log_ml)


def marginal(
    n: int, prior: Prior, logdet_post: Array, residual: Array, log_jacobian: Array | float = 0.0
) -> tuple[float, Array, Array]:
    """Return the posterior shape, scale and log marginal likelihood of a conjugate fit.

    Parameters
    ----------
    n
        Number of observations.
    prior
        The prior (its flat coefficients count towards the degrees of freedom lost).
    logdet_post
        ``log|P + X'X|``.
    residual
        ``y'y - m'(P + X'X) m`` (the posterior residual sum of squares).
    log_jacobian
        The whitening's log-determinant.
    """
    precision = prior.precision
    flat = int(np.sum(precision == 0))
    a = prior.a0 + (n - flat) / 2.0
    b = np.maximum(prior.b0 + np.maximum(residual, 0.0) / 2.0, 1e-300)
    proper = precision[precision > 0]
    log_ml = (
        log_jacobian
        - (n - flat) / 2.0 * _LOG_2PI
        + 0.5 * float(np.log(proper).sum())
        - 0.5 * logdet_post
        + prior.a0 * np.log(prior.b0)
        - special.gammaln(prior.a0)
        + special.gammaln(a)
        - a * np.log(b)
    )
    return a, np.asarray(b, dtype=float), np.asarray(log_ml, dtype=float)


def log_weights_to_probs(log_w: Array) -> Array:
    """Return normalised weights from log weights (any shape), stably."""
    w: Array = np.exp(log_w - np.max(log_w))
    out: Array = w / w.sum()
    return out
