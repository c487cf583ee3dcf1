"""Simulate a self-experiment with AR(1) noise: for tests, benchmarks and the methods doc."""

from __future__ import annotations

import numpy as np

from fibrolog.analysis.trial_analysis import TrialDay
from fibrolog.analysis.trials import Plan

__all__ = ["simulate_trial"]


def simulate_trial(
    plan: Plan,
    rng: np.random.Generator,
    *,
    effect: float,
    sd: float = 1.5,
    rho: float = 0.6,
    level: float = 5.0,
    missing: float = 0.0,
    adherence: float = 1.0,
    half_life: float | None = None,
    whole_numbers: bool = False,
) -> list[TrialDay]:
    """Return the plan's days with simulated outcome values.

    Parameters
    ----------
    plan : Plan
        The schedule to follow.
    rng : numpy.random.Generator
        The random source.
    effect : float
        True B - A in the outcome's units (negative: lower pain with B).
    sd, rho : float
        Marginal SD and lag-1 autocorrelation of the AR(1) noise.
    level : float
        The mean outcome on A.
    missing : float
        Chance that a day is not logged.
    adherence : float
        Chance that a day follows the plan; otherwise the other arm is taken that day.
    half_life : float, optional
        Onset and offset half-life in days of B's effect (None: immediate, no carry-over).
    whole_numbers : bool
        Round to whole points and clip to 0-10, like a tap scale.

    Returns
    -------
    list of TrialDay
        The scheduled arm and phase of each day, and its value (None if not logged).

    Notes
    -----
    ``u_t = rho u_{t-1} + e_t`` with ``e_t ~ N(0, sd^2 (1 - rho^2))`` and ``u_0 ~ N(0, sd^2)``.
    The effect follows what was actually taken (with poor adherence the planned contrast is
    diluted); the analysis compares the planned arms.
    """
    rows = plan.schedule()
    n = len(rows)
    noise = np.empty(n)
    noise[0] = rng.normal(0.0, sd)
    shocks = rng.normal(0.0, sd * np.sqrt(1.0 - rho**2), n)
    for t in range(1, n):
        noise[t] = rho * noise[t - 1] + shocks[t]
    planned = np.array([r.arm == "B" for r in rows], dtype=float)
    taken = np.where(rng.random(n) < adherence, planned, 1.0 - planned)
    exposure = taken
    if half_life is not None:
        q = 0.5 ** (1.0 / half_life)
        exposure = np.empty(n)
        level_now = 0.0
        for t in range(n):
            level_now = q * level_now + (1.0 - q) * taken[t]
            exposure[t] = level_now
    y = level + effect * exposure + noise
    if whole_numbers:
        y = np.clip(np.round(y), 0.0, 10.0)
    logged = rng.random(n) >= missing
    return [
        TrialDay(r.date, r.arm, r.phase, float(y[i]) if logged[i] else None)
        for i, r in enumerate(rows)
    ]
