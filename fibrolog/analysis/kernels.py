"""Treatment onset and offset kernels, and the half-life grids they are averaged over.

A regimen started on day ``t0`` with half-life ``h`` acts as ``g(t) = 1 - 0.5^((t - t0 + 1)/h)``
from ``t0`` on and 0 before; after the last day on it the level it reached decays as
``0.5^((t - t_stop)/h_off)``. Both are the first-order recursion

    g_t = q g_{t-1} + (1 - q) on_t,   q = 0.5^(1/h)

(with ``h_off = h``), which also handles restarts and short breaks. The treatment's
coefficient is its *full* effect, the effect once ``g`` has reached 1.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from fibrolog.analysis.ar1 import Array

__all__ = [
    "FAST_HALF_LIVES",
    "SLOW_HALF_LIVES",
    "Kernels",
    "fraction_reached",
    "kernels",
    "starts",
]

#: Half-lives (days) for slow treatments: LDN, supplements, training programmes.
SLOW_HALF_LIVES: Array = np.array([3.0, 7.0, 14.0, 21.0, 28.0, 42.0, 56.0, 84.0])
#: Half-lives (days) for fast treatments: pacing rules, heat, a caffeine cut.
FAST_HALF_LIVES: Array = np.array([0.5, 1.0, 2.0])


def kernels(on: Array, half_lives: Array) -> Array:
    """Return the onset/offset kernel of a daily on/off series for each half-life.

    Parameters
    ----------
    on
        One value per calendar day: > 0 while on the treatment (a dose counts as on; NaN, an
        unlogged day, counts as off).
    half_lives
        Half-lives in days.

    Returns
    -------
    (days, H) array
        ``g`` for each half-life, in [0, 1].

    Notes
    -----
    The dose is not modelled (titration counts as on): the spec's kernel is a function of the
    start date only. The offset half-life equals the onset half-life.
    """
    x = np.where(np.nan_to_num(np.asarray(on, dtype=float)) > 0, 1.0, 0.0)
    q = 0.5 ** (1.0 / np.asarray(half_lives, dtype=float))
    out = np.empty((x.size, q.size))
    edges = np.flatnonzero(np.diff(x)) + 1
    level = np.zeros(q.size)
    for begin, end in zip([0, *edges], [*edges, x.size], strict=True):
        # Within a run the recursion is geometric: g -> target + (g - target) q^k.
        target = x[begin]
        steps = np.arange(1, end - begin + 1)[:, None]
        out[begin:end] = target + (level - target) * q[None, :] ** steps
        level = out[end - 1]
    return out


def starts(on: Array) -> list[int]:
    """Return the day indices on which a run of "on" days begins."""
    x = np.nan_to_num(np.asarray(on, dtype=float)) > 0
    begin = np.flatnonzero(x & ~np.concatenate([[False], x[:-1]]))
    return [int(i) for i in begin]


def fraction_reached(days_on: float, half_lives: Array) -> Array:
    """Return the share of the full effect reached after ``days_on`` days, per half-life."""
    out: Array = 1.0 - 0.5 ** (float(days_on) / np.asarray(half_lives, dtype=float))
    return out


@dataclass(frozen=True, eq=False)
class Kernels:
    """The fitted treatments' kernel columns at every half-life of their grids.

    Attributes
    ----------
    names, grids
        The treatments with enough data and each one's half-life grid.
    cols
        Each treatment's kernels, one column per half-life (days, H).
    offsets
        Where each treatment's columns start among all kernel columns.
    """

    names: list[str]
    grids: list[Array]
    cols: list[Array]
    offsets: Array

    @classmethod
    def of(cls, on: Mapping[str, Array], names: list[str], slow: set[str]) -> Kernels:
        """Return the kernels of `names` (slow or fast half-life grids)."""
        grids = [SLOW_HALF_LIVES if name in slow else FAST_HALF_LIVES for name in names]
        cols = [kernels(on[name], grid) for name, grid in zip(names, grids, strict=True)]
        return cls(names, grids, cols, np.cumsum([0] + [g.size for g in grids]))

    def models(self, j: int, choice: list[int]) -> Array:
        """Column indices (into the kernels) of each model varying treatment j's half-life."""
        fixed = np.array([self.offsets[k] + choice[k] for k in range(len(self.names))])
        out = np.repeat(fixed[None, :], self.grids[j].size, axis=0)
        out[:, j] = self.offsets[j] + np.arange(self.grids[j].size)
        return out

    def start(self, reuse: tuple[float, Mapping[str, int]] | None) -> list[int]:
        """Return the first half-life choice: the grids' middles, or an earlier fit's modes."""
        choice = [int(np.argmin(np.abs(g - np.median(g)))) for g in self.grids]
        if reuse is None:
            return choice
        return [
            min(reuse[1].get(name, c), g.size - 1)
            for name, c, g in zip(self.names, choice, self.grids, strict=True)
        ]
