"""A plan's schedule: baseline, randomised pairs with washout after each switch, slow blocks."""

from datetime import date, timedelta

import pytest

from fibrolog.analysis.trials import make_plan, plan_schedule

START = date(2026, 3, 2)


def test_it_lays_out_the_default_fast_design():
    rows = plan_schedule("fast", START, 42)
    assert len(rows) == 7 + 4 * 2 * 7
    assert [r.date for r in rows] == [START + timedelta(days=i) for i in range(len(rows))]
    assert {r.phase for r in rows[:7]} == {"baseline"} and {r.arm for r in rows[:7]} == {"A"}
    periods = [rows[7 + 7 * i : 14 + 7 * i] for i in range(8)]
    for period in periods:
        assert len({r.arm for r in period}) == 1
    for pair in range(4):
        assert {periods[2 * pair][0].arm, periods[2 * pair + 1][0].arm} == {"A", "B"}


def test_it_labels_washout_days_after_every_switch_and_only_there():
    rows = plan_schedule("fast", START, "s", pairs=6, washout=2)
    switches = {i for i in range(1, len(rows)) if rows[i].arm != rows[i - 1].arm}
    for i, row in enumerate(rows):
        within_two_days_of_a_switch = bool(switches & {i, i - 1})
        assert (row.phase == "washout") == within_two_days_of_a_switch, row


def test_it_lays_out_a_slow_design_with_a_withdrawal_block():
    rows = plan_schedule("slow", START, 1, baseline=35, treatment_days=91, withdrawal=28)
    phases = [r.phase for r in rows]
    assert phases == ["baseline"] * 35 + ["treatment"] * 91 + ["withdrawal"] * 28
    assert [r.arm for r in rows] == ["A"] * 35 + ["B"] * 91 + ["A"] * 28


def test_it_gives_slow_designs_a_28_day_baseline_and_84_treatment_days_by_default():
    plan = make_plan("slow", START, 1)
    assert (plan.baseline, plan.treatment_days, plan.withdrawal) == (28, 84, 0)
    assert plan.end == START + timedelta(days=111)


@pytest.mark.parametrize(
    ("design", "kwargs", "message"),
    [
        ("fast", {"pairs": 3}, "4 to 26 pairs"),
        ("fast", {"baseline": 5}, "7 to 14"),
        ("fast", {"period": 2}, "3 to 28"),
        ("fast", {"washout": 4}, "0 to 3"),
        ("fast", {"period": 4, "washout": 2}, "at least 3 analysed days"),
        ("slow", {"baseline": 21}, "28"),
        ("slow", {"treatment_days": 70}, "84"),
        ("slow", {"withdrawal": 10}, "28 to 42"),
        ("slow", {"washout": 1}, "no washout"),
        ("medium", {}, "fast or slow"),
    ],
)
def test_it_refuses_an_invalid_design_with_a_clear_reason(design, kwargs, message):
    with pytest.raises(ValueError) as info:
        plan_schedule(design, START, 1, **kwargs)
    assert message in str(info.value)


def test_it_refuses_an_empty_seed_and_a_rope_above_the_meaningful_change():
    with pytest.raises(ValueError, match="seed"):
        make_plan("fast", START, "  ")
    with pytest.raises(ValueError, match="ROPE"):
        make_plan("fast", START, 1, mcid=0.4, rope=0.5)
