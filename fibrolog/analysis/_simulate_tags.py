"""The demo diary's tags and notes: some follow the data, the rest are random and inert."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from fibrolog.analysis import _simulate_model as m
from fibrolog.catalogue import DEFAULT_TAGS

TAG_NAMES = DEFAULT_TAGS  # the demo logs the tags every new diary starts with

_NOTES = {
    "bad night": ("Rough night, neighbours' party", "Awake from 3am again",
                  "Couldn't get comfortable, up at 4"),
    "hard day": ("Helped a friend move, paying for it", "Long day in town, too much walking",
                 "Gardening all afternoon"),
    "flare": ("Flare: everything aches", "Bad flare, stayed in bed most of the day",
              "Flare again, hot bath helped a bit"),
    "good day": ("Good day, short walk", "Felt almost normal today", "Coffee with a friend, nice"),
    "weather": ("Weather turning, hands stiff", "Pressure dropping, knees complaining"),
}  # fmt: skip


def tags(
    logged: NDArray[np.bool_],
    sleep_hours: NDArray[np.float64],
    exertion: NDArray[np.float64],
    stress: NDArray[np.float64],
    holidays: tuple[tuple[int, int], ...],
    rng: np.random.Generator,
) -> dict[str, NDArray[np.bool_]]:
    """Return, for every tag, whether it was ticked on each day (only ever on logged days)."""
    n = len(logged)
    ticked = {
        "poor sleep": sleep_hours < m.POOR_SLEEP_BELOW_HOURS,
        "overdid it": exertion >= m.HARD_DAY_EXERTION,
        "stressful day": stress >= m.STRESSFUL_DAY_FROM,
        "period": _period(n, rng),
        "travel": rng.random(n) < m.TRAVEL_RATE,
        "illness": _episodes(n, m.ILLNESS_PER_YEAR, m.ILLNESS_DAYS, rng),
    }
    for name, rate in m.TAG_RATES.items():
        ticked[name] = rng.random(n) < rate
    without, with_social = m.ALCOHOL_RATE
    ticked["alcohol"] = rng.random(n) < np.where(ticked["social event"], with_social, without)
    for first, last in holidays:
        ticked["travel"][[first - 1, last + 1]] = True
    return {name: ticked[name] & logged for name in TAG_NAMES}


def _period(n: int, rng: np.random.Generator) -> NDArray[np.bool_]:
    out = np.zeros(n, dtype=bool)
    mean, sd = m.PERIOD_CYCLE_DAYS
    day = int(rng.integers(0, round(mean)))
    while day < n:
        out[day : day + m.PERIOD_DAYS] = True
        day += max(21, round(rng.normal(mean, sd)))
    return out


def _episodes(
    n: int, per_year: float, days: tuple[int, int], rng: np.random.Generator
) -> NDArray[np.bool_]:
    out = np.zeros(n, dtype=bool)
    day = int(rng.exponential(365.25 / per_year))
    while day < n:
        length = int(rng.integers(days[0], days[1] + 1))
        out[day : day + length] = True
        day += length + 7 + int(rng.exponential(365.25 / per_year))
    return out


def notes(
    logged: NDArray[np.bool_],
    events: dict[int, str],
    contexts: dict[str, NDArray[np.bool_]],
    rng: np.random.Generator,
) -> dict[int, str]:
    """Return a short note for some logged days: every event, and a few days in each context.

    `events` maps a day to a note that is always written (starting a treatment); `contexts`
    maps a key of _NOTES to the days it fits, earlier contexts winning when several fit.
    """
    out: dict[int, str] = {}
    for context, fits in contexts.items():
        chosen = np.flatnonzero(fits & logged & (rng.random(len(logged)) < m.NOTE_RATE))
        texts = _NOTES[context]
        for day, pick in zip(chosen, rng.integers(0, len(texts), len(chosen)), strict=True):
            out.setdefault(int(day), texts[pick])
    out.update({day: text for day, text in events.items() if logged[day]})
    return dict(sorted(out.items()))
