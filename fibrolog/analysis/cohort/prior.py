"""Back to the person: the cohort's predictive distribution as one person's prior."""

from __future__ import annotations

from fibrolog.analysis.cohort.results import CohortResult
from fibrolog.analysis.treatment import EffectPrior

__all__ = ["person_prior"]

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
