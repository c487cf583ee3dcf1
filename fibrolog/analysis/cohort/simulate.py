"""Simulated cohorts with known effects: the checks of the cohort model (docs/methods.md).

Two levels. `simulate_estimates` draws people's estimates and standard errors directly from
the random-effects model (fast: the pooling step's calibration). `simulate_person` draws one
person's daily diary with a slow-onset treatment, from the demo generator's pieces (its
level, its shared AR(1) "bad day" noise, its onset kernel, rounding and clipping to the 0-10
grid and days not logged at random), so the whole pipeline (engine, then pooling) can be
checked against the truth; `write_cohort` puts such diaries on disk, one CSV per person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from fibrolog.analysis import _simulate_model as m
from fibrolog.analysis._simulate_plan import kernel
from fibrolog.analysis.ar1 import Array
from fibrolog.analysis.cohort.person import POOLED_WEEK, PersonEffect
from fibrolog.analysis.simulate import _ar1

__all__ = [
    "HALF_LIFE",
    "SimulatedPerson",
    "pooled_truth",
    "simulate_estimates",
    "simulate_person",
    "write_cohort",
]

TREATMENT = "ldn"
OUTCOME = "pain"
SKIP_RATE = 0.10  # days not logged, completely at random
HALF_LIFE = 21.0  # onset half-life (days), the demo's LDN


def pooled_truth(effect: float, half_life: float = HALF_LIFE) -> float:
    """Return the true effect reached `POOLED_WEEK` weeks in, what `person_effect` estimates."""
    return float(effect * (1.0 - 0.5 ** (7.0 * POOLED_WEEK / half_life)))


@dataclass(frozen=True)
class SimulatedPerson:
    """A simulated person: their id, true full effect, diary and covariates.

    The pooled estimand is ``pooled_truth(effect)`` (0.9375 of the full effect by week 12).
    """

    id: str
    effect: float
    diary: pd.DataFrame
    covariates: dict[str, str]


def simulate_estimates(
    people: int, mean: float, tau: float, *, se: tuple[float, float] = (0.3, 1.0), seed: int = 0
) -> tuple[list[PersonEffect], Array]:
    """Draw people's own estimates from the random-effects model.

    Parameters
    ----------
    people
        How many.
    mean, tau
        The population mean effect and the between-person sd (points).
    se
        Each person's standard error is uniform on this range (the engine's typical range for
        a year of pain diary with a few months on a slow treatment).
    seed
        Seed for ``numpy.random.default_rng``.

    Returns
    -------
    estimates, truth
        The `PersonEffect` list and each person's true effect.
    """
    rng = np.random.default_rng(seed)
    s = rng.uniform(*se, people)
    truth = mean + tau * rng.standard_normal(people)
    y = truth + s * rng.standard_normal(people)
    out = [PersonEffect(f"p{i:05d}", float(y[i]), float(s[i]), 365, 180) for i in range(people)]
    return out, truth


def simulate_person(
    effect: float,
    *,
    days: int = 365,
    start: int | None = None,
    half_life: float = HALF_LIFE,
    seed: int = 0,
    end: date = date(2025, 12, 31),
) -> pd.DataFrame:
    """Simulate one person's pain diary with a slow-onset treatment of known full effect.

    Parameters
    ----------
    effect
        The full effect on pain (points; negative helps).
    days
        Length of the diary.
    start
        Day the treatment starts and stays on (default: half-way).
    half_life
        Onset half-life in days (the demo's LDN: 21).
    seed, end
        Seed and the last day.

    Returns
    -------
    DataFrame
        Indexed by date: ``pain`` (0-10 grid, NaN on days not logged) and ``ldn`` (0/1).

    Notes
    -----
    ``pain_t = level + bad_t + effect g_t`` with the demo's level (`SYMPTOMS`), ``bad`` the
    demo's AR(1) "bad day" series (rho 0.6, sd 1.2) and ``g`` the onset kernel; rounded and
    clipped to 0-10 (clipping shrinks large effects slightly). No season, flares or factors:
    the treatment is the only systematic change, as in a planned n-of-1 comparison.
    """
    rng = np.random.default_rng(seed)
    first = days // 2 if start is None else start
    level = m.SYMPTOMS[OUTCOME][0] + rng.normal(0.0, 0.7)  # people differ in their usual pain
    pain = (
        level
        + _ar1(days, m.BAD_DAY_RHO, m.BAD_DAY_SD, rng)
        + effect * kernel(days, first, half_life)
    )
    pain = np.clip(np.round(pain), 0.0, 10.0)
    pain[rng.random(days) < SKIP_RATE] = np.nan
    on = (np.arange(days) >= first).astype(float)
    index = pd.date_range(end - timedelta(days=days - 1), end, freq="D", name="date")
    return pd.DataFrame({OUTCOME: pain, TREATMENT: on}, index=index)


def simulate_people(
    people: int, mean: float, tau: float, *, days: int = 365, seed: int = 0
) -> list[SimulatedPerson]:
    """Simulate a cohort of diaries: true effects ``N(mean, tau^2)``, banded covariates.

    Notes
    -----
    Each person's start day is uniform on the middle third of their diary, so days on the
    treatment vary. Covariates (age band, sex, baseline FIQR band) are drawn independently of
    the effect: a meta-regression should find nothing.
    """
    rng = np.random.default_rng(seed)
    truth = mean + tau * rng.standard_normal(people)
    out = []
    for i in range(people):
        start = int(rng.integers(days // 3, 2 * days // 3))
        diary = simulate_person(float(truth[i]), days=days, start=start, seed=seed * 100_003 + i)
        covariates = {
            "age_band": str(rng.choice(["30-39", "40-49", "50-59"])),
            "sex": str(rng.choice(["female", "female", "female", "male"])),
            "baseline_fiqr_band": str(rng.choice(["40-59", "60-79"])),
            "consent": "yes",
        }
        out.append(SimulatedPerson(f"p{i:05d}", float(truth[i]), diary, covariates))
    return out


def write_cohort(folder: str | Path, people: list[SimulatedPerson]) -> Path:
    """Write one diary CSV per person (``<id>.csv``) and ``people.csv`` into `folder`."""
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    for person in people:
        frame = person.diary.copy()
        frame.index = frame.index.strftime("%Y-%m-%d")
        frame.to_csv(path / f"{person.id}.csv", index_label="date", float_format="%g")
    table = pd.DataFrame([{"id": p.id, **p.covariates} for p in people])
    table.to_csv(path / "people.csv", index=False)
    return path
