"""Research consent, consented people's diaries, pooled runs, and the way back to the person."""

from fibrolog.cohort.services.consent import consented, consented_people, set_consent
from fibrolog.cohort.services.people import ALL, CohortError, choose, diaries, diary_of
from fibrolog.cohort.services.prior import cohort_priors, latest_results
from fibrolog.cohort.services.run import analyze, dask_client, run_and_store

__all__ = [
    "ALL",
    "CohortError",
    "analyze",
    "choose",
    "cohort_priors",
    "consented",
    "consented_people",
    "dask_client",
    "diaries",
    "diary_of",
    "latest_results",
    "run_and_store",
    "set_consent",
]
