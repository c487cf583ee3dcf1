"""How long a self-experiment must run, from a person's own variability and autocorrelation.

The standard error (SE) of the B - A difference for a plan is the generalised least squares
(GLS) SE of the arm coefficient in ``y_t = a + b * x_t + u_t`` with AR(1) errors,
``Cov(u_i, u_j) = sd**2 * rho**|t_i - t_j|`` over the analysed days (gaps exact). From the SE,
a normal approximation of the verdict rule (fibrolog.analysis.trials.RULE) gives the chance that
a trial ends with each verdict, and so how many weeks it needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from statistics import NormalDist

import numpy as np

from fibrolog.analysis.trial_bounds import PAIRS, TREATMENT_DAYS
from fibrolog.analysis.trials import FAST, Plan

__all__ = [
    "POPULATION_RHO",
    "POPULATION_SD",
    "Chances",
    "Option",
    "Variability",
    "chances",
    "needed",
    "options",
    "plan_se",
    "se_difference",
    "variability",
]

POPULATION_SD = 1.5  # marginal SD of daily 0-10 pain (analysis spec)
POPULATION_RHO = 0.6  # its lag-1 autocorrelation (analysis spec)
MIN_OWN_DAYS = 28  # fewer logged days than this: use the population values
WINDOW = 90  # the last 90 logged days
PRIOR_SD = 1.0  # the engine's default prior on a treatment effect, N(0, 1) on 0-10 pain
PLANNING_HALF_LIFE = 14.0  # days; slow designs are planned with this onset half-life
TARGET = 0.8  # a plan is long enough when the rule is met this often (see `needed`)
MAX_WEEKS = TREATMENT_DAYS.high // 7  # 52: the longest slow plan, in whole weeks
_N = NormalDist()
Z80, Z95 = _N.inv_cdf(0.8), _N.inv_cdf(0.95)


def se_difference(
    offsets: Sequence[int], exposure: Sequence[float], sd: float, rho: float
) -> float:
    """Return the GLS standard error of the exposure coefficient (intercept included).

    Parameters
    ----------
    offsets : sequence of int
        Day numbers of the analysed days, strictly increasing (gaps allowed).
    exposure : sequence of float
        The arm on each day (0 for A, 1 for B), or an onset kernel's value.
    sd : float
        Marginal standard deviation of the outcome.
    rho : float
        Lag-1 autocorrelation of the errors, in (-1, 1).

    Returns
    -------
    float
        The SE of B - A; infinite when the design cannot estimate it (one arm only).

    Notes
    -----
    Uses the exact whitening of an AR(1) process across gaps (Prais-Winsten for the first
    day): a day g days after the previous analysed one contributes
    ``(x_t - rho**g * x_{t-g}) / (sd * sqrt(1 - rho**(2g)))``, so ``X' Sigma^-1 X`` costs O(n)
    and equals the dense GLS information exactly.
    """
    t = np.asarray(offsets, dtype=np.float64)
    x = np.column_stack([np.ones(len(t)), np.asarray(exposure, dtype=np.float64)])
    if len(t) < 3 or np.ptp(x[:, 1]) == 0:
        return float("inf")
    decay = rho ** np.diff(t)
    rows = np.vstack([x[:1], (x[1:] - decay[:, None] * x[:-1]) / np.sqrt(1 - decay**2)[:, None]])
    info = rows.T @ rows / sd**2
    det = info[0, 0] * info[1, 1] - info[0, 1] ** 2
    return float(np.sqrt(info[0, 0] / det)) if det > 0 else float("inf")


def _kernel(days: np.ndarray, on: int, off: int, half_life: float) -> np.ndarray:
    """Onset from day `on`, decay after day `off - 1` (the engine's kernel, one half-life)."""
    level = np.where(days >= on, 1 - 0.5 ** ((days - on + 1) / half_life), 0.0)
    reached = 1 - 0.5 ** ((off - on) / half_life)
    return np.where(days >= off, reached * 0.5 ** ((days - off + 1) / half_life), level)


def plan_se(plan: Plan, sd: float, rho: float, *, half_life: float = PLANNING_HALF_LIFE) -> float:
    """Return the SE of B - A for `plan` (fast: the randomised periods without washout days;
    slow: all days, B's full effect under an onset kernel with `half_life`)."""
    rows = plan.schedule()
    if plan.design == FAST:
        kept = [(i, r.arm) for i, r in enumerate(rows) if r.phase == "treatment"]
        return se_difference([i for i, _ in kept], [arm == "B" for _, arm in kept], sd, rho)
    days = np.arange(len(rows))
    exposure = _kernel(days, plan.baseline, plan.baseline + plan.treatment_days, half_life)
    return se_difference(list(range(len(rows))), list(exposure), sd, rho)


@dataclass(frozen=True)
class Variability:
    """A person's day-to-day SD and lag-1 autocorrelation, or the population values."""

    sd: float
    rho: float
    days: int
    own: bool

    def describe(self) -> str:
        if self.own:
            return (
                f"From your last {self.days} logged days: day-to-day spread {self.sd:.1f} points, "
                f"one day's value carries {self.rho:.0%} into the next."
            )
        return (
            f"You have {self.days} logged days (fewer than {MIN_OWN_DAYS} usable), so this uses "
            f"typical values: spread {POPULATION_SD} points, carry-over {POPULATION_RHO:.0%}."
        )


def variability(values: Sequence[float | None]) -> Variability:
    """Return the SD and lag-1 autocorrelation of consecutive daily values (None = not logged).

    Parameters
    ----------
    values : sequence of float or None
        One entry per calendar day, oldest first.

    Returns
    -------
    Variability
        From the last 90 logged days; the population values (SD 1.5, rho 0.6) when fewer than
        28 days are logged, fewer than 20 consecutive-day pairs exist, or the values barely vary.

    Notes
    -----
    rho is the lag-1 autocorrelation over pairs of consecutive calendar days both logged,
    clipped to [-0.2, 0.95] (the engine's grid).
    """
    y = np.array([np.nan if v is None else float(v) for v in values], dtype=np.float64)
    logged = np.flatnonzero(~np.isnan(y))
    if len(logged) >= MIN_OWN_DAYS:
        y = y[logged[-WINDOW] if len(logged) > WINDOW else logged[0] :]
        ok = ~np.isnan(y)
        mean, sd = float(np.mean(y[ok])), float(np.std(y[ok], ddof=1))
        both = ok[1:] & ok[:-1]
        if sd >= 0.25 and both.sum() >= 20:
            dev = y - mean
            lag = float(np.mean(dev[1:][both] * dev[:-1][both]))
            rho = float(np.clip(lag / np.mean(dev[ok] ** 2), -0.2, 0.95))
            return Variability(sd, rho, int(ok.sum()), True)
    return Variability(POPULATION_SD, POPULATION_RHO, len(logged), False)


@dataclass(frozen=True)
class Chances:
    """How a trial with standard error `se` would end, by the normal approximation."""

    se: float
    likely_helps: float  # P(verdict "likely helps") if B's true benefit is `benefit`
    helps_at_all: float  # P(P(B better) >= 0.95) if B's true benefit is `benefit`
    no_difference: float  # P(verdict "no meaningful difference") if there is no effect
    detectable: float  # the true benefit called "likely helps" in 80% of trials


def chances(
    se: float,
    benefit: float,
    *,
    mcid: float = 1.0,
    rope: float = 0.5,
    prior_sd: float | None = PRIOR_SD,
) -> Chances:
    """Return the chance of each verdict for a design with standard error `se`.

    Parameters
    ----------
    se : float
        SE of B - A (`plan_se`).
    benefit : float
        B's true benefit in the outcome's units (positive = better).
    mcid, rope : float
        The meaningful change and the range of practical equivalence of the verdict rule.
    prior_sd : float or None
        SD of the zero-centred normal prior on the effect (None: flat).

    Returns
    -------
    Chances

    Notes
    -----
    The estimate is taken as Normal(truth, se) and the posterior as the conjugate normal
    (shrinkage ``w = prior_sd**2 / (prior_sd**2 + se**2)``, posterior mean ``w * estimate``,
    SD ``se * sqrt(w)``). The engine also averages over rho and an unknown sigma, so its real
    rates differ a little; ``bench/experiments.py`` measures them.
    """
    if not np.isfinite(se) or se <= 0:
        return Chances(se, 0.0, 0.0, 0.0, float("inf"))
    w = 1.0 if prior_sd is None else prior_sd**2 / (prior_sd**2 + se**2)
    s = se * np.sqrt(w)
    bar = max(Z95 * s, mcid + Z80 * s) / w  # the estimate the "likely helps" rule needs
    likely = 1 - _N.cdf((bar - benefit) / se)
    direction = 1 - _N.cdf((Z95 * s / w - benefit) / se)
    if 2 * _N.cdf(rope / s) - 1 < 0.8:
        no_diff = 0.0
    else:  # the largest posterior mean with P(|effect| < rope) >= 0.8, by bisection
        lo, hi = 0.0, rope
        for _ in range(60):
            m = (lo + hi) / 2
            inside = _N.cdf((rope - m) / s) - _N.cdf((-rope - m) / s) >= 0.8
            lo, hi = (m, hi) if inside else (lo, m)
        no_diff = 2 * _N.cdf(lo / w / se) - 1
    return Chances(se, float(likely), float(direction), float(no_diff), float(bar + Z80 * se))


@dataclass(frozen=True)
class Option:
    """One length of a plan and what it could show."""

    plan: Plan
    weeks: float
    chances: Chances  # with the true benefit equal to the meaningful change

    @property
    def enough(self) -> bool:
        return self.chances.helps_at_all >= TARGET


def _lengthen(plan: Plan, weeks: int) -> Plan | None:
    """Return `plan` with about `weeks` weeks of randomised periods (fast) or treatment (slow)."""
    if plan.design == FAST:
        pairs = max(PAIRS.low, round(weeks * 7 / (2 * plan.period)))
        return replace(plan, pairs=pairs) if pairs <= PAIRS.high else None
    days = max(TREATMENT_DAYS.low, 7 * weeks)
    return replace(plan, treatment_days=days) if weeks <= MAX_WEEKS else None


def options(
    plan: Plan, sd: float, rho: float, *, weeks: Sequence[int] = (4, 8, 12, 16, 24, 36, 52)
) -> list[Option]:
    """Return `plan` at several lengths (fast: weeks of pairs; slow: weeks of treatment), each
    with its chances when B's true benefit equals the plan's meaningful change."""
    out: dict[int, Option] = {}
    for w in weeks:
        longer = _lengthen(plan, w)
        if longer is None:
            continue
        se = plan_se(longer, sd, rho)
        out[longer.days] = Option(
            longer, longer.days / 7, chances(se, longer.mcid, mcid=longer.mcid, rope=longer.rope)
        )
    return [out[d] for d in sorted(out)]


def needed(plan: Plan, sd: float, rho: float) -> Option | None:
    """Return the shortest version of `plan` long enough to detect the meaningful change.

    Parameters
    ----------
    plan : Plan
        The design; its number of pairs (fast) or treatment days (slow) is varied.
    sd, rho : float
        The person's `variability`.

    Returns
    -------
    Option or None
        None when even 52 weeks are not enough.

    Notes
    -----
    The weeks-needed rule, derived from the verdict rule: the trial is long enough when, if B's
    true benefit equals the meaningful change (MCID), it meets the rule's first condition,
    P(B better) >= 0.95, in at least 80% of trials. Under the normal approximation with a flat
    prior this is ``SE <= MCID / (z_0.95 + z_0.80) = MCID / 2.49`` (0.40 points for MCID 1); the
    N(0, 1) prior makes it slightly stricter. A true benefit equal to the MCID can never be
    called "likely helps" reliably (its estimate falls below the MCID half the time); the
    benefit a plan calls "likely helps" 4 times in 5 is ``Chances.detectable``, about
    ``MCID + 1.68 SE``.
    """
    for w in range(4, MAX_WEEKS + 1, 2 if plan.design == FAST else 1):
        longer = _lengthen(plan, w)
        if longer is None:
            return None
        se = plan_se(longer, sd, rho)
        option = Option(
            longer, longer.days / 7, chances(se, plan.mcid, mcid=plan.mcid, rope=plan.rope)
        )
        if option.enough:
            return option
    return None
