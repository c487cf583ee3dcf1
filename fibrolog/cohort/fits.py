"""The per-person work a Dask worker runs: read ONE diary file (or take one), return its summary."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from fibrolog.analysis.cohort.person import PersonEffect, PersonSkipped, person_effect

__all__ = ["fit_diaries", "fit_file", "fit_files"]


def fit_file(
    path: str, *, treatment: str, outcome: str, slow: bool, better: str = "lower"
) -> PersonEffect | PersonSkipped:
    """Read one person's diary CSV and return their effect (or why there is none yet)."""
    from fibrolog.analysis.frame import read_diary_csv

    person = Path(path).stem
    try:
        diary = read_diary_csv(path)
    except (ValueError, UnicodeDecodeError, OSError) as exc:
        return PersonSkipped(person, f"cannot read the diary: {exc}")
    return person_effect(
        person, diary, treatment=treatment, outcome=outcome, slow=slow, better=better
    )


def fit_files(
    paths: list[str], *, treatment: str, outcome: str, slow: bool, better: str = "lower"
) -> list[PersonEffect | PersonSkipped]:
    """Fit a batch of diary files one after another (one task, one diary in memory at a time)."""
    return [
        fit_file(path, treatment=treatment, outcome=outcome, slow=slow, better=better)
        for path in paths
    ]


def fit_diaries(
    batch: list[tuple[str, pd.DataFrame]],
    *,
    treatment: str,
    outcome: str,
    slow: bool,
    better: str = "lower",
) -> list[PersonEffect | PersonSkipped]:
    """Fit a batch of diaries sent by the client (database mode: workers never see the database)."""
    return [
        person_effect(person, diary, treatment=treatment, outcome=outcome, slow=slow, better=better)
        for person, diary in batch
    ]
