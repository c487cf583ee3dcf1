"""Generate a realistic demo fibromyalgia diary whose true effects are known.

The generative model, its constants and the effects it builds in are described in
docs/demo-data.md; the constants live in `_simulate_model` and the effects in `TRUE_EFFECTS`,
which the generator reads (so the doc, the data and an analysis check cannot drift apart).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType

import numpy as np
from numpy.typing import NDArray

from fibrolog.analysis import _simulate_model as m
from fibrolog.analysis import _simulate_plan as plan
from fibrolog.analysis import _simulate_tags as text
from fibrolog.analysis._simulate_model import TRUE_EFFECTS, TrueEffect, true_effect

__all__ = [
    "TRUE_EFFECTS",
    "DemoDiary",
    "DemoFlare",
    "DemoTreatment",
    "TrueEffect",
    "simulate_diary",
    "true_effect",
]

Series = NDArray[np.float64]


@dataclass(frozen=True)
class DemoFlare:
    """A flare: an exogenous run of worse days (severity 1 mild, 2 moderate, 3 severe)."""

    start: date
    end: date  # inclusive
    severity: int


@dataclass(frozen=True)
class DemoTreatment:
    """A treatment with its regimens (start, stop inclusive or None, dose) and logged intakes."""

    key: str
    name: str
    unit: str
    regimens: tuple[tuple[date, date | None, float], ...]
    taken: Mapping[date, bool]


@dataclass(frozen=True)
class DemoDiary:
    """A simulated diary: one value per metric per calendar day, None where not logged."""

    days: tuple[date, ...]
    values: Mapping[str, tuple[float | None, ...]]
    tags: Mapping[str, tuple[date, ...]]
    notes: Mapping[date, str]
    flares: tuple[DemoFlare, ...]
    treatments: tuple[DemoTreatment, ...]
    seed: int


# key -> (name, unit, adherence on logged days, short name for notes)
_TREATMENTS = {
    "ldn": ("Low-dose naltrexone", "mg", m.LDN_ADHERENCE, "LDN"),
    "vitamin_d": ("Vitamin D", "IU", m.VITAMIN_D_ADHERENCE, "vitamin D"),
    "yoga": ("Yoga", "min", m.YOGA_SESSION_RATE, "yoga"),
}


def simulate_diary(*, years: float = 5, seed: int = 0, end: date | None = None) -> DemoDiary:
    """Simulate one person's daily diary over `years` ending on `end`, with known effects.

    Parameters
    ----------
    years
        Length of the span; the diary has ``round(years * 365.25)`` calendar days (at least 28).
    seed
        Seed for ``numpy.random.default_rng``; the same seed and `end` give the same diary.
    end
        The last diary day; today when omitted.

    Returns
    -------
    DemoDiary
        Every calendar day oldest first, the metrics in their catalogue units and steps,
        tags, notes, flares and three treatments (LDN works, vitamin D and yoga do not).

    Notes
    -----
    The model is additive: each symptom is a person-level constant, a slow seasonal drift, a
    shared AR(1) "bad day" component, its own noise and the effects in `TRUE_EFFECTS`, then
    rounded and clipped to its scale. Factors (sleep, exertion, stress, caffeine) and flares
    are exogenous: no symptom feeds back on them, so there are no two-way links to find.
    Missingness is completely at random, so it biases no estimate. Clipping at 0 and 10 and
    rounding shrink estimated slopes slightly towards zero.

    References
    ----------
    docs/demo-data.md (the model and every constant); docs/methods.md (the onset kernel).
    """
    end = date.today() if end is None else end
    n = round(years * 365.25)
    if n < 28:
        raise ValueError(f"years={years} gives {n} days; a demo diary needs at least 28")
    days = tuple(end - timedelta(days=n - 1 - i) for i in range(n))
    # One child stream per component, so that changing how e.g. notes are drawn does not move
    # the pain series of an existing seed.
    streams = np.random.default_rng(seed).spawn(7)
    r_drivers, r_noise, r_flares, r_logged, r_skip, r_tags, r_extra = streams

    schedule = plan.regimens(n)
    flares = plan.flares(n, r_flares)
    severity = plan.severity_by_day(n, flares)
    keep = {0} | {d for regs in schedule.values() for s, e, _ in regs for d in (s, e) if d}
    logged, holidays = plan.logged_days(n, keep, r_logged)

    drivers = _drivers(n, r_drivers)
    exposures: dict[str, Series] = {
        "sleep_hours": drivers["sleep_hours"] - m.USUAL_SLEEP_HOURS,
        "overdid it": (drivers["exertion"] >= m.HARD_DAY_EXERTION).astype(float),
        "stress": drivers["stress"] - m.STRESS_MEAN,
        "flare": severity,
    }
    symptoms = _symptoms(days, exposures, schedule, r_noise)
    full = {**drivers, **{key: _on_grid(key, y) for key, y in symptoms.items()}}
    values = _observe(full, logged, r_skip)

    ticked = text.tags(
        logged, drivers["sleep_hours"], drivers["exertion"], drivers["stress"], holidays, r_tags
    )
    treatments = _treatments(days, schedule, logged, r_extra)
    contexts = {
        "flare": severity > 0,
        "bad night": drivers["sleep_hours"] < m.POOR_SLEEP_BELOW_HOURS - 0.5,
        "hard day": exposures["overdid it"] > 0,
        "good day": full["pain"] <= 3,
        "weather": ticked["weather change"],
    }
    notes = text.notes(logged, _events(schedule), contexts, r_extra)
    return DemoDiary(
        days=days,
        values=MappingProxyType(values),
        tags=MappingProxyType(
            {k: tuple(days[i] for i in np.flatnonzero(v)) for k, v in ticked.items()}
        ),
        notes=MappingProxyType({days[i]: note for i, note in notes.items()}),
        flares=tuple(DemoFlare(days[a], days[b], s) for a, b, s in flares),
        treatments=treatments,
        seed=seed,
    )


def _ar1(n: int, rho: float, sd: float, rng: np.random.Generator) -> Series:
    # Stationary from day 0: the first value has the marginal sd, later ones the innovation sd.
    shocks = rng.standard_normal(n) * sd
    shocks[1:] *= np.sqrt(1 - rho**2)
    out = np.empty(n)
    out[0] = shocks[0]
    for t in range(1, n):
        out[t] = rho * out[t - 1] + shocks[t]
    return out


def _on_grid(key: str, x: Series) -> Series:
    low, high, step = m.RANGES[key]
    return np.clip(np.round(x / step) * step, low, high) + 0.0  # + 0.0 turns -0.0 into 0.0


def _drivers(n: int, rng: np.random.Generator) -> dict[str, Series]:
    """Return the exogenous factors, already on their diary grid (the values effects act on)."""
    sleep = m.USUAL_SLEEP_HOURS + _ar1(n, m.SLEEP_RHO, m.SLEEP_SD, rng)
    bad_night = rng.random(n) < m.BAD_NIGHT_RATE
    sleep -= bad_night * rng.uniform(*m.BAD_NIGHT_LOSS_HOURS, n)
    hard = rng.random(n) < m.HARD_DAY_RATE
    ordinary = np.clip(np.round(rng.normal(*m.USUAL_EXERTION, n)), 0, m.HARD_DAY_EXERTION - 1)
    exertion = np.where(hard, rng.integers(m.HARD_DAY_EXERTION, 10, n, endpoint=True), ordinary)
    stress = m.STRESS_MEAN + _ar1(n, m.STRESS_RHO, m.STRESS_SD, rng)
    caffeine = rng.poisson(m.CAFFEINE_MEAN_CUPS, n).astype(float)
    raw = {"sleep_hours": sleep, "exertion": exertion, "stress": stress, "caffeine": caffeine}
    return {key: _on_grid(key, x) for key, x in raw.items()}


def _symptoms(
    days: tuple[date, ...],
    exposures: dict[str, Series],
    schedule: dict[str, tuple[plan.Regimen, ...]],
    rng: np.random.Generator,
) -> dict[str, Series]:
    """Return each symptom before rounding: level + season + bad day + noise + true effects."""
    n = len(days)
    bad_day = _ar1(n, m.BAD_DAY_RHO, m.BAD_DAY_SD, rng)
    day_of_year = np.array([d.timetuple().tm_yday for d in days])
    season = np.cos(2 * np.pi * (day_of_year - m.SEASON_PEAK_DAY_OF_YEAR) / 365.25)
    out = {
        key: level
        + loading * bad_day
        + sd * rng.standard_normal(n)
        + m.SEASON_AMPLITUDE.get(key, 0.0) * season
        for key, (level, loading, sd) in m.SYMPTOMS.items()
    }
    for effect in TRUE_EFFECTS:
        if effect.source == "treatment":
            assert effect.half_life_days is not None
            start = schedule[effect.factor][0][0]
            x = plan.kernel(n, start, effect.half_life_days)
        else:
            x = exposures[effect.factor]
        lag = effect.lag_days
        out[effect.outcome][lag:] += effect.per_unit * x[: n - lag]
    return out


def _observe(
    full: dict[str, Series], logged: NDArray[np.bool_], rng: np.random.Generator
) -> dict[str, tuple[float | None, ...]]:
    """Return what the diary holds: None on unlogged days and on skipped metrics."""
    out: dict[str, tuple[float | None, ...]] = {}
    for key in m.METRIC_KEYS:
        kept = logged & (rng.random(len(logged)) >= m.METRIC_SKIP_RATE[key])
        out[key] = tuple(v if k else None for v, k in zip(full[key].tolist(), kept, strict=True))
    return out


def _treatments(
    days: tuple[date, ...],
    schedule: dict[str, tuple[plan.Regimen, ...]],
    logged: NDArray[np.bool_],
    rng: np.random.Generator,
) -> tuple[DemoTreatment, ...]:
    """Return the treatments with intakes on logged days in a regimen (first dose taken)."""
    out = []
    for key, regs in schedule.items():
        name, unit, adherence, _ = _TREATMENTS[key]
        taken: dict[date, bool] = {}
        for start, stop, _dose in regs:
            span = np.arange(start, len(days) if stop is None else stop + 1)
            took = rng.random(len(span)) < adherence
            took[0] |= start == regs[0][0]
            taken.update({days[d]: bool(t) for d, t in zip(span, took, strict=True) if logged[d]})
        regimens = tuple((days[a], None if b is None else days[b], dose) for a, b, dose in regs)
        out.append(DemoTreatment(key, name, unit, regimens, MappingProxyType(taken)))
    return tuple(out)


def _events(schedule: dict[str, tuple[plan.Regimen, ...]]) -> dict[int, str]:
    """Return the notes a person writes when starting, changing or stopping a treatment."""
    out: dict[int, str] = {}
    for key, regs in schedule.items():
        _, unit, _, short = _TREATMENTS[key]
        for i, (start, _stop, dose) in enumerate(regs):
            verb = f"Started {short}" if i == 0 else f"{short[0].upper()}{short[1:]} now"
            out[start] = f"{verb} {dose:g} {unit}"
        last_stop = regs[-1][1] if regs else None
        if last_stop is not None:
            out[last_stop] = f"Stopped {short}"
    return out
