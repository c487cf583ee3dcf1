"""Thin or odd diaries give "collecting data" with a plain reason: never an exception, never NaN."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fibrolog.analysis import Insights, insights


def diary(days: int = 120, seed: int = 0, **columns) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    data = {
        "pain": np.clip(np.round(5 + rng.normal(0, 1.5, days)), 0, 10),
        "sleep_hours": np.round(7 + rng.normal(0, 1, days), 2),
        **columns,
    }
    return pd.DataFrame(data, index=pd.date_range("2025-01-01", periods=days))


def numbers(result: Insights) -> list[float]:
    out: list[float] = []
    for item in [*result.summary_dict()["shown"], *result.summary_dict()["collecting"]]:
        for key in ("estimate", "p_helps", "p_meaningful", "p_negligible"):
            if item[key] is not None:
                out.append(item[key])
        for key in ("interval80", "interval95"):
            out += [x for x in item[key] or [] if x is not None]
    return out


def assert_clean(result: Insights) -> None:
    assert all(math.isfinite(x) for x in numbers(result))
    json.dumps(result.summary_dict(), allow_nan=False)  # would raise on a NaN or infinity
    json.dumps(result.to_dict(), allow_nan=False)  # the stored form too
    for item in result.all:
        assert all(math.isfinite(x) for x in (item.n_eff, item.rho, *item.interval95))


def reasons(result: Insights) -> dict[tuple[str, str | None], str]:
    return {(c.outcome, c.factor): c.reason for c in result.collecting}


def test_it_waits_for_28_days():
    result = insights(diary(days=20), outcomes=["pain"])
    assert result.all == () and result.shown == ()
    assert "logged on 20 days" in reasons(result)[("pain", None)]


def test_it_has_nothing_to_explain_in_a_constant_series():
    result = insights(diary(pain=np.full(120, 4.0)), outcomes=["pain"])
    assert "always been 4" in reasons(result)[("pain", None)]
    assert_clean(result)


def test_it_handles_an_outcome_never_logged_or_not_in_the_diary():
    result = insights(diary(pain=np.full(120, np.nan)), outcomes=["pain", "fatigue"])
    assert "no pain logged" in reasons(result)[("pain", None)]
    assert "not in the diary" in reasons(result)[("fatigue", None)]


def test_it_handles_an_empty_diary():
    result = insights(pd.DataFrame(), outcomes=["pain"])
    assert result.window is None and reasons(result)[("pain", None)] == "nothing logged yet"


def test_it_waits_for_a_factor_that_never_varied():
    result = insights(diary(caffeine=np.full(120, 2.0)), outcomes=["pain"])
    assert "never varied" in reasons(result)[("pain", "caffeine")]
    assert result.find("pain", "caffeine") is None
    assert_clean(result)


def test_it_waits_for_ten_days_with_and_without_a_yes_no_factor():
    tag = np.zeros(120)
    tag[[5, 40, 77]] = 1.0
    result = insights(diary(**{"tag:travel": tag}), outcomes=["pain"])
    assert "3 days with it" in reasons(result)[("pain", "tag:travel")]


def test_it_waits_for_days_without_a_treatment_taken_from_the_first_day():
    result = insights(diary(ldn=np.ones(120)), outcomes=["pain"], treatments=["ldn"])
    assert "without it" in reasons(result)[("pain", "ldn")]
    assert_clean(result)


def test_it_waits_when_few_days_count_as_independent():
    rng = np.random.default_rng(3)
    slow = np.cumsum(rng.normal(0, 0.3, 40)) + 5  # a random walk: rho near 1
    result = insights(diary(days=40, pain=slow), outcomes=["pain"])
    assert "independent days" in reasons(result)[("pain", None)]


def test_it_reads_text_duplicates_and_unsorted_dates_without_failing():
    frame = diary(days=90, seed=4)
    frame["mood"] = ["good"] * 90  # text becomes "not logged"
    frame = pd.concat([frame.iloc[::-1], frame.iloc[:3]])  # reversed, three dates twice
    result = insights(frame, outcomes=["pain", "mood"])
    assert reasons(result)[("mood", None)] == "no mood logged yet"
    assert result.window == (pd.Timestamp("2025-01-01").date(), pd.Timestamp("2025-03-31").date())
    assert_clean(result)


def test_it_keeps_gaps_in_the_calendar():
    frame = diary(days=200, seed=5).drop(pd.date_range("2025-03-01", "2025-04-15"))
    result = insights(frame, outcomes=["pain"])
    assert result.window[1] == pd.Timestamp("2025-07-19").date()
    assert_clean(result)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    days=st.integers(min_value=0, max_value=150),
    missing=st.floats(min_value=0.0, max_value=1.0),
    seed=st.integers(min_value=0, max_value=10_000),
    levels=st.integers(min_value=1, max_value=4),
)
def test_it_never_fails_or_returns_nan_on_random_diaries(days, missing, seed, levels):
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(
        {
            "pain": rng.integers(0, levels, days).astype(float),
            "tag:x": (rng.random(days) < 0.3).astype(float),
            "steps": rng.integers(0, 12000, days).astype(float),
            "ldn": (np.arange(days) > days // 2).astype(float),
        },
        index=pd.date_range("2025-01-01", periods=days),
    )
    frame = frame.mask(rng.random(frame.shape) < missing)
    result = insights(frame, outcomes=["pain"], treatments=["ldn"])
    assert_clean(result)
