"""How long a trial must run: GLS standard errors, the person's variability, the weeks rule."""

from datetime import date

import numpy as np
import pytest

from fibrolog.analysis import power
from fibrolog.analysis.trials import make_plan

START = date(2026, 3, 2)


def _abab(days: int) -> list[int]:
    return ([0] * 7 + [1] * 7) * (days // 14)


def _dense_se(t, x, sd, rho) -> float:
    t, x = np.asarray(t, float), np.asarray(x, float)
    cov = sd**2 * rho ** np.abs(t[:, None] - t[None, :])
    design = np.column_stack([np.ones(len(t)), x])
    return float(np.sqrt(np.linalg.inv(design.T @ np.linalg.solve(cov, design))[1, 1]))


@pytest.mark.parametrize("rho", [-0.2, 0.0, 0.3, 0.6, 0.9])
def test_it_equals_dense_gls_even_across_gaps(rho):
    t = [0, 1, 2, 5, 6, 7, 9, 10, 14, 15, 16, 20]
    x = [0, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0]
    assert power.se_difference(t, x, 1.5, rho) == pytest.approx(_dense_se(t, x, 1.5, rho))


# analysis spec: with a marginal SD of 1.5 and AR(1) errors the SE of A-B is about 0.57-0.69
# for 28 days, 0.36-0.48 for 56 days and 0.25-0.33 for 112 days.
SPEC = {28: (0.57, 0.69), 56: (0.36, 0.48), 112: (0.25, 0.33)}


@pytest.mark.parametrize("days", sorted(SPEC))
@pytest.mark.parametrize("rho", [0.6, 0.65, 0.7, 0.75])
def test_it_reproduces_the_specs_standard_errors(days, rho):
    lo, hi = SPEC[days]
    se = power.se_difference(range(days), _abab(days), 1.5, rho)
    assert lo - 0.01 <= se <= hi + 0.01


def test_it_makes_a_design_with_one_arm_infinitely_uncertain():
    assert power.se_difference(range(10), [0] * 10, 1.5, 0.6) == float("inf")
    assert power.chances(float("inf"), 1.0).likely_helps == 0.0


def test_it_learns_sd_and_autocorrelation_from_the_last_90_logged_days():
    rng = np.random.default_rng(3)
    y = np.empty(400)
    y[0] = rng.normal(0, 1.5)
    for t in range(1, 400):
        y[t] = 0.6 * y[t - 1] + rng.normal(0, 1.5 * np.sqrt(1 - 0.36))
    values = [None if t % 9 == 4 else 5 + v for t, v in enumerate(y)]
    values[:200] = [100.0] * 200  # old days, outside the window, must not count
    found = power.variability(values)
    assert found.own and found.days == 90
    assert found.sd == pytest.approx(1.5, abs=0.35)
    assert found.rho == pytest.approx(0.6, abs=0.2)


def test_it_uses_population_values_for_a_new_person_or_a_flat_diary():
    for values in ([5.0] * 20, [5.0] * 60, [None] * 90):
        found = power.variability(values)
        assert not found.own
        assert (found.sd, found.rho) == (power.POPULATION_SD, power.POPULATION_RHO)
        assert "typical values" in found.describe()


def test_it_needs_se_at_most_mcid_over_2_49_with_a_flat_prior():
    se = 1 / (power.Z95 + power.Z80)
    assert power.chances(se, 1.0, prior_sd=None).helps_at_all == pytest.approx(0.8)


def test_it_recommends_the_shortest_fast_plan_meeting_the_rule():
    plan = make_plan("fast", START, 1, washout=0)
    need = power.needed(plan, 1.5, 0.6)
    assert need is not None and need.enough
    shorter = make_plan("fast", START, 1, washout=0, pairs=need.plan.pairs - 1)
    se = power.plan_se(shorter, 1.5, 0.6)
    assert power.chances(se, 1.0).helps_at_all < power.TARGET
    assert 12 <= 2 * need.plan.pairs <= 16 + 2  # weeks of pairs: the spec's "12-16 weeks"


def test_it_calls_no_effect_likely_helps_at_most_5_percent_of_the_time():
    for se in (0.2, 0.4, 0.7, 1.2):
        assert power.chances(se, 0.0).likely_helps <= 0.05


def test_it_shows_a_slow_trial_cannot_always_detect_a_one_point_change():
    plan = make_plan("slow", START, 1)
    ses = [
        power.plan_se(make_plan("slow", START, 1, treatment_days=d), 1.5, 0.6) for d in (84, 168)
    ]
    assert ses[1] < ses[0]
    assert power.needed(plan, 1.5, 0.8) is None
    assert power.needed(plan, 0.8, 0.3) is not None


def test_it_lists_what_each_length_could_show():
    options = power.options(make_plan("fast", START, 1), 1.5, 0.6)
    assert [o.plan.pairs for o in options] == sorted({o.plan.pairs for o in options})
    detectable = [o.chances.detectable for o in options]
    assert detectable == sorted(detectable, reverse=True)
