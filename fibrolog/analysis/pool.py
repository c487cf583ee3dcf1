"""Partial pooling across a person's associations: adaptive shrinkage with a null component.

Each association's own fit gives an estimate ``d_i`` with standard error ``s_i`` on a common
scale (points of the outcome, per tenth of its range, over the factor's typical swing). The
effects are given a shared prior ``g = pi_0 delta_0 + sum_k pi_k N(0, sigma_k^2)`` whose
weights are estimated from all of the person's associations by maximum (penalised) marginal
likelihood, then each effect's posterior is the corresponding mixture. Most factors in a
screen do nothing, and the pooled prior learns that from the person's own data: this is what
keeps the expected false-direction rate over the shown associations honest.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

from fibrolog.analysis.ar1 import Array

__all__ = ["Pooled", "pool"]

NULL_PENALTY = 10.0  # Dirichlet weight on the null component (ashr's "nullbiased" default)
_GRID_STEP = np.sqrt(2.0)


@dataclass(frozen=True, eq=False)
class Pooled:
    """Posteriors of many effects under the pooled prior, on the common scale.

    Attributes
    ----------
    sigmas, pi
        The prior's component sds (``sigmas[0] = 0``, the null) and estimated weights.
    weights, loc, scale
        Each effect's posterior mixture: shape ``(N, K)`` (``scale = 0`` is the point mass).
    """

    sigmas: Array
    pi: Array
    weights: Array
    loc: Array
    scale: Array

    @property
    def mean(self) -> Array:
        """Posterior means."""
        out: Array = (self.weights * self.loc).sum(axis=1)
        return out

    def cdf(self, x: Array) -> Array:
        """Return P(d <= x_i) for each effect (x broadcast to ``(N, ...)``)."""
        x = np.asarray(x, dtype=float)
        extra = x.ndim - 1
        w = self.weights.reshape(self.weights.shape[:1] + (1,) * extra + self.weights.shape[1:])
        m = self.loc.reshape(w.shape)
        s = self.scale.reshape(w.shape)
        z = (x[..., None] - m) / np.where(s > 0, s, 1.0)
        parts = np.where(s > 0, special.ndtr(z), x[..., None] >= m)
        out: Array = (w * parts).sum(axis=-1)
        return out

    def prob_less(self, x: float) -> Array:
        """Return P(d < x) for each effect (a point mass at x not counted)."""
        z = (x - self.loc) / np.where(self.scale > 0, self.scale, 1.0)
        parts = np.where(self.scale > 0, special.ndtr(z), x > self.loc)
        out: Array = (self.weights * parts).sum(axis=1)
        return out

    def quantiles(self, qs: Array) -> Array:
        """Return quantiles ``qs`` of every effect: shape ``(N, len(qs))``, by bisection."""
        n = self.loc.shape[0]
        mean = self.mean
        sd = np.sqrt(np.maximum((self.weights * (self.scale**2 + self.loc**2)).sum(1) - mean**2, 0))
        spread = 14.0 * sd + 1e-9
        low = np.repeat((mean - spread)[:, None], len(qs), axis=1)
        high = np.repeat((mean + spread)[:, None], len(qs), axis=1)
        target = np.broadcast_to(np.asarray(qs, dtype=float), (n, len(qs)))
        for _ in range(40):
            mid = 0.5 * (low + high)
            below = self.cdf(mid) < target
            low = np.where(below, mid, low)
            high = np.where(below, high, mid)
        out: Array = 0.5 * (low + high)
        return np.where(np.abs(out) < 1e-9 * (spread[:, None] + 1.0), 0.0, out)


def _grid(d: Array, s: Array) -> Array:
    """Return 0 and the slab sds: from a tenth of the smallest sd up, in steps of sqrt 2."""
    low = float(np.min(s)) / 10.0
    high = 2.0 * float(np.sqrt(max(float(np.max(d**2 - s**2)), 0.0)))
    high = max(high, 8.0 * low)
    count = int(np.ceil(np.log(high / low) / np.log(_GRID_STEP))) + 1
    return np.concatenate([[0.0], low * _GRID_STEP ** np.arange(count)])


def pool(
    d: Array,
    s: Array,
    *,
    null_penalty: float = NULL_PENALTY,
    prior: tuple[Array, Array] | None = None,
) -> Pooled:
    """Estimate the pooled prior from effects ``d`` with standard errors ``s``, and shrink them.

    Parameters
    ----------
    d, s
        Estimates and standard errors on a common scale (``s > 0``).
    null_penalty
        Dirichlet prior weight on the null component; values above 1 err towards "no effect".
    prior
        ``(sigmas, pi)`` of a prior estimated before (an update after a new day): used as is.

    Returns
    -------
    Pooled

    Notes
    -----
    The likelihood of each estimate is approximated as normal with its own standard error
    (the fits have at least ~20 effective days, so their t marginals are close to normal).
    The estimates are treated as independent when estimating the mixture weights (a composite
    likelihood); the weights are fitted by EM accelerated with SQUAREM.

    References
    ----------
    Stephens M. False discovery rates: a new deal. Biostatistics. 2017;18(2):275-294.
    Efron B. Large-scale simultaneous hypothesis testing: the choice of a null hypothesis.
    J Am Stat Assoc. 2004;99(465):96-104.
    """
    d = np.asarray(d, dtype=float)
    s = np.asarray(s, dtype=float)
    if d.size == 0:
        empty = np.zeros((0, 1))
        return Pooled(np.zeros(1), np.ones(1), empty, empty, empty)
    sigmas = _grid(d, s) if prior is None else prior[0]
    total = s[:, None] ** 2 + sigmas[None, :] ** 2
    log_lik = -0.5 * (np.log(2 * np.pi * total) + d[:, None] ** 2 / total)
    lik = np.exp(log_lik - log_lik.max(axis=1, keepdims=True))
    penalty = np.ones(sigmas.size)
    penalty[0] = null_penalty
    pi = _fit_weights(lik, penalty) if prior is None else prior[1]
    joint = lik * pi
    weights = joint / joint.sum(axis=1, keepdims=True)
    shrink = sigmas[None, :] ** 2 / total
    loc = shrink * d[:, None]
    scale = np.sqrt(shrink * s[:, None] ** 2)
    return Pooled(sigmas=sigmas, pi=pi, weights=weights, loc=loc, scale=scale)


def _objective(lik: Array, penalty: Array, pi: Array) -> float:
    """The penalised log-likelihood of the mixture weights (up to a constant)."""
    return float(np.log(lik @ pi).sum() + ((penalty - 1.0) * np.log(pi + 1e-300)).sum())


def _em(lik: Array, penalty: Array, pi: Array) -> Array:
    """One EM step for the mixture weights."""
    resp = lik * pi
    resp /= resp.sum(axis=1, keepdims=True)
    out = np.maximum(resp.sum(axis=0) + penalty - 1.0, 0.0)
    result: Array = out / out.sum()
    return result


def _fit_weights(lik: Array, penalty: Array, iterations: int = 300) -> Array:
    """Maximise the penalised mixture likelihood over the weights: EM with SQUAREM steps.

    References
    ----------
    Varadhan R, Roland C. Simple and globally convergent methods for accelerating the
    convergence of any EM algorithm. Scand J Stat. 2008;35(2):335-353.
    """
    pi = np.full(lik.shape[1], 1.0 / lik.shape[1])
    current = _objective(lik, penalty, pi)
    for _ in range(iterations):
        one = _em(lik, penalty, pi)
        two = _em(lik, penalty, one)
        r, v = one - pi, two - 2 * one + pi
        step = -np.sqrt((r @ r) / max(float(v @ v), 1e-300))
        jump = np.maximum(pi - 2 * min(step, -1.0) * r + min(step, -1.0) ** 2 * v, 0.0)
        candidate = _em(lik, penalty, jump / jump.sum()) if jump.sum() > 0 else two
        value = _objective(lik, penalty, candidate)
        if value < _objective(lik, penalty, two):
            candidate, value = two, _objective(lik, penalty, two)
        pi, previous, current = candidate, current, value
        if current - previous < 1e-10 * (1.0 + abs(current)):
            break
    return pi
