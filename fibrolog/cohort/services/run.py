"""Run the pooled analysis over the people who consented, and keep its result for the clinic."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from fibrolog.analysis.cohort import CohortResult as PooledResult
from fibrolog.cohort.engine import Engine, analyze_people, connect
from fibrolog.cohort.models import CohortResult
from fibrolog.cohort.services.people import ALL, CohortError, choose, diaries
from fibrolog.lib.env import env_bool, env_int, env_str

__all__ = ["analyze", "dask_client", "run_and_store"]


def analyze(
    names: Sequence[str], *, treatment: str, outcome: str, slow: bool, client: Any
) -> tuple[PooledResult, Engine]:
    """Pool the chosen consented people (`choose`), their diaries streamed one by one.

    Raises
    ------
    CohortError
        Unknown person, no consent, nobody consented, nobody who tried it, too few people.
    """
    ids = choose(names, treatment)
    if not ids:
        raise CohortError(f"nobody who consented to research use has tried {treatment}")
    purpose = f"{treatment} on {outcome}"
    bands: dict[str, dict[str, str]] = {}  # filled as the diaries are read: who responds
    people = diaries(ids, treatment=treatment, outcome=outcome, purpose=purpose, covariates=bands)
    try:
        return analyze_people(
            people, treatment=treatment, outcome=outcome, slow=slow, client=client, covariates=bands
        )
    except ValueError as exc:
        raise CohortError(str(exc)) from None


@contextmanager
def dask_client() -> Iterator[Any]:
    """Yield the Dask client a job uses: FIBROLOG_DASK_SCHEDULER, else a small local cluster.

    FIBROLOG_COHORT_WORKERS (default 2) local workers; FIBROLOG_COHORT_PROCESSES=0 runs them
    as threads of the job's own process (no start-up cost; the fits then share one core).
    """
    with connect(
        env_int("FIBROLOG_COHORT_WORKERS", 2),
        env_str("FIBROLOG_DASK_SCHEDULER") or None,
        processes=env_bool("FIBROLOG_COHORT_PROCESSES", True),
    ) as client:
        yield client


def run_and_store(
    treatment: str, outcome: str, slow: bool, requested_by=None, *, client: Any = None
) -> CohortResult:
    """Analyse everyone who consented and tried it, store the result, refresh their insights."""
    from fibrolog.cohort.services.consent import consented_people
    from fibrolog.insights.services import request_refresh

    started = time.perf_counter()
    if client is None:
        with dask_client() as own:
            pooled, engine = analyze([ALL], treatment=treatment, outcome=outcome, slow=slow,
                                     client=own)  # fmt: skip
    else:
        pooled, engine = analyze([ALL], treatment=treatment, outcome=outcome, slow=slow,
                                 client=client)  # fmt: skip
    stored = CohortResult.objects.create(
        treatment=treatment,
        outcome=outcome,
        slow=slow,
        result=pooled.to_dict(),
        engine=engine.to_dict(),
        people=pooled.people,
        collecting=len(pooled.collecting),
        seconds=round(time.perf_counter() - started, 3),
        requested_by=requested_by,
    )
    for person in consented_people().filter(treatment__key=treatment).distinct():
        request_refresh(person)  # their starting point for this treatment changed
    return stored
