"""What seems linked to a person's symptoms, and are their treatments working: the screen.

Specify, fit, read a frozen result (the shape of statsmodels)::

    model = InsightsModel(outcomes=("pain",), treatments=("ldn",))
    result = model.fit(diary)                  # the full screen
    result = model.update(result, diary)       # after a new check-in: reuses the last screen
    InsightsResult.from_dict(result.to_dict()) == result

`insights(diary, ..., previous=None)` is the same in one call.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from fibrolog.analysis import _screen, caveats
from fibrolog.analysis._screen import WITHIN_REACH, OutcomeFit, Plan
from fibrolog.analysis.frame import daily
from fibrolog.analysis.insight import Insight
from fibrolog.analysis.items import Context, association_items
from fibrolog.analysis.outcome import Outcome
from fibrolog.analysis.results import Collecting, InsightsResult, ScreenState
from fibrolog.analysis.treatment import EffectPrior

__all__ = ["MEASURED_BEFORE", "WITHIN_REACH", "InsightsModel", "insights"]

#: Factors measured before the day's symptoms (last night's sleep): no "same day" caveat.
MEASURED_BEFORE = frozenset({"sleep_hours", "sleep_quality", "unrefreshed", "tag:poor sleep"})
_BETTER = {"higher": "lower", "lower": "higher", "neither": None}


@dataclass(frozen=True)
class InsightsModel:
    """The screen of a diary, specified: what to explain, by what, and the show rule.

    Parameters
    ----------
    outcomes
        The symptom columns to explain.
    treatments
        Columns that are treatments (1/dose while on, 0 off), judged against the model's
        counterfactual with an onset kernel.
    factors
        Columns screened as factors; None: every column that is neither an outcome nor a
        treatment.
    worse
        Column -> "higher", "lower" or "neither" (default "higher").
    scale
        Column -> (lowest, highest) (default 0-10); priors, the MCID (a tenth of the range)
        and the ROPE (a twentieth) scale with it.
    slow
        Treatments with slow onset (half-lives 3-84 days); the others are fast (0.5-2 days).
        None: all slow.
    lags
        Largest lag (days) from factor to outcome.
    measured_before
        Factors measured before the day's symptoms (no "same day" caveat at lag 0).
    max_shown, false_direction_rate
        The show rule: at most this many associations, mean false-direction risk at most this.
    priors
        (outcome, treatment) -> the prior of that treatment's full effect (units), instead of
        the default N(0, 1 unit^2): the one hook through which a cohort's predictive
        distribution (`fibrolog.analysis.cohort.person_prior`) enters a person's analysis.
        Each such treatment's insight also carries the estimate under the default prior.

    Notes
    -----
    See docs/methods.md: one model per outcome (slow level, treatments, AR(1) errors averaged
    over rho), each factor at lags 0..`lags` in its own closed-form fit, pooled across all
    factors with a learnt sparse prior; guardrails turn thin data into `Collecting` entries.
    """

    outcomes: tuple[str, ...]
    treatments: tuple[str, ...] = ()
    factors: tuple[str, ...] | None = None
    worse: Mapping[str, str] = field(default_factory=dict)
    scale: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    slow: frozenset[str] | None = None
    lags: int = 3
    measured_before: frozenset[str] = MEASURED_BEFORE
    max_shown: int = 5
    false_direction_rate: float = 0.10
    priors: Mapping[tuple[str, str], EffectPrior] = field(default_factory=dict)

    def fit(self, diary: pd.DataFrame) -> InsightsResult:
        """Screen a diary afresh: every factor with every outcome, and every treatment.

        Parameters
        ----------
        diary
            Indexed by date, one column per series (NaN = not logged); reindexed to every day.

        Returns
        -------
        InsightsResult
        """
        return self._run(diary, None, None)

    def update(self, previous: InsightsResult, diary: pd.DataFrame) -> InsightsResult:
        """Update `previous` after new days, reusing its screen.

        Parameters
        ----------
        previous
            The last result for the same diary (same columns and settings, same first day).
        diary
            The diary with the new days.

        Returns
        -------
        InsightsResult

        Notes
        -----
        Every treatment and every association shown or within reach (P(direction) >=
        `WITHIN_REACH`) is refitted with the previous screen's level smoothness, half-life
        modes and pooled prior; the other associations keep their previous estimates, and
        two-way checks are reused. When `previous` comes from another screen (other columns,
        another first day), this is a full screen.
        """
        return self._run(diary, previous, previous.state)

    def plan(self, frame: pd.DataFrame) -> Plan:
        """Return the plan for a daily frame (non-empty): context, series, factors, key."""
        dates = tuple(d.date() for d in frame.index)
        ctx = Context(frame, dates, (dates[0], dates[-1]), frozenset(self.measured_before))
        zeros = np.zeros(len(dates))
        on = {t: frame[t].to_numpy() if t in frame else zeros for t in self.treatments}
        chosen = self.factors if self.factors is not None else frame.columns
        factors = tuple(
            c
            for c in chosen
            if c not in self.outcomes and c not in self.treatments and c in frame.columns
        )
        key = (tuple(self.outcomes), tuple(self.treatments), factors, self.lags)
        slow = frozenset(self.treatments if self.slow is None else self.slow)
        return Plan(ctx, on, slow, factors, key, dict(self.priors))

    def outcome(self, frame: pd.DataFrame, name: str) -> Outcome:
        """Return an outcome series with its unit (a tenth of its range) and better side."""
        low, high = self.scale.get(name, (0.0, 10.0))
        better = _BETTER.get(self.worse.get(name, "higher"), "lower")
        return Outcome.of(name, frame[name].to_numpy(), max(high - low, 1e-9) / 10, better)

    def _run(
        self, diary: pd.DataFrame, previous: InsightsResult | None, state: ScreenState | None
    ) -> InsightsResult:
        """Fit every outcome, then pool, select and assemble (an update when `state`)."""
        frame = daily(diary)
        if not len(frame.index):
            gone = "nothing logged yet"
            waiting = tuple(Collecting(o, None, "association", gone) for o in self.outcomes)
            return InsightsResult((), (), waiting, None)
        plan = self.plan(frame)
        state = plan.reusable(state)
        factors = plan.factor_list(state, self.lags)
        fits: list[OutcomeFit] = []
        collecting: list[Collecting] = []
        for name in self.outcomes:
            why = _screen.outcome_problem(frame, name)
            if why:
                collecting.append(Collecting(name, None, "association", why))
                continue
            fits.append(_screen.fit_outcome(plan, self.outcome(frame, name), factors, state))
            collecting += fits[-1].collecting
        return self._assemble(plan, fits, collecting, previous, state)

    def _assemble(
        self,
        plan: Plan,
        fits: list[OutcomeFit],
        collecting: list[Collecting],
        previous: InsightsResult | None,
        state: ScreenState | None,
    ) -> InsightsResult:
        """Pool the associations, carry over what an update kept, apply the show rule."""
        found = [item for f in fits for item in f.found]
        associations, prior = association_items(plan.ctx, found, state.prior if state else None)
        if previous is not None and state is not None:
            refit = {(o.name, f) for o, f, _ in found}
            live = {f.outcome.name for f in fits}
            kept, waiting = _screen.carried_over(previous, state, refit, live)
            associations += kept
            collecting = collecting + waiting
        shown = caveats.select(associations, self.max_shown, self.false_direction_rate)
        known = state.two_way if state is not None else None
        shown = [_screen.with_two_way(plan.ctx, found, item, known) for item in shown]
        treated: list[Insight] = [t for f in fits for t in f.treated]
        return InsightsResult(
            tuple(treated + shown),
            tuple(treated + associations),
            tuple(collecting),
            plan.ctx.window,
            _screen.next_state(plan, fits, prior, associations, shown, state),
        )


def insights(
    diary: pd.DataFrame,
    *,
    outcomes: Sequence[str],
    treatments: Sequence[str] = (),
    factors: Sequence[str] | None = None,
    worse: Mapping[str, str] | None = None,
    scale: Mapping[str, tuple[float, float]] | None = None,
    slow: Collection[str] | None = None,
    lags: int = 3,
    measured_before: Collection[str] = MEASURED_BEFORE,
    max_shown: int = 5,
    false_direction_rate: float = 0.10,
    previous: InsightsResult | None = None,
) -> InsightsResult:
    """Screen a diary in one call: `InsightsModel(...).fit`, or `.update` with `previous`.

    Parameters
    ----------
    diary
        Indexed by date, one column per series (NaN = not logged).
    outcomes, treatments, factors, worse, scale, slow, lags, measured_before, max_shown,
    false_direction_rate
        As `InsightsModel`.
    previous
        The last result for the same diary: an update after new days (`InsightsModel.update`).
        None: a full screen.

    Returns
    -------
    InsightsResult
    """
    model = InsightsModel(
        outcomes=tuple(outcomes),
        treatments=tuple(treatments),
        factors=None if factors is None else tuple(factors),
        worse=dict(worse or {}),
        scale=dict(scale or {}),
        slow=None if slow is None else frozenset(slow),
        lags=lags,
        measured_before=frozenset(measured_before),
        max_shown=max_shown,
        false_direction_rate=false_direction_rate,
    )
    return model.fit(diary) if previous is None else model.update(previous, diary)
