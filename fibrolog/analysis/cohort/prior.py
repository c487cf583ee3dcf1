"""Back to the person: the cohort's predictive distribution as one person's prior."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from fibrolog.analysis.cohort.grid import fit_grid
from fibrolog.analysis.cohort.model import MIN_PEOPLE, population
from fibrolog.analysis.cohort.results import CohortResult
from fibrolog.analysis.treatment import EffectPrior

__all__ = ["leave_out", "person_prior"]

_Z95 = 1.959963984540054


def person_prior(result: CohortResult) -> EffectPrior:
    """Return the normal prior for a new person's full effect implied by the cohort.

    Parameters
    ----------
    result
        A pooled cohort (`pool`), ideally without the person themself (leave them out, or
        their own data would count twice).

    Returns
    -------
    EffectPrior
        Normal with the predictive distribution's mean and the sd that gives the same 95%
        interval width; pass it to `fibrolog.analysis.treatment.fit_treatments` (``priors``).

    Notes
    -----
    The predictive distribution is a mixture over tau of ``N(mu_hat, V + tau^2)``, slightly
    heavier-tailed than the normal that replaces it. In the engine the prior of a coefficient
    is relative to the innovation variance (conjugate prior), so its marginal is a t with two
    degrees of freedom at this scale: heavier tails again, so a person far from the cohort is
    not pulled all the way to it.

    References
    ----------
    Zucker DR et al. J Clin Epidemiol 1997;50:401-410 (individual estimates borrowing
    strength from the population).
    """
    p = result.predictive
    sd = max((p.high - p.low) / (2 * _Z95), 1e-3)
    return EffectPrior(p.estimate, sd)


def leave_out(stored: CohortResult, person: str) -> CohortResult | None:
    """Pool the stored per-person summaries again without one person (None: too few left).

    Parameters
    ----------
    stored
        A pooled result (`pool`), possibly stored long ago (its per-person summaries suffice).
    person
        The id whose summary is left out.

    Returns
    -------
    CohortResult or None
        The stored result with the mean, tau and predictive distribution of everyone else
        and their per-person entries; the responder share is the stored one (it moves by at
        most 1/n and is only reported, never used in the prior).

    Notes
    -----
    A person's own data must not count twice (in the prior and in their own fit), so their
    prior comes from everyone else (docs/methods.md, "Back to the person"). Only the grid
    posterior is recomputed (milliseconds for thousands of people), not each person's
    shrunken estimate.
    """
    others = tuple(p for p in stored.per_person if p.id != person)
    if len(others) < MIN_PEOPLE:
        return None
    y = np.array([p.raw.estimate for p in others])
    se = np.array([p.se for p in others])
    mean, tau, predictive = population(fit_grid(y, se, prior_scale=stored.tau_prior_scale))
    return replace(stored, mean=mean, tau=tau, predictive=predictive, per_person=others)
