"""The engine's shape: specify, fit, a frozen result that round-trips, and a cheap update."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from fibrolog.analysis import (
    InsightsModel,
    InsightsResult,
    TreatmentInsight,
    demo_frame,
    insights,
    simulate_diary,
)

MODEL = InsightsModel(
    outcomes=("pain", "fatigue"),
    treatments=("ldn",),
    worse={"pain": "higher", "fatigue": "higher"},
)


@pytest.fixture(scope="module")
def diary():
    """A year and a half of the demo diary with LDN."""
    return demo_frame(simulate_diary(years=1.5, seed=6, end=date(2025, 6, 30)))


@pytest.fixture(scope="module")
def yesterday(diary):
    """The full screen up to the day before the last."""
    return MODEL.fit(diary.iloc[:-1])


def through_json(result: InsightsResult) -> InsightsResult:
    return InsightsResult.from_dict(json.loads(json.dumps(result.to_dict(), allow_nan=False)))


def test_it_gives_back_a_real_fit_from_its_dict(yesterday):
    again = through_json(yesterday)
    assert again == yesterday
    assert again.to_dict() == yesterday.to_dict()  # the update's state too
    assert any(isinstance(i, TreatmentInsight) for i in again.shown)
    ldn = again.find("pain", "ldn")
    assert (
        ldn is not None and ldn.counterfactual() == yesterday.find("pain", "ldn").counterfactual()
    )
    assert again.summary() == yesterday.summary()


def test_it_is_frozen(yesterday):
    with pytest.raises(dataclasses.FrozenInstanceError):
        yesterday.shown[0].estimate = 0.0  # type: ignore[misc]


def test_it_notices_a_changed_number(yesterday):
    data = yesterday.to_dict()
    data["all"][0]["estimate"] += 1e-9
    assert InsightsResult.from_dict(data) != yesterday


def test_it_updates_from_a_stored_result_as_from_the_live_one(diary, yesterday):
    live = MODEL.update(yesterday, diary)
    stored = MODEL.update(through_json(yesterday), diary)
    assert stored == live and stored.state is not None
    assert stored.state.full_screen_window == yesterday.window


def test_it_is_the_same_screen_through_the_one_call(diary, yesterday):
    one_call = insights(
        diary,
        outcomes=["pain", "fatigue"],
        treatments=["ldn"],
        worse={"pain": "higher", "fatigue": "higher"},
        previous=yesterday,
    )
    assert one_call == MODEL.update(yesterday, diary)


def test_an_update_of_another_screen_is_a_full_screen(diary, yesterday):
    other = dataclasses.replace(MODEL, outcomes=("pain",))
    assert other.update(yesterday, diary) == other.fit(diary)


def test_it_keeps_the_summary_keys_of_the_command_line(yesterday):
    from fibrolog.analysis.insight import KEYS

    data = yesterday.summary_dict()
    assert set(data) == {"shown", "collecting"}
    assert all(list(item) == list(KEYS) for item in data["shown"] + data["collecting"])
