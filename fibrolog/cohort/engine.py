"""Map per-person fits over a Dask cluster and pool the gathered summaries."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from fibrolog.analysis.cohort import CohortResult, PersonEffect, PersonSkipped, pool
from fibrolog.cohort.files import read_folder
from fibrolog.cohort.fits import fit_diaries, fit_files

__all__ = [
    "Engine",
    "analyze_folder",
    "analyze_people",
    "batches",
    "connect",
    "fit_people",
    "fit_stream",
    "worker_memory",
]

Diaries = Iterable[tuple[str, pd.DataFrame]]
STREAM_BATCH = 25  # diaries per task in database mode (each a few kB: two columns)

HIGHER_IS_BETTER = ("sleep_quality", "mood", "sleep_hours")
BATCHES_PER_WORKER = 4  # enough for load balancing; few tasks for the scheduler
MAX_BATCH = 100  # people per task at most (a task's results are a few kB)


@dataclass(frozen=True)
class Engine:
    """Where the fits ran: ``{"name": "dask", "workers": N}`` plus the scheduler's address."""

    workers: int
    scheduler: str

    def to_dict(self) -> dict[str, Any]:
        """Return the ``engine`` entry of the JSON output."""
        return {"name": "dask", "workers": self.workers, "scheduler": self.scheduler}


def default_workers() -> int:
    """Return the default number of local workers: one per core."""
    return max(1, os.cpu_count() or 1)


@contextmanager
def connect(
    workers: int | None = None, scheduler: str | None = None, *, processes: bool = True
) -> Iterator[Any]:
    """Yield a Dask client: to `scheduler` if given, else to a new loopback LocalCluster.

    The local cluster has `workers` single-threaded workers (processes, or threads of this
    process with ``processes=False``), no dashboard and listens on 127.0.0.1 only.
    """
    from dask.distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers or default_workers(),
            threads_per_worker=1,
            processes=processes,
            protocol="tcp",  # threads too: reachable by --scheduler, on loopback only
            dashboard_address=None,  # no dashboard; its small status server (Dask always runs
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},  # one) on any free loopback port
            host="127.0.0.1",
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def batches(paths: Sequence[Path], workers: int) -> list[list[str]]:
    """Split the files into about `BATCHES_PER_WORKER` batches per worker, in order."""
    size = max(1, min(MAX_BATCH, -(-len(paths) // (BATCHES_PER_WORKER * max(1, workers)))))
    names = [str(p) for p in paths]
    return [names[i : i + size] for i in range(0, len(names), size)]


def fit_people(
    client: Any, paths: Sequence[Path], *, treatment: str, outcome: str, slow: bool, better: str
) -> list[PersonEffect | PersonSkipped]:
    """Fit every person on the cluster, many files per task; a task gets paths, never data.

    Notes
    -----
    One task per file costs the scheduler about a millisecond each, comparable to a fit
    (about 15 ms); batches of up to `MAX_BATCH` files make that overhead negligible while
    leaving several tasks per worker to balance the load. Each worker reads its files itself
    and returns only the summaries.
    """
    workers = max(1, len(client.scheduler_info()["workers"]))
    futures = client.map(
        fit_files,
        batches(paths, workers),
        treatment=treatment,
        outcome=outcome,
        slow=slow,
        better=better,
        pure=False,
    )
    results: list[PersonEffect | PersonSkipped] = [
        one for batch in client.gather(futures) for one in batch
    ]
    return results


def worker_memory(client: Any) -> dict[str, int]:
    """Return each worker's resident memory in bytes, as the scheduler last heard it."""
    info = client.scheduler_info()["workers"]
    return {addr: int(w["metrics"]["memory"]) for addr, w in info.items()}


def analyze_folder(
    folder: str | Path,
    *,
    treatment: str,
    outcome: str,
    slow: bool = False,
    client: Any,
    seed: int = 0,
) -> tuple[CohortResult, Engine]:
    """Fit every diary of a cohort folder on `client`, pool them and say where it ran.

    Raises
    ------
    ValueError
        When the folder holds fewer people with an estimate than pooling needs.
    """
    found = read_folder(folder)
    better = better_side(outcome)
    fitted = fit_people(
        client, list(found.diaries.values()), treatment=treatment, outcome=outcome, slow=slow,
        better=better,
    )  # fmt: skip
    return _pooled(fitted, client, treatment=treatment, outcome=outcome, better=better,
                   covariates=found.people or None, seed=seed)  # fmt: skip


def fit_stream(
    client: Any,
    diaries: Diaries,
    *,
    treatment: str,
    outcome: str,
    slow: bool,
    better: str,
    batch: int = STREAM_BATCH,
) -> list[PersonEffect | PersonSkipped]:
    """Fit diaries handed over one by one (database mode), never holding them all at once.

    Notes
    -----
    The diaries are read lazily from `diaries` and sent in batches of `batch`; at most two
    batches per worker are in flight, so the client holds a bounded number of diaries
    whatever the number of people (each diary is only the two columns analysed). Results
    come back in any order and are sorted by id.
    """
    from dask.distributed import as_completed

    limit = 2 * max(1, len(client.scheduler_info()["workers"]))
    running = as_completed()
    results: list[PersonEffect | PersonSkipped] = []
    chunk: list[tuple[str, pd.DataFrame]] = []
    options = {"treatment": treatment, "outcome": outcome, "slow": slow, "better": better}

    def send(part: list[tuple[str, pd.DataFrame]]) -> None:
        running.add(client.submit(fit_diaries, part, **options, pure=False))
        while running.count() >= limit:
            results.extend(next(running).result())

    for one in diaries:
        chunk.append(one)
        if len(chunk) >= batch:
            send(chunk)
            chunk = []
    if chunk:
        send(chunk)
    for future in running:
        results.extend(future.result())
    return sorted(results, key=lambda r: r.id)


def analyze_people(
    diaries: Diaries,
    *,
    treatment: str,
    outcome: str,
    slow: bool = False,
    client: Any,
    seed: int = 0,
    covariates: dict[str, dict[str, str]] | None = None,
) -> tuple[CohortResult, Engine]:
    """Fit diaries handed over one by one (`fit_stream`) on `client`, pool them, say where.

    `covariates` (id -> banded covariates) may be filled while `diaries` is read: it is only
    looked at after the last fit.

    Raises
    ------
    ValueError
        When fewer people have an estimate than pooling needs.
    """
    better = better_side(outcome)
    fitted = fit_stream(client, diaries, treatment=treatment, outcome=outcome, slow=slow,
                        better=better)  # fmt: skip
    return _pooled(fitted, client, treatment=treatment, outcome=outcome, better=better,
                   covariates=covariates or None, seed=seed)  # fmt: skip


def better_side(outcome: str) -> str:
    """Return "higher" for outcomes where more is better (sleep quality, mood), else "lower"."""
    return "higher" if outcome in HIGHER_IS_BETTER else "lower"


def _pooled(
    fitted: list[PersonEffect | PersonSkipped],
    client: Any,
    *,
    treatment: str,
    outcome: str,
    better: str,
    covariates: dict[str, dict[str, str]] | None = None,
    seed: int = 0,
) -> tuple[CohortResult, Engine]:
    """Pool the gathered summaries and say where the fits ran."""
    people = [r for r in fitted if isinstance(r, PersonEffect)]
    skipped = [r for r in fitted if isinstance(r, PersonSkipped)]
    result = pool(
        people,
        treatment=treatment,
        outcome=outcome,
        better=better,
        collecting=skipped,
        covariates=covariates,
        seed=seed,
    )
    workers = len(client.scheduler_info()["workers"])
    return result, Engine(workers, str(client.scheduler.address))
