"""The normal-normal random-effects model over people, integrated on a grid of tau.

Person ``i`` reports an estimate ``y_i`` of their own effect ``theta_i`` with standard error
``s_i``; ``theta_i = x_i' beta + u_i``, ``u_i ~ N(0, tau^2)``. With a flat prior on ``beta``
everything given ``tau`` is closed form (generalised least squares with weights
``w_i = 1/(s_i^2 + tau^2)``); ``tau`` has a half-normal prior and is integrated over a grid.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

from fibrolog.analysis.ar1 import Array

__all__ = ["TAU_PRIOR_SCALE", "GridPosterior", "fit_grid", "mixture_quantiles"]

#: Scale of the half-normal prior on tau, in points of a 0-10 outcome (docs/methods.md).
TAU_PRIOR_SCALE = 1.0
GRID_SIZE = 241


@dataclass(frozen=True, eq=False)
class GridPosterior:
    """The posterior of ``(beta, tau)`` on the tau grid.

    Attributes
    ----------
    tau, weight
        The grid (G,) and the posterior probability of each point (sums to 1).
    beta, cov
        ``E[beta | tau, y]`` (G, p) and ``Var[beta | tau, y]`` (G, p, p).
    """

    tau: Array
    weight: Array
    beta: Array
    cov: Array


def fit_grid(
    y: Array, se: Array, design: Array | None = None, prior_scale: float = TAU_PRIOR_SCALE
) -> GridPosterior:
    """Return the posterior of the random-effects (meta-)regression on a grid of tau.

    Parameters
    ----------
    y, se
        Each person's estimate and its standard error.
    design
        The (k, p) covariates (a column of ones for the mean alone, the default).
    prior_scale
        Scale of the half-normal prior on tau.

    Returns
    -------
    GridPosterior

    Notes
    -----
    ``p(tau | y) ∝ p(tau) |X'WX|^(-1/2) prod w_i^(1/2) exp(-Q/2)`` with ``Q`` the weighted
    residual sum of squares at the GLS estimate (``beta`` integrated out under its flat
    prior). The grid runs from 0 to the larger of five prior scales and three times the
    spread of the estimates; a point-mass-free posterior needs no special case at tau = 0.

    References
    ----------
    Gelman A et al. Bayesian Data Analysis, 3rd ed. CRC; 2013 (section 5.5).
    Röver C et al. On weakly informative prior distributions for the heterogeneity parameter
    in Bayesian random-effects meta-analysis. Res Synth Methods 2021;12:448-474.
    """
    y = np.asarray(y, dtype=float)
    se = np.asarray(se, dtype=float)
    x = np.ones((y.size, 1)) if design is None else np.asarray(design, dtype=float)
    top = max(5.0 * prior_scale, 3.0 * float(np.std(y)), 1e-6)
    tau = np.linspace(0.0, top, GRID_SIZE)
    w = 1.0 / (se[None, :] ** 2 + tau[:, None] ** 2)  # (G, k)
    xtwx = np.einsum("gk,ki,kj->gij", w, x, x)
    cov = np.linalg.inv(xtwx)
    beta = np.einsum("gij,gj->gi", cov, np.einsum("gk,ki,k->gi", w, x, y))
    resid = y[None, :] - beta @ x.T
    log_post = (
        -0.5 * tau**2 / prior_scale**2
        - 0.5 * np.linalg.slogdet(xtwx)[1]
        + 0.5 * np.log(w).sum(axis=1)
        - 0.5 * (w * resid**2).sum(axis=1)
    )
    weight = np.exp(log_post - log_post.max())
    weight /= weight.sum()
    return GridPosterior(tau=tau, weight=weight, beta=beta, cov=cov)


def mixture_quantiles(weight: Array, loc: Array, scale: Array, qs: Array) -> Array:
    """Return quantiles of normal mixtures sharing weights over their last axis.

    Parameters
    ----------
    weight
        (G,) mixture weights.
    loc, scale
        (..., G) component means and sds (sd 0 is a point mass).
    qs
        The probabilities.

    Returns
    -------
    (..., len(qs)) array
    """
    keep = weight > 1e-12 * weight.sum()
    weight = weight[keep] / weight[keep].sum()
    loc = np.asarray(loc, dtype=float)[..., keep]
    scale = np.asarray(scale, dtype=float)[..., keep]
    qs = np.asarray(qs, dtype=float)
    spread = 10.0 * (scale.max(axis=-1) + loc.std(axis=-1)) + 1e-9
    low = np.repeat((loc.min(axis=-1) - spread)[..., None], qs.size, axis=-1)
    high = np.repeat((loc.max(axis=-1) + spread)[..., None], qs.size, axis=-1)
    point = bool((scale <= 0).any())
    safe = np.where(scale > 0, scale, 1.0)[..., None, :]
    loc_q = loc[..., None, :]
    for _ in range(36):
        mid = 0.5 * (low + high)
        z = (mid[..., None] - loc_q) / safe
        parts = special.ndtr(z)
        if point:
            parts = np.where(scale[..., None, :] > 0, parts, z >= 0)
        below = parts @ weight < qs
        low = np.where(below, mid, low)
        high = np.where(below, high, mid)
    out: Array = 0.5 * (low + high)
    return out
