"""The steps of a screen: the plan for a diary, one outcome's fits, and assembling the result.

`screening.InsightsModel` composes these; a full screen and an update differ only in the
`ScreenState` passed in (None for a full screen).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from fibrolog.analysis import caveats
from fibrolog.analysis.ar1 import Array
from fibrolog.analysis.associations import Factor, FactorFit, screen
from fibrolog.analysis.frame import label
from fibrolog.analysis.insight import Insight, TreatmentInsight
from fibrolog.analysis.items import Context, treatment_item
from fibrolog.analysis.outcome import MIN_DAYS, MIN_N_EFF, Outcome, n_eff
from fibrolog.analysis.results import Collecting, InsightsResult, Pair, ScreenState
from fibrolog.analysis.treatment import EffectPrior, TreatmentFit, fit_treatments

__all__ = ["OutcomeFit", "Plan", "carried_over", "fit_outcome", "next_state", "with_two_way"]

#: An update refits the associations shown and those with P(direction) at least this.
WITHIN_REACH = 0.8
Key = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], int]


@dataclass(frozen=True)
class Plan:
    """A diary made ready for a screen: its context, series and what is screened.

    Attributes
    ----------
    ctx
        The frame, its days, window and the factors measured before the symptoms.
    on
        Treatment -> its daily series (zeros when it is not in the diary).
    slow
        The slow-onset treatments.
    factors
        The factor columns screened (present, neither an outcome nor a treatment).
    key
        Outcomes, treatments, factors and lags: an update needs the same.
    priors
        (outcome, treatment) -> the prior of that treatment's full effect, where it is not
        the engine's default (a cohort's predictive distribution).
    """

    ctx: Context
    on: dict[str, Array]
    slow: frozenset[str]
    factors: tuple[str, ...]
    key: Key
    priors: Mapping[tuple[str, str], EffectPrior] = field(default_factory=dict)

    def reusable(self, state: ScreenState | None) -> ScreenState | None:
        """Return `state` when it comes from the same screen of the same diary, else None."""
        if state is None or state.key != self.key:
            return None
        return state if state.full_screen_window[0] == self.ctx.dates[0] else None

    def factor_list(self, state: ScreenState | None, lags: int) -> list[Factor]:
        """Return the factors to fit: all of them, or an update's candidates only."""
        wanted = set(self.factors) if state is None else {f for _, f in state.candidates}
        frame = self.ctx.frame
        return [Factor.of(f, frame[f].to_numpy(), lags) for f in self.factors if f in wanted]


@dataclass(frozen=True)
class OutcomeFit:
    """One outcome's treatments and factors, fitted (before pooling across factors).

    Attributes
    ----------
    outcome
        The outcome with its chosen level smoothness.
    modes
        Treatment -> index of its most likely half-life.
    treated, found
        The treatments' insights, and each factor's fit (empty when `n_eff` is too low).
    collecting
        What needs more data for this outcome.
    """

    outcome: Outcome
    modes: dict[str, int]
    treated: list[TreatmentInsight]
    found: list[tuple[Outcome, str, FactorFit]]
    collecting: list[Collecting]


def outcome_problem(frame: pd.DataFrame, column: str) -> str | None:
    """Return why an outcome cannot be analysed yet, or None."""
    name = label(column)
    if column not in frame:
        return f"{name} is not in the diary"
    y = frame[column].to_numpy()
    n = int(np.sum(~np.isnan(y)))
    if n == 0:
        return f"no {name} logged yet"
    if n < MIN_DAYS:
        return f"{name} was logged on {n} days so far; insights need at least {MIN_DAYS}"
    if np.nanmax(y) == np.nanmin(y):
        return f"{name} has always been {np.nanmax(y):g}: nothing to explain yet"
    return None


def fit_outcome(
    plan: Plan,
    outcome: Outcome,
    factors: Sequence[Factor],
    state: ScreenState | None,
) -> OutcomeFit:
    """Fit the treatments, then every factor on top of them, for one outcome.

    Parameters
    ----------
    plan
        The diary's plan.
    outcome
        The outcome (with its scale and better direction).
    factors
        The factors to screen (an update passes only its candidates).
    state
        The last full screen's state (an update) or None: an update reuses its level
        smoothness and half-life modes and screens only its candidate pairs.
    """
    name = outcome.name
    reuse = None
    if state is not None and name in state.level_sd:
        reuse = (state.level_sd[name], state.modes.get(name, {}))
    mine = {t: p for (o, t), p in plan.priors.items() if o == name and t in plan.on}
    fit = fit_treatments(outcome, plan.on, set(plan.slow), reuse, mine)
    # The person's own data alone (the default prior), for the page's "your own data" line.
    alone = fit_treatments(outcome, plan.on, set(plan.slow), reuse).fits if mine else {}

    def _prior(t: str) -> tuple[EffectPrior, TreatmentFit] | None:
        return (mine[t], alone[t]) if t in mine and t in alone else None

    outcome = fit.outcome
    base = np.column_stack([outcome.level, fit.kernels])
    base_prec = np.concatenate([outcome.level_precision(), fit.precision])
    if state is not None:
        factors = [f for f in factors if (name, f.name) in state.candidates]
    f_fits, f_why, rho = screen(outcome, base, base_prec, factors)
    n = int(np.sum(~np.isnan(outcome.y)))
    if n_eff(n, rho) < MIN_N_EFF:
        why = (
            f"{n} days of {label(name)} count as only about {n_eff(n, rho):.0f} independent "
            f"days (needs {MIN_N_EFF}): it changes slowly from day to day"
        )
        return OutcomeFit(outcome, fit.modes, [], [], [Collecting(name, None, "association", why)])
    collecting = [Collecting(name, t, "treatment", w) for t, w in fit.collecting.items()]
    collecting += [Collecting(name, f, "association", w) for f, w in f_why.items()]
    treated = [
        treatment_item(plan.ctx, outcome, t, t_fit, plan.on[t], t in plan.slow, _prior(t))
        for t, t_fit in fit.fits.items()
    ]
    found = [(outcome, f, f_fit) for f, f_fit in f_fits.items()]
    return OutcomeFit(outcome, fit.modes, treated, found, collecting)


def carried_over(
    previous: InsightsResult, state: ScreenState, refit: set[Pair], live: set[str]
) -> tuple[list[Insight], list[Collecting]]:
    """Return what an update keeps from the previous result: the pairs it did not refit.

    Parameters
    ----------
    previous, state
        The previous result and its screen state.
    refit
        The (outcome, factor) pairs refitted now.
    live
        The outcomes fitted now (an outcome that lost its data keeps nothing).
    """
    kept = [
        i
        for i in previous.associations()
        if (i.outcome, i.factor) not in refit and i.outcome in live
    ]
    waiting = [
        c
        for c in previous.collecting
        if c.kind == "association"
        and c.factor is not None
        and (c.outcome, c.factor) not in state.candidates
        and c.outcome in live
    ]
    return kept, waiting


def with_two_way(
    ctx: Context,
    found: Sequence[tuple[Outcome, str, FactorFit]],
    item: Insight,
    known: frozenset[Pair] | None,
) -> Insight:
    """Add the "two-way link" caveat when the outcome today predicts the factor tomorrow.

    An update reuses the last full screen's answer (`known`): one new day cannot change it.
    """
    if known is not None:
        linked = (item.outcome, item.factor) in known
    else:
        outcome = next((o for o, _, _ in found if o.name == item.outcome), None)
        x = ctx.frame[item.factor].to_numpy()
        linked = (
            outcome is not None
            and bool(item.swing)
            and caveats.two_way(outcome, x, item.swing or 0.0)
        )
    if linked and "two-way link" not in item.caveats:
        return replace(item, caveats=(*item.caveats, "two-way link"))
    return item


def next_state(
    plan: Plan,
    fits: Sequence[OutcomeFit],
    prior: tuple[Array, Array] | None,
    associations: Sequence[Insight],
    shown: Sequence[Insight],
    state: ScreenState | None,
) -> ScreenState:
    """Return the state the next update reuses (a full screen's window stays until the next)."""
    reach = {(i.outcome, i.factor) for i in associations if i.p_direction >= WITHIN_REACH}
    two_way = frozenset((i.outcome, i.factor) for i in shown if "two-way link" in i.caveats)
    return ScreenState(
        key=plan.key,
        level_sd={f.outcome.name: f.outcome.level_sd for f in fits},
        modes={f.outcome.name: f.modes for f in fits},
        prior=prior,
        candidates=frozenset(reach | {(i.outcome, i.factor) for i in shown}),
        full_screen_window=state.full_screen_window if state else plan.ctx.window,
        two_way=two_way | (state.two_way if state is not None else frozenset()),
    )
