"""Exact AR(1) whitening across missing days (Prais-Winsten with gaps), for a grid of rho.

For errors ``u_t = rho * u_{t-1} + e_t`` observed on days ``t_1 < t_2 < ...``, the row of an
observation ``g`` days after the previous one is whitened as

    z*_k = a_k * z_k - c_k * z_{k-1},   a_k = sqrt((1 - rho^2) / (1 - rho^(2g))),  c_k = a_k rho^g

and the first row as ``sqrt(1 - rho^2) * z_1``, so that every whitened error has variance
sigma^2 (the innovation variance). Unobserved days are integrated out exactly; gaps are never
closed by concatenating days.

The whitened cross-products ``X*'Y*`` are, for each distinct gap length, a fixed combination of
four lag products (``X_k'Y_k``, ``X_k'Y_{k-1}``, ``X_{k-1}'Y_k``, ``X_{k-1}'Y_{k-1}``) with
weights ``a^2, -ac, -ac, c^2`` that depend only on rho. The products are computed once per
series; the Gram matrix at every grid value of rho is then one small matrix product. This is
what makes averaging over 70 values of rho nearly free.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "DEFAULT_RHO_GRID",
    "Array",
    "Gaps",
    "LagProducts",
    "blockwise_products",
    "coefficients",
    "flat_rho_grid",
    "gram",
    "lag_products",
    "log_jacobian",
    "whiten",
]

Array = NDArray[np.float64]

#: The rho grid of the default model: 70 points on [-0.2, 0.95] (docs/methods.md).
DEFAULT_RHO_GRID: Array = np.linspace(-0.2, 0.95, 70)


def flat_rho_grid(points: int = 200) -> tuple[Array, Array]:
    """Return a quadrature for rho uniform on (-1, 1): nodes and log weights.

    Parameters
    ----------
    points
        Number of nodes.

    Returns
    -------
    rhos, log_weights
        Nodes ``rho = 1 - s^2`` at midpoints of a uniform grid in ``s`` on ``(0, sqrt 2)``,
        with weights ``2 s ds`` (the Jacobian of the substitution).

    Notes
    -----
    With flat coefficient priors the marginal likelihood grows like ``(1 - rho)^(-1/2)`` as
    rho -> 1 (the level becomes unidentified); the substitution cancels that integrable
    singularity, so a midpoint rule is accurate where a uniform grid in rho is not.
    """
    s = (np.arange(points) + 0.5) / points * np.sqrt(2.0)
    return 1.0 - s**2, np.log(2.0 * s * np.sqrt(2.0) / points)


@dataclass(frozen=True)
class Gaps:
    """The observed days of a series, grouped by the gap before each.

    Attributes
    ----------
    days
        Observed day numbers, increasing.
    lengths
        The distinct gaps (in days, >= 1) between consecutive observed days.
    rows
        For each distinct gap, the rows ``k >= 1`` that follow a gap of that length.
    """

    days: NDArray[np.int64]
    lengths: NDArray[np.int64]
    rows: tuple[NDArray[np.int64], ...]

    @classmethod
    def of(cls, days: NDArray[np.int64]) -> Gaps:
        """Return the gap structure of increasing observed day numbers."""
        days = np.asarray(days, dtype=np.int64)
        if days.size and np.any(np.diff(days) <= 0):
            raise ValueError("observed days must be strictly increasing")
        gap = np.diff(days)
        lengths = np.unique(gap)
        rows = tuple(np.flatnonzero(gap == g) + 1 for g in lengths)
        return cls(days=days, lengths=lengths, rows=rows)

    @property
    def n(self) -> int:
        """Number of observed days."""
        return int(self.days.size)


def coefficients(gaps: Gaps, rhos: Array) -> tuple[Array, Array, Array]:
    """Return the whitening weights for each rho: first-row ``a``, and ``a``, ``c`` per gap.

    Returns
    -------
    first : (R,)
        ``sqrt(1 - rho^2)``.
    a, c : (R, G)
        ``sqrt((1 - rho^2) / (1 - rho^(2g)))`` and ``a * rho^g`` for each distinct gap ``g``.
    """
    rho = np.asarray(rhos, dtype=float)[:, None]
    g = gaps.lengths[None, :].astype(float)
    one = 1.0 - rho**2
    power = rho**g
    a = np.sqrt(one / (1.0 - power**2))
    return np.sqrt(one[:, 0]), a, a * power


def log_jacobian(gaps: Gaps, rhos: Array) -> Array:
    """Return ``sum_k log a_k`` for each rho: the whitening's log-determinant.

    Notes
    -----
    The exact Gaussian log-likelihood is
    ``-n/2 log(2 pi sigma^2) + log_jacobian - |W(y - X beta)|^2 / (2 sigma^2)``.
    """
    first, a, _ = coefficients(gaps, rhos)
    counts = np.array([r.size for r in gaps.rows], dtype=float)
    out: Array = np.log(first) + (np.log(a) * counts).sum(axis=1)
    return out


def whiten(x: Array, gaps: Gaps, rho: float) -> Array:
    """Return the whitened rows of ``x`` (observed rows only, first axis) for one rho."""
    first, a, c = coefficients(gaps, np.array([rho]))
    out = np.empty_like(x, dtype=float)
    if gaps.n == 0:
        return out
    out[0] = first[0] * x[0]
    for j, rows in enumerate(gaps.rows):
        out[rows] = a[0, j] * x[rows] - c[0, j] * x[rows - 1]
    return out


@dataclass(frozen=True)
class LagProducts:
    """Lag products of two sets of columns, from which the whitened Gram follows for any rho.

    Attributes
    ----------
    first
        ``x_1 y_1'`` (the first observed row), shape ``(*S)``.
    blocks
        Shape ``(G, 4, *S)``: for each gap length, ``sum x_k y_k'``, ``sum x_k y_{k-1}'``,
        ``sum x_{k-1} y_k'`` and ``sum x_{k-1} y_{k-1}'`` over the rows after that gap.
    """

    first: Array
    blocks: Array


def lag_products(gaps: Gaps, left: Array, right: Array) -> LagProducts:
    """Return the lag products of ``left`` (n, p) and ``right`` (n, m) for `gram`."""
    p, m = left.shape[1], right.shape[1]
    blocks = np.empty((len(gaps.rows), 4, p, m))
    for j, rows in enumerate(gaps.rows):
        lk = np.concatenate([left[rows], left[rows - 1]], axis=1)
        rk = np.concatenate([right[rows], right[rows - 1]], axis=1)
        both = lk.T @ rk
        blocks[j, 0], blocks[j, 1] = both[:p, :m], both[:p, m:]
        blocks[j, 2], blocks[j, 3] = both[p:, :m], both[p:, m:]
    first = np.outer(left[0], right[0]) if gaps.n else np.zeros((p, m))
    return LagProducts(first=first, blocks=blocks)


def blockwise_products(gaps: Gaps, cols: Array) -> LagProducts:
    """Return lag products within each group of ``cols`` (n, K, L): K separate L x L blocks."""
    k, lags = cols.shape[1], cols.shape[2]
    blocks = np.empty((len(gaps.rows), 4, k, lags, lags))
    for j, rows in enumerate(gaps.rows):
        now = cols[rows].transpose(1, 0, 2)  # (k, r, lags): batched matrix products
        before = cols[rows - 1].transpose(1, 0, 2)
        now_t, before_t = now.transpose(0, 2, 1), before.transpose(0, 2, 1)
        blocks[j, 0] = now_t @ now
        blocks[j, 1] = now_t @ before
        blocks[j, 2] = before_t @ now
        blocks[j, 3] = before_t @ before
    first = np.einsum("ki,kj->kij", cols[0], cols[0]) if gaps.n else np.zeros((k, lags, lags))
    return LagProducts(first=first, blocks=blocks)


def gram(products: LagProducts, gaps: Gaps, rhos: Array) -> Array:
    """Return the whitened cross-products at every rho: shape ``(R, *S)``.

    Notes
    -----
    Exact (no approximation): ``X*'Y* = a_1^2 x_1 y_1' + sum_g [a_g^2 S0 - a_g c_g (S1 + S2)
    + c_g^2 S3]``, evaluated for all rho as one matrix product.
    """
    first, a, c = coefficients(gaps, rhos)
    shape = products.first.shape
    weights = np.stack([a**2, -a * c, -a * c, c**2], axis=2).reshape(len(rhos), -1)
    flat = products.blocks.reshape(weights.shape[1], -1)
    # einsum, not matmul: for these short, wide products OpenBLAS's threads cost more than
    # they save on a small machine.
    out: Array = np.einsum("rk,kx->rx", weights, flat).reshape(len(rhos), *shape)
    out += (first**2).reshape((-1,) + (1,) * len(shape)) * products.first
    return out
