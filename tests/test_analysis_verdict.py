"""The verdict rule, fixed before looking (docs/methods.md), on posteriors built by hand.

"Likely helps": P(effect <= -MCID) >= 0.8 and P(effect < 0) >= 0.95; "probably no meaningful
difference": P(|effect| < ROPE) >= 0.8; otherwise "not enough evidence yet" with the weeks
that would probably settle it. MCID 1 and ROPE 0.5 on pain (0-10).
"""

from __future__ import annotations

import numpy as np
import pytest

from fibrolog.analysis import Effect, Mixture, verdict


def effect(mean: float, sd: float, n: int = 56) -> Effect:
    posterior = Mixture.of(np.ones(1), np.array([mean]), np.array([sd]), np.inf)
    return Effect(posterior, rho=0.5, n=n, days=n, method="by hand")


@pytest.mark.parametrize(
    ("mean", "sd", "better", "code"),
    [
        (-1.6, 0.3, "lower", "likely helps"),
        (1.6, 0.3, "higher", "likely helps"),
        (1.6, 0.3, "lower", "likely makes it worse"),
        (0.05, 0.15, "lower", "probably no meaningful difference"),
        (-1.2, 0.4, "lower", "not enough evidence yet"),  # P(<= -1) is only 69%
        (-0.3, 0.8, "lower", "not enough evidence yet"),
    ],
)
def test_it_applies_the_rule(mean, sd, better, code):
    assert verdict(effect(mean, sd), better=better).code == code


def test_it_needs_both_conditions_to_say_likely_helps():
    # P(<= -1) = 0.82 but P(< 0) = 0.92 (a wide posterior): not yet.
    wide = effect(-2.8, 2.0)
    v = wide.verdict("lower")
    assert v.p_meaningful >= 0.8 and v.p_helps < 0.95
    assert v.code == "not enough evidence yet"


def test_it_estimates_the_extra_weeks_needed():
    v = effect(-1.3, 0.4).verdict("lower")  # P(<= -1) = 0.77: nearly there
    assert v.code == "not enough evidence yet"
    assert 1 <= v.extra_weeks <= 20
    assert "more weeks" in v.words()


def test_it_says_when_more_weeks_may_not_settle_it():
    # Estimate between the ROPE and the MCID: neither verdict gets closer with more data.
    v = effect(-0.75, 0.3).verdict("lower")
    assert v.extra_weeks is None and "may not settle it" in v.words()


def test_it_scales_the_meaningful_change_with_the_outcome():
    # On a 0-3 scale the MCID is a tenth of the range (0.3): -0.45 is meaningful there.
    small_scale = effect(-0.45, 0.05).verdict("lower", mcid=0.3, rope=0.15)
    assert small_scale.code == "likely helps"


def test_it_states_the_rule_and_never_a_p_value():
    text = effect(-1.6, 0.3).summary()
    assert "80% chance" not in text  # the rule text lives on the verdict
    assert "Verdict: Likely helps." in text
    assert "95% chance that it helps at all" in effect(-1.6, 0.3).verdict().rule
    for word in ("p-value", "significant"):
        assert word not in text.lower()
