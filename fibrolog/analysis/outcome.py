"""One outcome's model: its series, scale, slow level, priors, and the shared linear algebra.

Every model for an outcome (each treatment's, each factor's) keeps the same rows, the days
the outcome was logged, so the whitened cross-products of all candidate columns are computed
once and each model is read off them. Adding columns to a common base is a Schur complement:
for base columns ``B`` (prior precision ``P_B``) and added columns ``F``,

    log|P + X'X| = log|A| + log|S|,   A = B'B + P_B,   S = F'F + P_F - F'B A^-1 B'F,

and the posterior of the added block has mean ``S^-1 (F'y - F'B A^-1 B'y)`` and scale matrix
``S^-1``, exactly as if the whole model had been fitted at once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from fibrolog.analysis import ar1
from fibrolog.analysis.ar1 import DEFAULT_RHO_GRID, Array, Gaps
from fibrolog.analysis.bayes import Prior, marginal
from fibrolog.analysis.design import level_basis
from fibrolog.analysis.regression import innovation_variance

__all__ = [
    "LEVEL_SD_GRID",
    "MCID",
    "MIN_DAYS",
    "MIN_N_EFF",
    "RHO_CUTOFF",
    "ROPE",
    "TREATMENT_SD",
    "Base",
    "Outcome",
    "n_eff",
]

# All in tenths of the outcome's range (points on a 0-10 scale): docs/methods.md.
MCID = 1.0  # the meaningful change
ROPE = 0.5  # practically no difference
TREATMENT_SD = 1.0  # prior sd of a treatment's full effect
LEVEL_SD_GRID = (0.05, 0.1, 0.2, 0.4)  # prior sd of each step of the slow level (60 days)
MIN_DAYS = 28  # logged days before anything is estimated
MIN_N_EFF = 20  # effective independent days before anything is estimated
RHO_CUTOFF = 30.0  # rho grid values this far (log marginal likelihood) below the best: skipped


def n_eff(n: int, rho: float) -> float:
    """Return ``n (1 - rho)/(1 + rho)``, at most n."""
    return min(float(n), n * (1.0 - rho) / (1.0 + rho))


@dataclass(frozen=True, eq=False)
class Outcome:
    """An outcome series with what its models share.

    Attributes
    ----------
    name
        Column name.
    y
        One value per calendar day, NaN where not logged.
    unit
        A tenth of the outcome's range (1 point for pain 0-10); priors, the MCID and the ROPE
        scale with it.
    better
        "lower", "higher", or None when neither direction is better.
    level
        The slow-level basis (see `design.level_basis`).
    s2
        A rough innovation variance, to express priors in outcome units.
    level_sd
        Prior sd of each step of the slow level, in units (chosen by marginal likelihood).
    """

    name: str
    y: Array
    unit: float
    better: str | None
    level: Array
    s2: float
    level_sd: float = LEVEL_SD_GRID[1]

    @classmethod
    def of(cls, name: str, y: Array, unit: float, better: str | None) -> Outcome:
        """Return the outcome with its level basis and variance estimate."""
        level = level_basis(y.size)
        s2 = innovation_variance(y, level)
        floor = (1e-3 * unit) ** 2
        return cls(name, y, unit, better, level, max(s2, floor))

    @property
    def gaps(self) -> Gaps:
        """The logged days and the gaps between them."""
        return Gaps.of(np.flatnonzero(~np.isnan(self.y)))

    def precision(self, sd_in_units: float) -> float:
        """Return the NIG prior precision of a coefficient with prior sd ``sd * unit``."""
        return self.s2 / (sd_in_units * self.unit) ** 2

    def prior(self, precision: Array) -> Prior:
        """Return the NIG prior with these coefficient precisions and sigma^2 ~ IG(1, s2)."""
        return Prior(precision, 1.0, self.s2)

    def level_precision(self) -> Array:
        """Prior precisions of the level: flat intercept, then the slow steps."""
        out = np.full(self.level.shape[1], self.precision(self.level_sd))
        out[0] = 0.0
        return out

    def with_level_sd(self, sd: float) -> Outcome:
        """Return the outcome with another prior sd for the level's steps."""
        return replace(self, level_sd=sd)


def log_mean_exp(log_ml: Array) -> Array:
    """Return ``log mean exp`` over the first axis (the rho grid, uniform prior)."""
    top = log_ml.max(axis=0)
    out: Array = top + np.log(np.exp(log_ml - top).mean(axis=0))
    return out


def choose_level_sd(outcome: Outcome, gram: Array, gaps: Gaps) -> Outcome:
    """Return the outcome with the level step sd of highest marginal likelihood (level only).

    Notes
    -----
    Type-II maximum likelihood over `LEVEL_SD_GRID`: how much slow drift this person's
    outcome shows is learnt from their data rather than fixed.
    """
    if outcome.level.shape[1] == 1:
        return outcome
    best, chosen = -np.inf, outcome
    for sd in LEVEL_SD_GRID:
        candidate = outcome.with_level_sd(sd)
        precision = candidate.level_precision()
        base = Base.of(gram, precision, gaps, DEFAULT_RHO_GRID)
        log_ml = marginal(
            gaps.n,
            candidate.prior(precision),
            base.logdet,
            base.yy - base.quad,
            base.log_jacobian,
        )[2]
        evidence = float(log_mean_exp(log_ml))
        if evidence > best:
            best, chosen = evidence, candidate
    return chosen


@dataclass(frozen=True, eq=False)
class Base:
    """The base block of an outcome's models, solved at every rho of the grid.

    Attributes
    ----------
    rhos
        The grid.
    log_jacobian
        The whitening's log-determinant at each rho.
    yy
        ``y*'y*`` (R,).
    by
        ``B*'y*`` (R, q).
    inv
        ``A^-1``, ``A = B*'B* + P_B`` (R, q, q).
    coef
        ``A^-1 B*'y*`` (R, q).
    logdet
        ``log|A|`` (R,).
    precision
        Prior precisions of the base columns.
    n
        Logged days.
    """

    rhos: Array
    log_jacobian: Array
    yy: Array
    by: Array
    inv: Array
    coef: Array
    logdet: Array
    precision: Array
    n: int

    @property
    def quad(self) -> Array:
        """``y*'B* A^-1 B*'y*`` (R,)."""
        out: Array = np.einsum("rq,rq->r", self.by, self.coef)
        return out

    @classmethod
    def of(cls, gram: Array, precision: Array, gaps: Gaps, rhos: Array) -> Base:
        """Solve the base from a Gram array laid out ``[y, base, ...]`` (R, 1+q, >= 1+q)."""
        q = precision.size
        a = gram[:, 1 : 1 + q, 1 : 1 + q] + np.diag(precision)
        chol = np.linalg.cholesky(a)
        inv: Array = np.asarray(np.linalg.inv(a), dtype=np.float64)
        by = gram[:, 1 : 1 + q, 0]
        return cls(
            rhos=rhos,
            log_jacobian=ar1.log_jacobian(gaps, rhos),
            yy=gram[:, 0, 0],
            by=by,
            inv=inv,
            coef=np.einsum("rij,rj->ri", inv, by),
            logdet=2.0 * np.log(np.diagonal(chol, axis1=1, axis2=2)).sum(axis=1),
            precision=precision,
            n=gaps.n,
        )


def gram_for(outcome: Outcome, base_cols: Array, extra: Array | None = None) -> tuple[Array, Gaps]:
    """Return the whitened Gram of ``[y, base, extra]`` rows on logged days, at every rho.

    The left side is ``[y, base]`` only (R, 1+q, 1+q+k): cross-products among the extra
    columns are not needed by any model.
    """
    gaps = outcome.gaps
    seen = gaps.days
    left = np.column_stack([outcome.y[seen], base_cols[seen]])
    right = left if extra is None else np.column_stack([left, extra[seen]])
    products = ar1.lag_products(gaps, left, right)
    return ar1.gram(products, gaps, DEFAULT_RHO_GRID), gaps
