"""Randomisation: reproducible from its seed, balanced within pairs, unpredictable from the past."""

from collections import Counter
from datetime import date
from itertools import pairwise

from fibrolog.analysis.trials import make_plan, pair_order, plan_schedule

START = date(2026, 3, 2)


def test_it_reproduces_the_same_schedule_from_the_same_seed():
    assert plan_schedule("fast", START, "maya-ldn", pairs=8) == plan_schedule(
        "fast", START, "maya-ldn", pairs=8
    )


def test_it_keeps_the_order_pinned_across_versions():
    # sha256("fibrolog:<pair>"), lowest bit of the last byte; pinned so that a change of
    # algorithm (which would silently change locked plans) fails here.
    assert [pair_order("fibrolog", p) for p in range(1, 9)] == [
        "AB", "AB", "AB", "BA", "AB", "AB", "AB", "AB",
    ]  # fmt: skip


def test_it_keeps_earlier_pairs_when_a_plan_is_lengthened():
    four = make_plan("fast", START, 99, pairs=4).order
    assert make_plan("fast", START, 99, pairs=10).order[:4] == four


def test_it_balances_every_pair():
    for seed in range(200):
        rows = [r for r in plan_schedule("fast", START, seed, pairs=5) if r.phase != "baseline"]
        arms = [r.arm for r in rows]
        for pair in range(5):
            block = arms[14 * pair : 14 * pair + 14]
            assert block.count("A") == block.count("B") == 7


def test_it_gives_each_order_half_the_time():
    orders = Counter(pair_order(str(seed), 1) for seed in range(4000))
    assert abs(orders["AB"] / 4000 - 0.5) < 0.03


def test_it_makes_each_pair_unpredictable_from_the_earlier_ones():
    given_previous: dict[str, Counter] = {"AB": Counter(), "BA": Counter()}
    given_history: dict[tuple[str, ...], Counter] = {}
    for seed in range(2000):
        order = make_plan("fast", START, f"s{seed}", pairs=8).order
        for earlier, now in pairwise(order):
            given_previous[earlier][now] += 1
        given_history.setdefault(order[:3], Counter())[order[3]] += 1
    for counts in given_previous.values():
        assert abs(counts["AB"] / sum(counts.values()) - 0.5) < 0.03
    assert len(given_history) == 8
    for counts in given_history.values():
        assert abs(counts["AB"] / sum(counts.values()) - 0.5) < 0.1
