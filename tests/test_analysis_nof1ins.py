"""A self-experiment's B - A through `two_arm`, against the published nof1ins example.

Reference (docs/methods.md, reference 1): the nof1ins README example (public data,
https://github.com/jiabei-yang/nof1ins), 28 days ABAB in 7-day periods, days 23 and 27
missing, analysed in JAGS with flat coefficient priors, precision ~ Gamma(0.001, 0.001) and
rho ~ U(-1, 1):

* mean-only model: B - A = -2.00, 95% interval [-3.10, -0.90];
* AR(1)-error model: -1.16 [-2.43, 0.11], P(B > A) = 0.036, posterior mean rho 0.75.

Tolerance (spec): +-0.02 on means, +-0.03 on interval ends. P(B > A) and rho are MCMC
summaries of the same posterior; they are checked to +-0.005 and +-0.02.
"""

from __future__ import annotations

import math

import pytest

from fibrolog.analysis import two_arm

Y = [9, 9, 10, 11, 9, 7, 6, 6, 6, 6, 5, 5, 6, 4, 6, 6, 7, 7, 9, 8, 8, 7, None, 6, 6, 7, None, 8]
ARMS = list("A" * 7 + "B" * 7 + "A" * 7 + "B" * 7)


def test_it_reproduces_the_mean_only_model():
    effect = two_arm(Y, ARMS, errors="iid", prior="flat")
    assert effect.estimate == pytest.approx(-2.00, abs=0.02)
    low, high = effect.interval(0.95)
    assert low == pytest.approx(-3.10, abs=0.03)
    assert high == pytest.approx(-0.90, abs=0.03)
    assert effect.n == 26 and effect.rho == 0.0 and effect.n_eff == 26


def test_it_reproduces_the_ar1_model_across_the_missing_days():
    effect = two_arm(Y, ARMS, errors="ar1", prior="flat")
    assert effect.estimate == pytest.approx(-1.16, abs=0.02)
    low, high = effect.interval(0.95)
    assert low == pytest.approx(-2.43, abs=0.03)
    assert high == pytest.approx(0.11, abs=0.03)
    assert effect.prob_greater(0.0) == pytest.approx(0.036, abs=0.005)
    assert effect.rho == pytest.approx(0.75, abs=0.02)
    assert effect.n_eff == pytest.approx(26 * (1 - effect.rho) / (1 + effect.rho))


def test_it_is_not_fooled_the_way_a_welch_t_test_is():
    # The same days "significant" at p = 0.0008 by a Welch t-test (spec); the AR(1) model
    # leaves B > A with a few percent, and the 95% interval includes no difference.
    effect = two_arm(Y, ARMS)
    low, high = effect.interval(0.95)
    assert low < 0 < high
    assert effect.verdict("lower").code == "not enough evidence yet"


def test_it_shrinks_towards_no_effect_with_the_default_prior():
    flat, default = two_arm(Y, ARMS, prior="flat"), two_arm(Y, ARMS)
    assert abs(default.estimate) < abs(flat.estimate)
    assert all(math.isfinite(x) for x in (*default.interval(0.8), default.rho, default.n_eff))


@pytest.mark.parametrize(
    ("values", "arms"),
    [
        ([1.0, 2.0, 3.0], ["A", "B"]),  # lengths differ
        ([1.0, 2.0, 3.0, 4.0], ["A", "B", "C", "A"]),  # a third arm
        ([1.0, 2.0, 3.0, None], ["A", "A", "A", "B"]),  # no logged day on B
    ],
)
def test_it_refuses_input_it_cannot_analyse(values, arms):
    with pytest.raises(ValueError):
        two_arm(values, arms)
