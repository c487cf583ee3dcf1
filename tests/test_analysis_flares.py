"""Flares found from the pain series (after removing autocorrelation), described, not explained."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from fibrolog.analysis import demo_frame, simulate_diary
from fibrolog.analysis.flares import detect_flares, what_preceded


def _series(values, start=date(2025, 1, 1)):
    index = pd.date_range(start, periods=len(values), freq="D")
    return pd.Series(values, index=index, dtype=float)


def test_it_finds_a_clear_flare_in_a_quiet_series():
    rng = np.random.default_rng(1)
    values = 4 + rng.normal(0, 0.5, 200)
    values[120:127] += 4  # a week-long flare
    flares = detect_flares(_series(values))
    assert len(flares) == 1
    assert flares[0].start == date(2025, 1, 1) + timedelta(days=120)
    assert 5 <= flares[0].days <= 8


def test_it_does_not_call_a_slow_drift_a_flare():
    values = np.linspace(3, 7, 300)  # a steady climb over ten months
    assert detect_flares(_series(values)) == []


def test_it_gives_nothing_for_a_short_empty_or_constant_diary():
    assert detect_flares(_series([5.0] * 20)) == []
    assert detect_flares(_series([np.nan] * 100)) == []
    assert detect_flares(_series([5.0] * 100)) == []


def test_it_finds_the_bigger_simulated_flares_more_often_than_chance():
    """Measured on the demo diary (docs/methods.md): moderate and severe flares show."""
    found = total = 0
    for seed in range(4):
        diary = simulate_diary(years=3, seed=seed)
        flares = detect_flares(demo_frame(diary)["pain"])
        big = [f for f in diary.flares if f.severity >= 2]
        total += len(big)
        found += sum(any(f.start <= t.end and f.end >= t.start for f in flares) for t in big)
    assert found / total >= 0.4


def test_it_describes_what_came_before_flares_without_claiming_a_cause():
    days = 300
    rng = np.random.default_rng(3)
    pain = 4 + rng.normal(0, 0.4, days)
    tag = np.zeros(days)
    for start in (60, 130, 200, 260):
        pain[start : start + 5] += 4
        tag[start - 2] = 1  # "poor sleep" two days before each flare
    frame = pd.DataFrame(
        {"pain": pain, "tag:poor sleep": tag},
        index=pd.date_range("2025-01-01", periods=days, freq="D"),
    )
    flares = detect_flares(frame["pain"])
    preceded = what_preceded(flares, frame[["tag:poor sleep"]])
    assert preceded[0].factor == "tag:poor sleep" and preceded[0].before == 4
    assert "not a cause" in preceded[0].summary(3)
