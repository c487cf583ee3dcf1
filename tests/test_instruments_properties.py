"""Properties of every instrument: totals stay in range, grow with each answer, refuse nonsense."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fibrolog import instruments

NAMES = instruments.names()


def complete(instrument):
    """A strategy for a full set of answers (optional items sometimes left out)."""
    fields = {}
    for item in instrument.items:
        value = st.integers(item.low, item.high)
        if item.boolean:
            value = st.booleans() | value
        if item.optional:
            value = st.none() | value
        fields[item.key] = value
    return st.fixed_dictionaries(fields)


def partial(instrument):
    """A strategy for any answers, each item possibly unanswered."""
    fields = {i.key: st.none() | st.integers(i.low, i.high) for i in instrument.items}
    return st.fixed_dictionaries(fields)


@pytest.mark.parametrize("name", NAMES)
@given(data=st.data())
def test_it_keeps_every_complete_total_in_range_and_banded(name, data):
    instrument = instruments.get(name)
    result = instrument.score(data.draw(complete(instrument)))
    low, high = instrument.total_range
    assert result.valid and result.missing == ()
    assert low <= result.total <= high
    assert result.band == (instrument.band_for(result.total) if instrument.bands else None)
    assert result.wording


@pytest.mark.parametrize("name", NAMES)
@given(data=st.data())
def test_it_never_lowers_the_total_when_one_answer_gets_worse(name, data):
    instrument = instruments.get(name)
    answers = data.draw(complete(instrument))
    item = data.draw(st.sampled_from([i for i in instrument.items if i.scored]))
    before = int(answers[item.key] or 0)
    if before == item.high:
        return
    raised = {**answers, item.key: data.draw(st.integers(before + 1, item.high))}
    old, new = instrument.score(answers), instrument.score(raised)
    assert new.total >= old.total
    if old.meets_criteria:  # the ACR criteria are monotone too, duration included
        assert new.meets_criteria


@pytest.mark.parametrize("name", NAMES)
@given(data=st.data())
def test_it_scores_partial_answers_only_when_the_rules_allow(name, data):
    instrument = instruments.get(name)
    answers = data.draw(partial(instrument))
    result = instrument.score(answers)
    unanswered = {i.key for i in instrument.items if not i.optional and answers[i.key] is None}
    assert set(result.missing) == unanswered
    assert result.valid == (result.total is not None)
    assert (result.band is None) or result.valid
    if name == "fiqr":
        allowed = len(unanswered) == 1 and unanswered < {f"q{n}" for n in range(1, 10)}
        assert result.valid == (not unanswered or allowed)
    elif name.startswith("acr"):
        assert result.valid == (unanswered <= {"duration_months"})
        assert (result.meets_criteria is None) == bool(unanswered)
    else:
        assert result.valid == (not unanswered)


@given(answers=partial(instruments.get("phq9")))
def test_it_raises_the_phq9_safety_flag_exactly_when_item_9_is_above_0(answers):
    flags = instruments.get("phq9").score(answers).flags
    assert flags == (("self_harm_risk",) if (answers["q9"] or 0) > 0 else ())


@given(answers=complete(instruments.get("fiqr")))
def test_it_makes_the_fiqr_total_the_sum_of_its_domains(answers):
    result = instruments.get("fiqr").score(answers)
    assert result.total == pytest.approx(sum(result.subscores.values()))


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=50)
@given(data=st.data())
def test_it_refuses_any_answer_outside_an_items_range_naming_the_key(name, data):
    instrument = instruments.get(name)
    item = data.draw(st.sampled_from(instrument.items))
    bad = data.draw(st.integers(max_value=item.low - 1) | st.integers(min_value=item.high + 1))
    with pytest.raises(ValueError, match=f"^{item.key}: "):
        instrument.score({item.key: bad})
