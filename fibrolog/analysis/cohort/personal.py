"""Does the cohort help the person? Their own estimate with and without the cohort's prior."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from fibrolog.analysis.cohort.model import pool
from fibrolog.analysis.cohort.person import PersonEffect, person_effect
from fibrolog.analysis.cohort.prior import person_prior
from fibrolog.analysis.cohort.simulate import OUTCOME, TREATMENT, simulate_person
from fibrolog.analysis.outcome import Outcome
from fibrolog.analysis.treatment import EffectPrior, fit_treatments

__all__ = ["PriorComparison", "compare_priors"]


@dataclass(frozen=True)
class PriorComparison:
    """Error and 95% coverage of people's own estimates under two priors.

    Attributes
    ----------
    people
        How many simulated people.
    rmse_default, rmse_cohort
        Root mean squared error of the posterior mean of the full effect, with the engine's
        N(0, 1) prior and with the leave-one-out cohort prior.
    coverage_default, coverage_cohort
        Share of 95% intervals holding the person's true effect.
    width_default, width_cohort
        Mean width of those intervals (points).
    """

    people: int
    rmse_default: float
    rmse_cohort: float
    coverage_default: float
    coverage_cohort: float
    width_default: float
    width_cohort: float


def compare_priors(
    people: int = 40,
    *,
    mean: float = -1.5,
    tau: float = 0.5,
    days: int = 180,
    days_on: int = 84,
    seed: int = 0,
) -> PriorComparison:
    """Simulate slow-onset people and compare their own estimates with and without the cohort.

    Parameters
    ----------
    people
        Cohort size.
    mean, tau
        True effects are ``N(mean, tau^2)`` (points); the default mirrors the demo's LDN.
    days, days_on
        Diary length and the days on the treatment at its end (12 weeks by default).
    seed
        Seed.

    Returns
    -------
    PriorComparison

    Notes
    -----
    Each person's cohort prior comes from pooling everyone else (leave one out), so their
    own data are not used twice. Diaries from `simulate.simulate_person` (half-life 21 days).
    """
    rng = np.random.default_rng(seed)
    truth = mean + tau * rng.standard_normal(people)
    diaries = [
        simulate_person(float(t), days=days, start=days - days_on, seed=seed * 7919 + i)
        for i, t in enumerate(truth)
    ]
    wide = [
        person_effect(f"p{i}", d, treatment=TREATMENT, outcome=OUTCOME, slow=True)
        for i, d in enumerate(diaries)
    ]
    rows = []
    for i, diary in enumerate(diaries):
        others = [w for j, w in enumerate(wide) if j != i and isinstance(w, PersonEffect)]
        prior = person_prior(pool(others, treatment=TREATMENT, outcome=OUTCOME, draws=200))
        y = diary[OUTCOME].to_numpy()
        model = Outcome.of(OUTCOME, y, 1.0, "lower")
        on = {TREATMENT: diary[TREATMENT].to_numpy()}
        for k, chosen in enumerate((EffectPrior(), prior)):
            effect = fit_treatments(model, on, {TREATMENT}, None, {TREATMENT: chosen})
            post = effect.fits[TREATMENT].effect
            low, high = post.interval(0.95)
            rows.append((k, post.mean - truth[i], low <= truth[i] <= high, high - low))
    table = np.array(rows, dtype=float)
    first, second = table[table[:, 0] == 0], table[table[:, 0] == 1]
    return PriorComparison(
        people=people,
        rmse_default=float(np.sqrt(np.mean(first[:, 1] ** 2))),
        rmse_cohort=float(np.sqrt(np.mean(second[:, 1] ** 2))),
        coverage_default=float(first[:, 2].mean()),
        coverage_cohort=float(second[:, 2].mean()),
        width_default=float(first[:, 3].mean()),
        width_cohort=float(second[:, 3].mean()),
    )
