"""On the demo diary the engine finds the effects the generator put in, and nothing else.

Reference: the generator's own `TRUE_EFFECTS` (docs/demo-data.md): five years of a simulated
person with known effects and known null factors. The truth should sit inside the 80%
interval most of the time; across 20 seeds it does for 65-75% of the association slopes and
95% of the treatment effects (bench/engine.py, docs/methods.md: the demo's rounding, clipping
and flares make the AR(1) intervals a little narrow). So this checks one seed for: every main
effect found with the right sign; the truth inside the 95% interval for nearly all and inside
the 80% interval for most; and none of the null factors shown.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from fibrolog.analysis import Insights, demo_frame, insights, simulate_diary
from fibrolog.analysis.simulate import true_effect

OUTCOMES = ["pain", "fatigue", "fog", "sleep_quality", "mood", "anxiety"]
TREATMENTS = ["ldn", "vitamin_d", "yoga"]
MAIN = [
    ("pain", "sleep_hours", 0),
    ("fatigue", "sleep_hours", 0),
    ("fog", "sleep_hours", 0),
    ("sleep_quality", "sleep_hours", 0),
    ("pain", "tag:overdid it", 1),
    ("fatigue", "tag:overdid it", 1),
    ("anxiety", "stress", 0),
    ("pain", "ldn", None),
    ("fatigue", "ldn", None),
]
NULL_TAGS = ["ate gluten", "alcohol", "weather change", "period", "travel", "illness"]


def truth(outcome: str, factor: str, lag: int | None) -> float:
    return true_effect(outcome, factor.removeprefix("tag:"), lag or 0).per_unit


@pytest.fixture(scope="module")
def result() -> Insights:
    frame = demo_frame(simulate_diary(years=5, seed=1, end=date(2025, 6, 30)))
    return insights(
        frame,
        outcomes=OUTCOMES,
        treatments=TREATMENTS,
        worse={"sleep_quality": "lower", "mood": "lower"},
    )


@pytest.mark.parametrize(("outcome", "factor", "lag"), MAIN)
def test_it_finds_each_main_effect_with_the_right_sign(result, outcome, factor, lag):
    item = result.find(outcome, factor, lag)
    assert item is not None
    assert np.sign(item.estimate) == np.sign(truth(outcome, factor, lag))
    assert item.p_direction >= 0.95


def test_it_holds_the_truth_inside_its_intervals_for_most_main_effects(result):
    inside80 = inside95 = 0
    for outcome, factor, lag in MAIN:
        item = result.find(outcome, factor, lag)
        value = truth(outcome, factor, lag)
        inside80 += item.interval80[0] <= value <= item.interval80[1]
        inside95 += item.interval95[0] <= value <= item.interval95[1]
    # About 6 of 9 expected inside the 80% intervals and 8 of 9 inside the 95% ones.
    assert inside80 >= 4
    assert inside95 >= 7


def test_it_sees_pain_rise_after_a_hard_day_not_on_it(result):
    same_day = result.find("pain", "tag:overdid it", 0)
    next_day = result.find("pain", "tag:overdid it", 1)
    assert next_day.estimate > 0.5
    assert same_day.interval95[0] <= 0 <= same_day.interval95[1] or same_day.estimate < 0.1


def test_it_shows_none_of_the_factors_that_do_nothing(result):
    shown = {(i.outcome, i.factor) for i in result.shown if i.kind == "association"}
    assert shown, "the true links should be shown"
    nulls = {"caffeine", *(f"tag:{t}" for t in NULL_TAGS)}
    assert not {factor for _, factor in shown} & nulls
    assert ("pain", "stress") not in shown and ("pain", "tag:stressful day") not in shown
    for item in result.all:
        if item.factor in ("vitamin_d", "yoga"):
            assert item.verdict not in ("likely helps", "likely makes it worse")


def test_it_says_ldn_likely_helps_pain_against_the_counterfactual(result):
    item = result.find("pain", "ldn")
    assert item.verdict == "likely helps"
    assert item.evidence == "baseline vs treatment"
    dates, without = item.counterfactual()
    start = dates.index(date(2025, 6, 30)) - 784  # LDN starts 784 days before the end
    after = slice(start + 120, None)
    assert np.mean(np.array(item.fitted)[after] - np.array(without)[after]) < -0.8


def test_it_shows_at_most_five_associations(result):
    assert 0 < sum(item.kind == "association" for item in result.shown) <= 5
