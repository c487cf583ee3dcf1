"""Build insight objects from the fits: verdicts, probabilities, intervals, caveats."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from fibrolog.analysis import caveats
from fibrolog.analysis.ar1 import Array
from fibrolog.analysis.associations import FactorFit
from fibrolog.analysis.effect import NO_DIFFERENCE, NOT_ENOUGH, Effect, verdict
from fibrolog.analysis.insight import (
    LINKED,
    LINKED_SMALL,
    NO_LINK,
    Insight,
    PriorNote,
    TreatmentInsight,
)
from fibrolog.analysis.kernels import starts
from fibrolog.analysis.mixture import Mixture, batch_quantiles
from fibrolog.analysis.outcome import MCID, ROPE, Outcome, n_eff
from fibrolog.analysis.pool import pool
from fibrolog.analysis.treatment import EffectPrior, TreatmentFit

__all__ = ["Context", "association_items", "treatment_item"]


@dataclass(frozen=True)
class Context:
    """The diary being screened: its frame, days, window and settings."""

    frame: pd.DataFrame
    dates: tuple[date, ...]
    window: tuple[date, date]
    measured_before: frozenset[str]


def treatment_item(
    ctx: Context,
    outcome: Outcome,
    name: str,
    fit: TreatmentFit,
    on: Array,
    slow: bool,
    prior: tuple[EffectPrior, TreatmentFit] | None = None,
) -> TreatmentInsight:
    """Return a treatment's insight: the verdict rule, effect by week, counterfactual, caveats.

    Parameters
    ----------
    ctx
        The diary's dates and settings.
    outcome, name, fit
        The outcome, the treatment's column and its fit.
    on, slow
        The treatment's daily series and whether its onset is slow.
    prior
        A non-default prior the fit used, and the same treatment's fit under the default
        prior (the person's own data alone), noted on the insight.
    """
    effect = Effect(
        fit.effect,
        fit.rho,
        fit.n,
        len(ctx.dates),
        "onset kernel averaged over half-lives, slow level, AR(1) errors averaged over rho",
        "baseline vs treatment",
        ctx.window,
    )
    mcid, rope = MCID * outcome.unit, ROPE * outcome.unit
    if outcome.better is None:
        p_helps, p_meaningful = None, 1.0 - effect.posterior.prob_between(-mcid, mcid)
        p_negligible = effect.p_negligible(rope)
        code, weeks = (NO_DIFFERENCE if p_negligible >= 0.8 else NOT_ENOUGH), None
    else:
        v = verdict(effect, better=outcome.better, mcid=mcid, rope=rope)
        p_helps, p_meaningful, p_negligible = v.p_helps, v.p_meaningful, v.p_negligible
        code, weeks = v.code, v.extra_weeks
    by_week = sorted(fit.reached)
    ends = batch_quantiles(
        [effect.posterior, *(fit.reached[w] for w in by_week)], np.array([0.1, 0.9, 0.025, 0.975])
    )
    i80, i95 = (float(ends[0, 0]), float(ends[0, 1])), (float(ends[0, 2]), float(ends[0, 3]))
    reached = {
        w: (fit.reached[w].mean, ends[k + 1, 0], ends[k + 1, 1]) for k, w in enumerate(by_week)
    }
    p_dir = max(effect.prob_greater(0.0), effect.prob_less(0.0))
    return TreatmentInsight(
        outcome=outcome.name,
        factor=name,
        kind="treatment",
        lag_days=None,
        estimate=effect.estimate,
        interval80=i80,
        interval95=i95,
        p_helps=p_helps,
        p_meaningful=p_meaningful,
        p_negligible=p_negligible,
        verdict=code,
        evidence=effect.evidence,
        caveats=caveats.treatment_caveats(outcome, on, starts(on), slow),
        p_direction=p_dir,
        n=fit.n,
        n_eff=effect.n_eff,
        rho=fit.rho,
        swing=None,
        yes_no=False,
        unit=outcome.unit,
        better=outcome.better,
        window=ctx.window,
        method=effect.method,
        posterior=fit.effect,
        reached_by_week={w: (float(a), float(b), float(c)) for w, (a, b, c) in reached.items()},
        half_life_days=float(fit.half_life_probs @ fit.half_lives),
        extra_weeks=weeks,
        dates=ctx.dates,
        without=tuple(float(x) for x in fit.counterfactual),
        fitted=tuple(float(x) for x in fit.fitted),
        prior=None if prior is None else _prior_note(ctx, outcome, *prior),
    )


def _prior_note(
    ctx: Context, outcome: Outcome, prior: EffectPrior, alone: TreatmentFit
) -> PriorNote:
    """Return the prior used and the estimate the default prior gives (own data alone)."""
    effect = Effect(alone.effect, alone.rho, alone.n, len(ctx.dates), "", "", ctx.window)
    low, high = alone.effect.interval(0.95)
    p_helps: float | None
    if outcome.better is None:
        mcid = MCID * outcome.unit
        p_helps, p_meaningful = None, 1.0 - alone.effect.prob_between(-mcid, mcid)
    else:
        v = verdict(
            effect, better=outcome.better, mcid=MCID * outcome.unit, rope=ROPE * outcome.unit
        )
        p_helps, p_meaningful = v.p_helps, v.p_meaningful
    return PriorNote(
        float(prior.mean),
        float(prior.sd),
        float(alone.effect.mean),
        float(low),
        float(high),
        None if p_helps is None else float(p_helps),
        float(p_meaningful),
    )


def association_items(
    ctx: Context,
    found: Sequence[tuple[Outcome, str, FactorFit]],
    prior: tuple[Array, Array] | None = None,
) -> tuple[list[Insight], tuple[Array, Array] | None]:
    """Pool every (outcome, factor, lag) estimate; return their insights and the pooled prior.

    Parameters
    ----------
    ctx
        The diary's dates and settings.
    found
        Each outcome, factor and its fit.
    prior
        A pooled prior to reuse (an update) instead of estimating one.
    """
    if not found:
        return [], prior
    per = [(o, f, fit, lag) for o, f, fit in found for lag in range(fit.mean.size)]
    to_common = np.array([fit.swing / o.unit for o, _, fit, _ in per])
    d = np.array([fit.mean[lag] for _, _, fit, lag in per]) * to_common
    s = np.array([fit.sd[lag] for _, _, fit, lag in per]) * to_common
    pooled = pool(d, s, prior=prior)
    p_neg = pooled.prob_less(0.0)
    p_pos = 1.0 - pooled.cdf(np.zeros(d.size))
    p_meaningful = pooled.cdf(np.full(d.size, -MCID)) + 1.0 - pooled.prob_less(MCID)
    p_negligible = np.clip(pooled.prob_less(ROPE) - pooled.cdf(np.full(d.size, -ROPE)), 0, 1)
    quantiles = pooled.quantiles(np.array([0.1, 0.9, 0.025, 0.975])) / to_common[:, None]
    means = pooled.mean / to_common
    out: list[Insight] = []
    for i, (outcome, factor, fit, lag) in enumerate(per):
        p_dir = float(max(p_pos[i], p_neg[i]))
        if p_dir >= 0.95 and p_meaningful[i] >= 0.8:
            code = LINKED
        elif p_negligible[i] >= 0.8:
            code = NO_LINK
        elif p_dir >= 0.95:
            code = LINKED_SMALL
        else:
            code = NOT_ENOUGH
        helps = {"lower": p_neg[i], "higher": p_pos[i]}.get(outcome.better or "")
        posterior = Mixture.of(
            pooled.weights[i], pooled.loc[i] / to_common[i], pooled.scale[i] / to_common[i], np.inf
        )
        out.append(
            Insight(
                outcome=outcome.name,
                factor=factor,
                kind="association",
                lag_days=lag,
                estimate=float(means[i]),
                interval80=(float(quantiles[i, 0]), float(quantiles[i, 1])),
                interval95=(float(quantiles[i, 2]), float(quantiles[i, 3])),
                p_helps=None if helps is None else float(helps),
                p_meaningful=float(np.clip(p_meaningful[i], 0, 1)),
                p_negligible=float(p_negligible[i]),
                verdict=code,
                evidence="association",
                caveats=caveats.association_caveats(lag, factor, ctx.measured_before, fit.exposed),
                p_direction=p_dir,
                n=fit.n,
                n_eff=n_eff(fit.n, fit.rho),
                rho=fit.rho,
                swing=fit.swing,
                yes_no=fit.yes_no,
                unit=outcome.unit,
                better=outcome.better,
                window=ctx.window,
                method="lags 0-3 of the centred factor, slow level, treatments, AR(1) errors; "
                "pooled across factors",
                posterior=posterior,
            )
        )
    return out, (pooled.sigmas, pooled.pi)
