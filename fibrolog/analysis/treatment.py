"""Is a treatment working? Its full effect against the model's counterfactual, with onset.

For one outcome, every treatment enters as its onset/offset kernel (see `kernels`) next to the
slow level; each treatment's half-life is averaged over its grid with marginal-likelihood
weights while the others are held at their most likely half-life, and rho is averaged over
its grid. The posterior of the full effect is then a mixture of Student-t parts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from fibrolog.analysis.ar1 import DEFAULT_RHO_GRID, Array, Gaps
from fibrolog.analysis.bayes import log_weights_to_probs, marginal
from fibrolog.analysis.kernels import Kernels, starts
from fibrolog.analysis.mixture import Mixture
from fibrolog.analysis.outcome import (
    LEVEL_SD_GRID,
    RHO_CUTOFF,
    TREATMENT_SD,
    Base,
    Outcome,
    choose_level_sd,
    gram_for,
    log_mean_exp,
)

__all__ = ["MIN_EXPOSED", "Treated", "TreatmentFit", "fit_treatments"]

MIN_EXPOSED = 10  # logged days on it, and off it
REACH_WEEKS = (4, 8, 12)


@dataclass(frozen=True, eq=False)
class TreatmentFit:
    """One treatment's effect on one outcome (before verdicts and words).

    Attributes
    ----------
    effect
        Posterior of the full effect (mixture over half-life and rho).
    half_lives, half_life_probs
        The half-life grid and its posterior.
    reached
        Week -> posterior of the effect reached that many weeks after the first start.
    counterfactual, fitted
        The model's expected outcome each day without the treatment, and with it.
    rho, n
        Posterior mean rho; logged outcome days.
    first_start
        Day index of the first start.
    """

    effect: Mixture
    half_lives: Array
    half_life_probs: Array
    reached: dict[int, Mixture]
    counterfactual: Array
    fitted: Array
    rho: float
    n: int
    first_start: int


def _eligible(outcome: Outcome, on: Array) -> str | None:
    """Return why a treatment cannot be judged on an outcome yet, or None."""
    seen = ~np.isnan(outcome.y)
    x = np.nan_to_num(on) > 0
    days_on, days_off = int((seen & x).sum()), int((seen & ~x).sum())
    if not x.any():
        return "it was never taken in this window"
    if days_off < MIN_EXPOSED or not (seen[: starts(on)[0]]).any():
        return "there are too few logged days without it to compare with"
    if days_on < MIN_EXPOSED:
        return f"only {days_on} logged days on it so far (needs {MIN_EXPOSED})"
    return None


class _Models:
    """Treatment models sharing one level: each is a choice of half-life per treatment."""

    def __init__(self, outcome: Outcome, gram: Array, gaps: Gaps, count: int, rhos: Array) -> None:
        self.outcome, self.gaps, self.rhos = outcome, gaps, rhos
        level_prec = outcome.level_precision()
        q = level_prec.size
        self.base = base = Base.of(gram, level_prec, gaps, rhos)
        lt = gram[:, 1 : 1 + q, 1 + q :]
        self.h = np.einsum("rij,rjk->rik", base.inv, lt)
        self.schur = gram[:, 1 + q :, 1 + q :] - np.einsum("rqi,rqj->rij", lt, self.h)
        self.r = gram[:, 1 + q :, 0] - np.einsum("rqi,rq->ri", lt, base.coef)
        self.prec = outcome.precision(TREATMENT_SD)
        self.prior = outcome.prior(np.concatenate([level_prec, np.full(count, self.prec)]))

    def solve(self, idx: Array) -> tuple[Array, Array, Array, float, Array]:
        """Fit models ``idx`` (M, m) (kernel columns) at every rho: mean, inv, b, a, log_ml."""
        s = self.schur[:, idx[:, :, None], idx[:, None, :]] + self.prec * np.eye(idx.shape[1])
        r = self.r[:, idx]
        inv = np.linalg.inv(s)
        mean = np.einsum("rmij,rmj->rmi", inv, r)
        logdet = self.base.logdet[:, None] + np.linalg.slogdet(s)[1]
        resid = (self.base.yy - self.base.quad)[:, None] - np.einsum("rmi,rmi->rm", mean, r)
        a, b, log_ml = marginal(
            self.gaps.n, self.prior, logdet, resid, self.base.log_jacobian[:, None]
        )
        return mean, inv, b, a, log_ml


class Treated(NamedTuple):
    """Every treatment's effect on one outcome, and what the association screen reuses.

    Attributes
    ----------
    outcome
        The outcome with the level's step sd chosen by marginal likelihood (with the
        treatments in the model).
    fits
        Name -> `TreatmentFit` for the treatments with enough data.
    collecting
        Name -> the reason there is not enough data yet.
    kernels, precision
        The fitted treatments' kernels at their most likely half-life (days, m) and their
        prior precisions: the treatment part of the association screen's base.
    modes
        Name -> index of its most likely half-life in its grid (reused by an update).
    """

    outcome: Outcome
    fits: dict[str, TreatmentFit]
    collecting: dict[str, str]
    kernels: Array
    precision: Array
    modes: dict[str, int]


Solved = tuple[Array, Array, Array, float, Array]


def fit_treatments(
    outcome: Outcome,
    on: Mapping[str, Array],
    slow: set[str],
    reuse: tuple[float, Mapping[str, int]] | None = None,
) -> Treated:
    """Fit every treatment's effect on one outcome.

    Parameters
    ----------
    outcome
        The outcome.
    on
        Treatment name -> daily on/off (or dose) series.
    slow
        Names of slow-onset treatments (half-lives 3-84 days); the others are fast (0.5-2).
    reuse
        The level step sd and the most likely half-lives from an earlier fit (an update after
        a new day): the searches for them are skipped; the posterior is computed afresh.

    Returns
    -------
    Treated

    Notes
    -----
    Each treatment's half-life is averaged over its grid while the others are held at their
    most likely half-life (found by two sweeps of coordinate ascent on the marginal
    likelihood); rho is averaged over its grid throughout.
    """
    collecting = {name: why for name, x in on.items() if (why := _eligible(outcome, x))}
    names = [name for name in on if name not in collecting]
    if not names:
        return _level_only(outcome, collecting, reuse)
    k = Kernels.of(on, names, slow)
    gram, gaps = gram_for(outcome, np.column_stack([outcome.level, *k.cols]))
    if reuse is not None:
        outcome = outcome.with_level_sd(reuse[0])
    fitter, choice, final = _search(outcome, k, gram, gaps, k.start(reuse), reuse is not None)
    fits = {
        name: _one_fit(k, j, choice, fitter, final[j], starts(on[name])[0])
        for j, name in enumerate(names)
    }
    modes = np.column_stack([k.cols[j][:, choice[j]] for j in range(len(names))])
    return Treated(
        fitter.outcome,
        fits,
        collecting,
        modes,
        np.full(len(names), fitter.prec),
        dict(zip(names, choice, strict=True)),
    )


def _level_only(
    outcome: Outcome, collecting: dict[str, str], reuse: tuple[float, Mapping[str, int]] | None
) -> Treated:
    """Return the result when no treatment can be judged: only the level's sd is chosen."""
    if reuse is not None:
        chosen = outcome.with_level_sd(reuse[0])
    else:
        gram, gaps = gram_for(outcome, outcome.level)
        chosen = choose_level_sd(outcome, gram, gaps)
    return Treated(chosen, {}, collecting, np.zeros((outcome.y.size, 0)), np.zeros(0), {})


def _search(
    outcome: Outcome, k: Kernels, gram: Array, gaps: Gaps, choice: list[int], reused: bool
) -> tuple[_Models, list[int], list[Solved]]:
    """Choose the level sd and the half-lives' modes (from `choice`); fit each model set.

    Notes
    -----
    Grid values of rho far below the best (e^-30) for a first model carry no weight in the
    others (treatments move the slow level, not the day-to-day carry-over); they are skipped,
    and the whole grid is used again if a posterior reaches the edge of the rest. An update
    (`reused`) keeps the level sd and the modes it was given.
    """
    count, choice = len(k.names), list(choice)
    start = k.models(0, choice)[choice[0]][None, :]
    first = _Models(outcome, gram, gaps, count, DEFAULT_RHO_GRID).solve(start)[4][:, 0]
    near = first >= first.max() - RHO_CUTOFF
    for rhos in (DEFAULT_RHO_GRID[near], DEFAULT_RHO_GRID):
        sds = LEVEL_SD_GRID if outcome.level.shape[1] > 1 else LEVEL_SD_GRID[:1]
        if reused:
            sds = (outcome.level_sd,)
        grams = gram[near] if rhos.size < near.size else gram
        candidates = [_Models(outcome.with_level_sd(sd), grams, gaps, count, rhos) for sd in sds]
        evidence = [float(log_mean_exp(m.solve(start)[4])[0]) for m in candidates]
        fitter = candidates[int(np.argmax(evidence))]
        for _sweep in range(0 if reused else 2):
            for j in range(count):
                choice[j] = int(np.argmax(log_mean_exp(fitter.solve(k.models(j, choice))[4])))
        final = [fitter.solve(k.models(j, choice)) for j in range(count)]
        edge = max(float(log_weights_to_probs(f[4]).sum(axis=1)[[0, -1]].sum()) for f in final)
        if near.all() or edge < 1e-6:
            break
    return fitter, choice, final


def _one_fit(
    k: Kernels, j: int, choice: list[int], fitter: _Models, solved: Solved, first_start: int
) -> TreatmentFit:
    """Return treatment j's effect, its build-up by week and its counterfactual."""
    mean, inv, b, a, log_ml = solved
    w = log_weights_to_probs(log_ml)  # (R, H): uniform priors on both grids
    scale = np.sqrt(inv[:, :, j, j] * b / a)
    reached = {
        week: Mixture.of(w, mean[:, :, j] * frac, scale * frac, 2 * a)
        for week in REACH_WEEKS
        for frac in [1.0 - 0.5 ** (7.0 * week / k.grids[j][None, :])]
    }
    # Expected outcome without this treatment: the level and the other treatments, with
    # their coefficients averaged over the same posterior (the model is linear in them).
    level_coef = fitter.base.coef[:, None, :] - np.einsum(
        "rqhm,rhm->rhq", fitter.h[:, :, k.models(j, choice)], mean
    )
    without = fitter.outcome.level @ np.einsum("rh,rhq->q", w, level_coef)
    for other in range(len(k.names)):
        if other != j:
            weight = float(np.einsum("rh,rh->", w, mean[:, :, other]))
            without += k.cols[other][:, choice[other]] * weight
    own = np.einsum("rh,rh,dh->d", w, mean[:, :, j], k.cols[j])
    return TreatmentFit(
        effect=Mixture.of(w, mean[:, :, j], scale, 2 * a),
        half_lives=k.grids[j],
        half_life_probs=w.sum(axis=0),
        reached=reached,
        counterfactual=without,
        fitted=without + own,
        rho=float(w.sum(axis=1) @ fitter.rhos),
        n=fitter.gaps.n,
        first_start=first_start,
    )
