"""What seems linked to a person's symptoms, and are their treatments working: the screen."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

import numpy as np
import pandas as pd

from fibrolog.analysis import caveats
from fibrolog.analysis.associations import Factor, FactorFit, screen
from fibrolog.analysis.frame import daily, label
from fibrolog.analysis.insight import Insight
from fibrolog.analysis.items import Context, association_items, treatment_item
from fibrolog.analysis.outcome import MIN_DAYS, MIN_N_EFF, Outcome, n_eff
from fibrolog.analysis.results import Collecting, Insights, ScreenState
from fibrolog.analysis.treatment import fit_treatments

__all__ = ["MEASURED_BEFORE", "WITHIN_REACH", "insights"]

#: Factors measured before the day's symptoms (last night's sleep): no "same day" caveat.
MEASURED_BEFORE = frozenset({"sleep_hours", "sleep_quality", "unrefreshed", "tag:poor sleep"})
#: An update refits the associations shown and those with P(direction) at least this.
WITHIN_REACH = 0.8
_BETTER = {"higher": "lower", "lower": "higher", "neither": None}


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
    previous: Insights | None = None,
) -> Insights:
    """Screen a diary: associations of every factor with every outcome, and treatment effects.

    Parameters
    ----------
    diary
        Indexed by date, one column per series (NaN = not logged); reindexed to every day.
    outcomes
        The symptom columns to explain.
    treatments
        Columns that are treatments (1/dose while on, 0 off), judged against the model's
        counterfactual with an onset kernel.
    factors
        Columns screened as factors; default every column that is neither an outcome nor a
        treatment.
    worse
        Column -> "higher", "lower" or "neither" (default "higher").
    scale
        Column -> (lowest, highest) (default 0-10); priors, the MCID (a tenth of the range)
        and the ROPE (a twentieth) scale with it.
    slow
        Treatments with slow onset (half-lives 3-84 days); the others are fast (0.5-2 days).
        Default: all slow.
    lags
        Largest lag (days) from factor to outcome.
    measured_before
        Factors measured before the day's symptoms (no "same day" caveat at lag 0).
    max_shown, false_direction_rate
        The show rule: at most this many associations, mean false-direction risk at most this.
    previous
        The last result for the same diary (same columns and settings, same first day): an
        update after new days. Every treatment and every association shown or within reach
        (P(direction) >= `WITHIN_REACH`) is refitted with the previous screen's level
        smoothness, half-life modes and pooled prior; the other associations keep their
        previous estimates. A full screen (``previous=None``) redoes everything.

    Returns
    -------
    Insights

    Notes
    -----
    See docs/methods.md: one model per outcome (slow level, treatments, AR(1) errors averaged
    over rho), each factor at lags 0..`lags` in its own closed-form fit, pooled across all
    factors with a learnt sparse prior; guardrails turn thin data into `Collecting` entries.
    """
    frame = daily(diary)
    if not len(frame.index):
        gone = tuple(Collecting(o, None, "association", "nothing logged yet") for o in outcomes)
        return Insights((), (), gone, None)
    dates = tuple(d.date() for d in frame.index)
    ctx = Context(frame, dates, (dates[0], dates[-1]), frozenset(measured_before))
    worse, scale = worse or {}, scale or {}
    slow_set = set(treatments if slow is None else slow)
    factor_names = [
        c
        for c in (factors if factors is not None else frame.columns)
        if c not in outcomes and c not in treatments and c in frame.columns
    ]
    key = (tuple(outcomes), tuple(treatments), tuple(factor_names), lags)
    state = previous.state if previous is not None else None
    if state is not None and (state.key != key or state.full_screen_window[0] != dates[0]):
        state = None  # a different screen: start afresh
    wanted = {f for _, f in state.candidates} if state is not None else set(factor_names)
    factor_list = [Factor.of(f, frame[f].to_numpy(), lags) for f in factor_names if f in wanted]
    collecting: list[Collecting] = []
    treated: list[Insight] = []
    found: list[tuple[Outcome, str, FactorFit]] = []
    level_sd: dict[str, float] = {}
    modes: dict[str, dict[str, int]] = {}
    for name in outcomes:
        low, high = scale.get(name, (0.0, 10.0))
        better = _BETTER.get(worse.get(name, "higher"), "lower")
        why = _outcome_problem(frame, name)
        if why:
            collecting.append(Collecting(name, None, "association", why))
            continue
        outcome = Outcome.of(name, frame[name].to_numpy(), max(high - low, 1e-9) / 10, better)
        on = {t: frame[t].to_numpy() if t in frame else np.zeros(len(dates)) for t in treatments}
        reuse = None
        if state is not None and name in state.level_sd:
            reuse = (state.level_sd[name], state.modes.get(name, {}))
        fit = fit_treatments(outcome, on, slow_set, reuse)
        outcome = fit.outcome
        level_sd[name], modes[name] = outcome.level_sd, fit.modes
        base = np.column_stack([outcome.level, fit.kernels])
        base_prec = np.concatenate([outcome.level_precision(), fit.precision])
        chosen = factor_list
        if state is not None:
            chosen = [f for f in factor_list if (name, f.name) in state.candidates]
        f_fits, f_why, rho = screen(outcome, base, base_prec, chosen)
        n = int(np.sum(~np.isnan(outcome.y)))
        if n_eff(n, rho) < MIN_N_EFF:
            why = (
                f"{n} days of {label(name)} count as only about {n_eff(n, rho):.0f} independent "
                f"days (needs {MIN_N_EFF}): it changes slowly from day to day"
            )
            collecting.append(Collecting(name, None, "association", why))
            continue
        collecting += [Collecting(name, t, "treatment", w) for t, w in fit.collecting.items()]
        collecting += [Collecting(name, f, "association", w) for f, w in f_why.items()]
        for t, t_fit in fit.fits.items():
            treated.append(treatment_item(ctx, outcome, t, t_fit, on[t], t in slow_set))
        found += [(outcome, f, f_fit) for f, f_fit in f_fits.items()]
    associations, prior = association_items(ctx, found, state.prior if state else None)
    if state is not None:  # carry over what an update did not refit
        refit = {(o.name, f) for o, f, _ in found}
        live = {o for o in outcomes if o in level_sd}
        associations += [
            i
            for i in state.associations
            if (i.outcome, i.factor) not in refit and i.outcome in live
        ]
        collecting += [
            c
            for c in state.collecting
            if c.kind == "association"
            and c.factor is not None
            and (c.outcome, c.factor) not in state.candidates
            and c.outcome in live
        ]
    shown = caveats.select(associations, max_shown, false_direction_rate)
    linked_before = state.two_way if state is not None else None
    shown = [_with_two_way(ctx, found, item, linked_before) for item in shown]
    reach = {(i.outcome, i.factor) for i in associations if i.p_direction >= WITHIN_REACH}
    new_state = ScreenState(
        key=key,
        level_sd=level_sd,
        modes=modes,
        prior=prior,
        candidates=frozenset(reach | {(i.outcome, i.factor) for i in shown}),
        associations=tuple(associations),
        collecting=tuple(c for c in collecting if c.kind == "association"),
        full_screen_window=state.full_screen_window if state else ctx.window,
        two_way=frozenset((i.outcome, i.factor) for i in shown if "two-way link" in i.caveats)
        | (state.two_way if state is not None else frozenset()),
    )
    everything = tuple(treated + associations)
    return Insights(tuple(treated + shown), everything, tuple(collecting), ctx.window, new_state)


def _outcome_problem(frame: pd.DataFrame, column: str) -> str | None:
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


def _with_two_way(
    ctx: Context,
    found: Sequence[tuple[Outcome, str, FactorFit]],
    item: Insight,
    known: frozenset[tuple[str, str]] | None,
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
