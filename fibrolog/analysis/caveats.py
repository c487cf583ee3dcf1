"""Caveats and guardrails: flares at a start, two-way links, thin data; the show rule.

The show rule (docs/methods.md): rank associations by P(meaningful) and show at most about
five, only while the expected false-direction rate over what is shown, the mean of
``1 - P(direction)``, stays at or below 10%.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from fibrolog.analysis.ar1 import Array
from fibrolog.analysis.bayes import Prior
from fibrolog.analysis.design import centred, lagged
from fibrolog.analysis.insight import Insight
from fibrolog.analysis.outcome import MCID, MIN_DAYS, Outcome
from fibrolog.analysis.regression import regress

__all__ = [
    "FEW_EXPOSED",
    "FLARE_SD",
    "association_caveats",
    "select",
    "started_during_flare",
    "treatment_caveats",
    "two_way",
]

FEW_EXPOSED = 28  # fewer logged days with a factor or treatment than this: "few exposed days"
FLARE_SD = 1.0  # a first week this many SDs worse than the 8 weeks before: a flare
SLOW_FULL_DAYS = 84  # a slow treatment taken for less than this: "short time on it"
TWO_WAY_P = 0.99  # P(direction) of the reverse link needed to flag it
TWO_WAY_SHARE = 0.1  # ... and a meaningful change in the outcome moves the factor this much
PER_OUTCOME = 2  # shown associations per outcome, and per factor


def started_during_flare(y: Array, start: int, better: str | None) -> bool:
    """Return True when the first week from `start` is over 1 SD worse than the 8 weeks before.

    Notes
    -----
    Needs at least 3 logged days in the first week and 14 in the 8 weeks before. "Worse" is
    higher for an outcome where lower is better, and either way when neither is.
    """
    first, before = y[start : start + 7], y[max(0, start - 56) : start]
    first, before = first[~np.isnan(first)], before[~np.isnan(before)]
    if first.size < 3 or before.size < 14:
        return False
    jump = float(first.mean() - before.mean())
    threshold = FLARE_SD * float(before.std(ddof=1))
    if better == "lower":
        return jump > threshold
    if better == "higher":
        return -jump > threshold
    return abs(jump) > threshold


def treatment_caveats(
    outcome: Outcome, on: Array, starts: Sequence[int], slow: bool
) -> tuple[str, ...]:
    """Return a treatment's caveats on one outcome."""
    seen = ~np.isnan(outcome.y)
    taking = np.nan_to_num(on) > 0
    out = []
    if any(started_during_flare(outcome.y, s, outcome.better) for s in starts):
        out.append("started during a flare")
    if int(seen[: starts[0]].sum()) < MIN_DAYS:
        out.append("short baseline")
    if int((seen & taking).sum()) < FEW_EXPOSED:
        out.append("few exposed days")
    if slow and int(taking.sum()) < SLOW_FULL_DAYS:
        out.append("short time on it")
    return tuple(out)


def association_caveats(
    lag: int, factor: str, measured_before: frozenset[str], exposed: int | None
) -> tuple[str, ...]:
    """Return an association's caveats that need no further fit."""
    out = []
    if lag == 0 and factor not in measured_before:
        out.append("same day")
    if exposed is not None and exposed < FEW_EXPOSED:
        out.append("few exposed days")
    return tuple(out)


def two_way(outcome: Outcome, x: Array, swing: float) -> bool:
    """Return True when the outcome today predicts the factor tomorrow (a two-way link).

    Notes
    -----
    Regresses the factor (centred within person) on the previous day's outcome with the
    slow level and AR(1) errors (flat priors), and flags the link when its direction is
    at least 99% certain and a meaningful change in the outcome moves the factor by at least
    a tenth of its typical swing.
    """
    xc = centred(x)
    if np.sum(~np.isnan(xc)) < MIN_DAYS:
        return False
    previous = lagged(centred(outcome.y), 1)[:, 1]
    design = np.column_stack([outcome.level, previous])
    fit = regress(xc, design, Prior(np.zeros(design.shape[1]), 0.001, 0.001))
    slope = fit.coefficient(design.shape[1] - 1)
    p_direction = max(slope.prob_greater(0.0), slope.prob_less(0.0))
    return (
        p_direction >= TWO_WAY_P and abs(slope.mean) * MCID * outcome.unit >= TWO_WAY_SHARE * swing
    )


def select(items: Sequence[Insight], max_shown: int, rate: float) -> list[Insight]:
    """Return the associations to show, best first.

    Parameters
    ----------
    items
        Estimated associations (any lags).
    max_shown
        At most this many.
    rate
        The largest expected false-direction rate allowed over what is shown.

    Notes
    -----
    One lag per outcome and factor (the best), nothing that is probably negligible. Among
    the rest, the largest set with mean ``1 - P(direction)`` <= `rate` (taken in order of
    that risk) is eligible. Eligible items are ranked by P(meaningful) (in steps of 5%), then
    links whose order in time is clear before "same day" ones, then by the size of the effect
    over the factor's typical swing. The best link of each outcome comes first, then the next
    best with at most `PER_OUTCOME` per outcome and per factor (so the list is not five
    versions of one link); the top `max_shown` are shown while their mean risk stays within
    `rate`.
    """
    best: dict[tuple[str, str], Insight] = {}
    for item in items:
        if item.p_negligible >= 0.8:
            continue
        key = (item.outcome, item.factor)
        if key not in best or _rank(item) < _rank(best[key]):
            best[key] = item
    by_risk = sorted(best.values(), key=lambda i: 1.0 - i.p_direction)
    eligible: list[Insight] = []
    total = 0.0
    for item in by_risk:
        total += 1.0 - item.p_direction
        if total / (len(eligible) + 1) > rate:
            break
        eligible.append(item)
    ranked = sorted(eligible, key=_rank)
    shown: list[Insight] = []
    for item in ranked:  # first the best link of each outcome ...
        if len(shown) < max_shown and all(i.outcome != item.outcome for i in shown):
            shown.append(item)
    for item in ranked:  # ... then the next best, a few per outcome and per factor
        same_outcome = sum(i.outcome == item.outcome for i in shown)
        same_factor = sum(i.factor == item.factor for i in shown)
        if (
            len(shown) < max_shown
            and item not in shown
            and max(same_outcome, same_factor) < PER_OUTCOME
        ):
            shown.append(item)
    shown.sort(key=_rank)
    while shown and float(np.mean([1.0 - i.p_direction for i in shown])) > rate:
        shown.pop()
    return shown


def _rank(item: Insight) -> tuple[float, bool, float, float]:
    """Sort key: P(meaningful) in 5% steps, clear order in time, size over the swing, risk."""
    size = abs(item.estimate) * (item.swing or 1.0) / item.unit
    return (-round(item.p_meaningful * 20), "same day" in item.caveats, -size, 1 - item.p_direction)
