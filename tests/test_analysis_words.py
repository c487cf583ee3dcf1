"""Results say themselves in plain words: associations as associations, never p-values."""

from __future__ import annotations

from datetime import date

import pytest

from fibrolog.analysis import demo_frame, insights, simulate_diary

FORBIDDEN = ("p-value", "p =", "p<", "significan", "correlation", "r =")


@pytest.fixture(scope="module")
def result():
    frame = demo_frame(simulate_diary(years=2, seed=4, end=date(2025, 6, 30)))
    return insights(frame, outcomes=["pain", "fatigue", "anxiety"], treatments=["ldn"])


def test_it_calls_an_association_an_association(result):
    linked = [item for item in result.shown if item.kind == "association"]
    assert linked
    for item in linked:
        text = item.summary()
        assert "association in your own diary, not a tested effect" in text
        assert not any(word in text.lower() for word in FORBIDDEN)


def test_it_explains_a_treatment_against_the_counterfactual(result):
    text = result.find("pain", "ldn").summary()
    assert "than expected without it" in text and "not with the week before" in text
    assert "week 4" in text and "week 12" in text
    assert not any(word in text.lower() for word in FORBIDDEN)


def test_it_words_a_yes_no_factor_by_its_days(result):
    item = result.find("pain", "tag:overdid it", 1)
    assert item.summary().startswith("The day after 'overdid it', pain was")


def test_it_flags_a_same_day_link_whose_order_is_unclear(result):
    item = result.find("anxiety", "stress", 0)
    assert "same day" in item.caveats
    assert "which came first is unclear" in item.summary()


def test_it_summarises_the_whole_screen(result):
    text = result.summary()
    assert text.count("\n\n") == len(result.shown) - 1
