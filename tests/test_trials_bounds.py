"""A trial's lengths have one set of bounds: the plan, the designer form and the CLI agree."""

from datetime import date

import pytest
from click.testing import CliRunner

from fibrolog.analysis.trial_bounds import (
    FAST_BASELINE,
    PAIRS,
    PERIOD,
    SLOW_BASELINE,
    TREATMENT_DAYS,
    WASHOUT,
    WITHDRAWAL,
)
from fibrolog.analysis.trials import make_plan
from fibrolog.cli import main
from fibrolog.experiments.forms import ChangeForm, DesignForm

START = date(2026, 3, 2)
# (design, length, its bound, other lengths); the rest stay at their defaults.
LENGTHS = [
    ("fast", "pairs", PAIRS, {}),
    ("fast", "period", PERIOD, {"washout": 0}),  # 3-day periods leave no room for a washout
    ("fast", "washout", WASHOUT, {}),
    ("fast", "baseline", FAST_BASELINE, {}),
    ("slow", "baseline", SLOW_BASELINE, {}),
    ("slow", "treatment_days", TREATMENT_DAYS, {}),
    ("slow", "withdrawal", WITHDRAWAL, {}),
]


@pytest.mark.parametrize(("design", "name", "bound", "other"), LENGTHS)
def test_a_plan_takes_both_ends_of_a_bound_and_nothing_beyond(design, name, bound, other):
    for value in (bound.low, bound.high):
        plan = make_plan(design, START, "s", **other, **{name: value})
        assert getattr(plan, name) == value
    for value in (bound.low - 1, bound.high + 1):
        with pytest.raises(ValueError, match=f"{bound.low:g} to {bound.high:g}"):
            make_plan(design, START, "s", **other, **{name: value})


def test_withdrawal_is_none_or_within_its_bound():
    assert make_plan("slow", START, "s", withdrawal=0).withdrawal == 0
    with pytest.raises(ValueError, match="0 or 28 to 42"):
        make_plan("slow", START, "s", withdrawal=WITHDRAWAL.low - 1)


def test_the_designer_form_offers_the_same_bounds(maya):
    form = DesignForm(today=START)
    for name, bound in [("pairs", PAIRS), ("period", PERIOD), ("washout", WASHOUT)]:
        field = form.fields[name]
        assert (field.min_value, field.max_value, field.initial) == astuple(bound)
    assert form.fields["treatment_days"].max_value == TREATMENT_DAYS.high
    assert form.fields["baseline"].min_value == FAST_BASELINE.low
    assert form.fields["baseline"].max_value == SLOW_BASELINE.high
    change = ChangeForm({"pairs": PAIRS.high + 1, "mcid": 1, "reason": "longer"})
    assert "pairs" in change.errors


def test_the_cli_refuses_one_pair_too_many_and_takes_the_most():
    base = ["experiment", "plan", "--design", "fast", "--start", "2026-03-02", "--seed", "7"]
    most = CliRunner().invoke(main, [*base, "--pairs", str(PAIRS.high)])
    assert most.exit_code == 0
    assert len(most.stdout.splitlines()) == 1 + FAST_BASELINE.default + 2 * PAIRS.high * 7
    beyond = CliRunner().invoke(main, [*base, "--pairs", str(PAIRS.high + 1)])
    assert beyond.exit_code == 2 and PAIRS.text() in beyond.output


def astuple(bound):
    return (bound.low, bound.high, bound.default)
