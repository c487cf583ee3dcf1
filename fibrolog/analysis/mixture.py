"""Posteriors that are finite mixtures: Student-t, normal and point-mass parts.

Averaging closed-form fits over grids (rho, half-life) gives mixtures of Student-t; pooling
gives mixtures of normals with a point mass at zero. Probabilities are weighted sums of CDFs;
quantiles are found by bisection on the mixture CDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import special

from fibrolog.analysis import _codec
from fibrolog.analysis.ar1 import Array

__all__ = ["Mixture", "batch_quantiles"]


@dataclass(frozen=True, eq=False)
class Mixture:
    """A finite mixture of Student-t, normal (``df = inf``) and point-mass (``scale = 0``) parts.

    Attributes
    ----------
    weights, loc, scale, df
        One entry per component; weights sum to 1.

    Notes
    -----
    Components with weight below 1e-10 of the total are dropped on construction (together
    they change any probability by less than about 1e-7).
    """

    weights: Array
    loc: Array
    scale: Array
    df: Array

    @classmethod
    def of(cls, weights: Array, loc: Array, scale: Array, df: Array | float) -> Mixture:
        """Return a mixture from (broadcastable) component arrays, pruning negligible parts."""
        w, m, s, d = np.broadcast_arrays(
            np.ravel(weights), np.ravel(loc), np.ravel(scale), np.ravel(np.asarray(df, float))
        )
        total = float(w.sum())
        keep = w > 1e-10 * total
        return cls(w[keep] / w[keep].sum(), m[keep].copy(), s[keep].copy(), d[keep].copy())

    def __eq__(self, other: object) -> bool:
        """Return True for the same components (arrays compared element by element)."""
        if not isinstance(other, Mixture):
            return NotImplemented
        return all(
            np.array_equal(getattr(self, k), getattr(other, k))
            for k in ("weights", "loc", "scale", "df")
        )

    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, list[float | None]]:
        """Return the components as JSON-safe lists (an infinite df, a normal part, as None)."""
        return {k: _codec.array(getattr(self, k)) for k in ("weights", "loc", "scale", "df")}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mixture:
        """Return the mixture written by `to_dict` (exactly)."""
        return cls(*(_codec.from_array(data[k]) for k in ("weights", "loc", "scale", "df")))

    def scaled(self, factor: float | Array) -> Mixture:
        """Return the distribution of ``factor * X`` (a factor per component allowed)."""
        f = np.broadcast_to(np.asarray(factor, dtype=float), self.loc.shape)
        return Mixture(self.weights, self.loc * f, self.scale * np.abs(f), self.df)

    @property
    def mean(self) -> float:
        """The mixture mean."""
        return float(self.weights @ self.loc)

    @property
    def sd(self) -> float:
        """The mixture standard deviation (t parts need df > 2)."""
        finite = np.where(np.isfinite(self.df), self.df, 3.0)
        var_t = np.where(finite > 2, finite / np.maximum(finite - 2, 1e-9), np.inf)
        var_t = np.where(np.isinf(self.df), 1.0, var_t)
        second = float(self.weights @ (self.scale**2 * var_t + self.loc**2))
        return float(np.sqrt(max(second - self.mean**2, 0.0)))

    def _cdf(self, x: Array, strict: bool) -> Array:
        """Return P(X <= x) (P(X < x) when `strict`), parts grouped by kind for speed."""
        x = np.asarray(x, dtype=float)[..., None]
        out = np.zeros(x.shape[:-1])
        atom = self.scale == 0
        normal = ~atom & (np.isinf(self.df) | (self.df > 1000))
        student = ~atom & ~normal
        if normal.any():
            z = (x - self.loc[normal]) / self.scale[normal]
            out += special.ndtr(z) @ self.weights[normal]
        if student.any():
            z = (x - self.loc[student]) / self.scale[student]
            out += special.stdtr(self.df[student], z) @ self.weights[student]
        if atom.any():
            step = (x > self.loc[atom]) if strict else (x >= self.loc[atom])
            out += step @ self.weights[atom]
        result: Array = out
        return result

    def cdf(self, x: float | Array) -> Array:
        """Return P(X <= x)."""
        return self._cdf(np.asarray(x, dtype=float), strict=False)

    def prob_less(self, x: float) -> float:
        """Return P(X < x) (a point mass at x is not counted)."""
        return float(self._cdf(np.asarray(x, dtype=float), strict=True))

    def prob_greater(self, x: float) -> float:
        """Return P(X > x)."""
        return float(1.0 - self.cdf(x))

    def prob_between(self, low: float, high: float) -> float:
        """Return P(low < X < high)."""
        return max(0.0, float(self._cdf(np.asarray(high), strict=True) - self.cdf(low)))

    def quantile(self, q: float | Array) -> Array:
        """Return the quantile(s) ``q``, by bisection on the CDF (to about 1e-10 of the sd)."""
        qs = np.atleast_1d(np.asarray(q, dtype=float))
        sd = self.sd
        if np.isfinite(sd) and sd > 0:
            spread = 14.0 * sd
            low = np.full(qs.shape, self.mean - spread)
            high = np.full(qs.shape, self.mean + spread)
        else:
            spread = 12.0 * float(np.max(self.scale * np.where(self.df < 5, 10.0, 1.0))) + 1e-12
            low = np.full(qs.shape, float(np.min(self.loc)) - spread)
            high = np.full(qs.shape, float(np.max(self.loc)) + spread)
        for _ in range(40):
            mid = 0.5 * (low + high)
            below = self.cdf(mid) < qs
            low = np.where(below, mid, low)
            high = np.where(below, high, mid)
        out: Array = 0.5 * (low + high)
        for point in self.loc[self.scale == 0]:  # snap to an atom the bisection converged on
            out = np.where(np.abs(out - point) < 1e-8 * (spread + 1.0), point, out)
        return out

    def intervals(self, *levels: float) -> list[tuple[float, float]]:
        """Return equal-tailed credible intervals for several levels at once."""
        tails = [(1.0 - level) / 2.0 for level in levels]
        qs = self.quantile(np.array([t for tail in tails for t in (tail, 1.0 - tail)]))
        return [(float(qs[2 * i]), float(qs[2 * i + 1])) for i in range(len(levels))]

    def interval(self, level: float = 0.95) -> tuple[float, float]:
        """Return the equal-tailed credible interval with probability `level`."""
        tail = (1.0 - level) / 2.0
        low, high = self.quantile(np.array([tail, 1.0 - tail]))
        return float(low), float(high)


def batch_quantiles(mixtures: list[Mixture], qs: Array) -> Array:
    """Return quantiles ``qs`` of several mixtures at once: shape ``(M, len(qs))``.

    Notes
    -----
    One bisection for all (as `Mixture.quantile`, 40 halvings of a +-14 sd bracket); parts
    are padded with zero weight to a common count. Student-t parts with df above 1000 are
    evaluated as normal (as `Mixture.cdf` does).
    """
    count = max(m.weights.size for m in mixtures)

    def pad(values: list[Array], fill: float) -> Array:
        """Stack per-mixture arrays, padded to the common part count."""
        return np.array([np.pad(v, (0, count - v.size), constant_values=fill) for v in values])

    w = pad([m.weights for m in mixtures], 0.0)[:, None, :]
    loc = pad([m.loc for m in mixtures], 0.0)[:, None, :]
    scale = pad([m.scale for m in mixtures], 1.0)[:, None, :]
    df = pad([m.df for m in mixtures], np.inf)[:, None, :]
    atom = scale == 0
    normal = np.isinf(df) | (df > 1000)
    safe = np.where(atom, 1.0, scale)
    qs = np.asarray(qs, dtype=float)
    centre = np.array([m.mean for m in mixtures])[:, None]
    spread = 14.0 * np.array([m.sd for m in mixtures])[:, None] + 1e-12
    low = np.repeat(centre - spread, qs.size, axis=1)
    high = np.repeat(centre + spread, qs.size, axis=1)
    for _ in range(40):
        mid = 0.5 * (low + high)
        z = (mid[..., None] - loc) / safe
        if normal.all():
            smooth = special.ndtr(z)
        else:
            smooth = np.where(normal, special.ndtr(z), special.stdtr(np.where(normal, 1, df), z))
        cdf = (w * np.where(atom, mid[..., None] >= loc, smooth)).sum(axis=-1)
        below = cdf < qs[None, :]
        low = np.where(below, mid, low)
        high = np.where(below, high, mid)
    out: Array = 0.5 * (low + high)
    return out
