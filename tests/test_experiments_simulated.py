"""Simulated trials with AR(1) noise: calibrated verdicts (modest sizes; full size in bench/)."""

from datetime import date

import numpy as np
import pytest

from fibrolog.analysis import power
from fibrolog.analysis.trial_analysis import analyze_trial
from fibrolog.analysis.trial_sim import simulate_trial
from fibrolog.analysis.trials import make_plan

RUNS = 150
START = date(2026, 1, 5)
RECOMMENDED = make_plan("fast", START, "sim", pairs=11)  # power.needed at SD 1.5, rho 0.6


def _share(plan, benefit, verdict="likely_helps", seed=0, runs=RUNS, **sim) -> float:
    rng = np.random.default_rng(seed)
    hits = 0
    for _ in range(runs):
        days = simulate_trial(plan, rng, effect=-benefit, sd=1.5, rho=0.6, **sim)
        hits += analyze_trial(days, design=plan.design).verdict == verdict
    return hits / runs


def test_the_recommended_length_is_what_power_recommends():
    need = power.needed(make_plan("fast", START, "sim"), 1.5, 0.6)
    assert need is not None and need.plan.pairs == RECOMMENDED.pairs


@pytest.mark.parametrize("plan", [make_plan("fast", START, "sim"), RECOMMENDED])
def test_it_rarely_calls_no_effect_likely_helps(plan):
    assert _share(plan, 0.0, seed=1) <= 0.05


@pytest.mark.parametrize(("benefit", "seed"), [(1.0, 2), (1.5, 3), (2.0, 4)])
def test_it_reaches_likely_helps_as_often_as_planned(benefit, seed):
    planned = power.chances(power.plan_se(RECOMMENDED, 1.5, 0.6), benefit).likely_helps
    assert _share(RECOMMENDED, benefit, seed=seed) == pytest.approx(planned, abs=0.12)


def test_it_calls_a_2_point_benefit_likely_helps_in_most_runs():
    assert _share(RECOMMENDED, 2.0, seed=5) >= 0.75


def test_it_copes_with_missing_days_and_poor_adherence_without_false_wins():
    assert _share(RECOMMENDED, 0.0, seed=6, missing=0.3, adherence=0.7) <= 0.05


def test_it_analyses_a_slow_design_without_false_wins():
    plan = make_plan("slow", START, "sim", withdrawal=28)
    assert _share(plan, 0.0, seed=7, runs=40, half_life=14.0) <= 0.05


def test_it_reports_a_slow_designs_full_effect_and_the_effect_reached_by_week():
    plan = make_plan("slow", START, "sim", baseline=56, treatment_days=168)
    days = simulate_trial(plan, np.random.default_rng(9), effect=-3.0, rho=0.3, half_life=14.0)
    result = analyze_trial(days, design="slow")
    assert result.interval95[0] < -1 and result.verdict in ("likely_helps", "not_enough_evidence")
    assert [week for week, *_ in result.reached] == [4, 8, 12]
    assert "onset kernel" in result.method
    assert any("reached by week 12" in line for line in result.summary())
