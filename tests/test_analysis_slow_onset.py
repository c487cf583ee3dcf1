"""A slow treatment (LDN-like) judged with its onset kernel, not a before/after month.

Reference (docs/methods.md, reference 3): true full effect -1.5 points, onset half-life
21 days, AR(1) errors with rho 0.6, a 4-week baseline then 12 weeks on it. A naive
28-days-after minus 28-days-before comparison recovers only about -0.6 (the kernel's mean
over the first four weeks is 0.4). The spec does not give the noise level; these use the
demo diary's (marginal sd 1.2, docs/demo-data.md).

What the engine does, measured on 60 simulated people (seed fixed; docs/methods.md has the
figures from 200): with the spec's zero-centred N(0, 1^2) prior on the full effect, the
posterior mean is about -1.0, not the spec's "about -1.4" (12 weeks leave the full effect's
sd near 0.65, so the prior shrinks it by about a third; with N(0, 2^2) it is about -1.5), and
the 80% interval holds the truth about 80% of the time. Those are the honest targets here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from fibrolog.analysis import insights

TRUTH = -1.5


def person(rng: np.random.Generator) -> pd.DataFrame:
    n, start, rho, sd = 112, 28, 0.6, 1.2
    u = np.empty(n)
    u[0] = rng.normal(0, sd)
    for t in range(1, n):
        u[t] = rho * u[t - 1] + np.sqrt(1 - rho**2) * rng.normal(0, sd)
    t = np.arange(n)
    g = np.where(t >= start, 1 - 0.5 ** ((t - start + 1) / 21), 0.0)
    on = (t >= start).astype(float)
    return pd.DataFrame(
        {"pain": 5 + TRUTH * g + u, "ldn": on}, index=pd.date_range("2025-01-06", periods=n)
    )


@pytest.fixture(scope="module")
def runs():
    rng = np.random.default_rng(21)
    out = []
    for _ in range(60):
        frame = person(rng)
        naive = frame.pain.iloc[28:56].mean() - frame.pain.iloc[:28].mean()
        item = insights(frame, outcomes=["pain"], treatments=["ldn"]).find("pain", "ldn")
        out.append((naive, item))
    return out


def test_it_sees_the_naive_before_after_month_recover_only_part_of_the_effect(runs):
    assert np.mean([naive for naive, _ in runs]) == pytest.approx(-0.6, abs=0.15)


def test_it_recovers_more_of_the_effect_with_the_onset_kernel(runs):
    estimates = [item.estimate for _, item in runs if item is not None]
    assert -1.3 < np.mean(estimates) < -0.85
    assert np.mean(estimates) < np.mean([naive for naive, _ in runs]) - 0.3


def test_it_holds_the_truth_inside_its_80_percent_interval_about_80_percent_of_the_time(runs):
    items = [item for _, item in runs if item is not None]
    inside = [item.interval80[0] <= TRUTH <= item.interval80[1] for item in items]
    assert 0.7 <= np.mean(inside) <= 0.95


def test_it_reports_the_effect_reached_by_weeks_4_8_and_12(runs):
    item = next(item for _, item in runs if item is not None)
    weeks = item.reached_by_week
    assert sorted(weeks) == [4, 8, 12]
    assert abs(weeks[4][0]) <= abs(weeks[8][0]) <= abs(weeks[12][0]) <= abs(item.estimate)
    assert all(low <= est <= high for est, low, high in weeks.values())


def test_it_draws_the_counterfactual_over_every_day(runs):
    item = next(item for _, item in runs if item is not None)
    dates, values = item.counterfactual()
    assert len(dates) == len(values) == 112
    assert np.all(np.isfinite(values))
    # Before the start, with and without the treatment are the same line.
    assert np.allclose(item.fitted[:28], values[:28])


def test_it_says_when_too_few_days_count_as_independent_yet(runs):
    # n_eff = n (1 - rho)/(1 + rho) >= 20 (spec): 112 days at rho near 0.6-0.7 sit at the
    # edge, so some simulated people get "collecting data" instead of a verdict.
    gated = sum(item is None for _, item in runs)
    assert gated < len(runs) / 4
