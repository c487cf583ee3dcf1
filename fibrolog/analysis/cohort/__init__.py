"""Many people, one answer each: pooled n-of-1 treatment effects (docs/methods.md, "Many people").

Each person's own effect and standard error come from the AR(1) engine (`person_effect`); a
normal-normal random-effects model over people with a half-normal prior on the between-person
sd, integrated on a grid (`pool`), gives the population mean, the spread, a new person's
predictive distribution, the responder share, each person's shrunken estimate and an
exploratory meta-regression; `person_prior` turns the cohort back into one person's prior.
This package is pure (numpy, scipy, pandas): mapping the per-person fits over a Dask cluster
is the job of `fibrolog.cohort`.
"""

from __future__ import annotations

from fibrolog.analysis.cohort.model import MIN_PEOPLE, pool
from fibrolog.analysis.cohort.person import WIDE_SD, PersonEffect, PersonSkipped, person_effect
from fibrolog.analysis.cohort.prior import leave_out, person_prior
from fibrolog.analysis.cohort.results import CohortResult, PersonResult, Summary, Term

__all__ = [
    "MIN_PEOPLE",
    "WIDE_SD",
    "CohortResult",
    "PersonEffect",
    "PersonResult",
    "PersonSkipped",
    "Summary",
    "Term",
    "leave_out",
    "person_effect",
    "person_prior",
    "pool",
]
