"""PHQ-9, GAD-7 and PHQ-15: sums, band boundaries, the PHQ-9 safety flag and optional items."""

import pytest

from fibrolog import instruments

PHQ9, GAD7, PHQ15 = (instruments.get(n) for n in ("phq9", "gad7", "phq15"))


def answers(instrument, values):
    keys = [item.key for item in instrument.items if item.scored]
    return dict(zip(keys, values, strict=True))


def totalling(instrument, total):
    """Return complete answers adding up to `total`, filling items from q1 (q9 of PHQ-9 last)."""
    keys = [item.key for item in instrument.items if item.scored]
    if instrument is PHQ9:
        keys.remove("q9")
        keys.append("q9")  # keep the safety item at 0 unless the total needs it
    high = instrument.items[0].high
    result = {}
    for key in keys:
        result[key] = min(high, total)
        total -= result[key]
    assert total == 0
    return result


# docs/instruments.md, PHQ-9 examples.
@pytest.mark.parametrize(
    ("values", "total", "band", "flags"),
    [
        ((0,) * 9, 0, "minimal", ()),
        ((3,) * 9, 27, "severe", ("self_harm_risk",)),
        ((3, 0, 1, 2, 0, 0, 1, 0, 3), 10, "moderate", ("self_harm_risk",)),
    ],
)
def test_it_scores_the_specs_phq9_examples(values, total, band, flags):
    result = PHQ9.score(answers(PHQ9, values))
    assert (result.total, result.band, result.valid, result.flags) == (total, band, True, flags)


@pytest.mark.parametrize(
    ("total", "band"),
    [(0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"),
     (14, "moderate"), (15, "moderately severe"), (19, "moderately severe"), (20, "severe"),
     (27, "severe")],
)  # fmt: skip
def test_it_bands_phq9_at_kroenke_2001s_boundaries(total, band):
    # docs/instruments.md: 0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe, 20-27.
    assert PHQ9.score(totalling(PHQ9, total)).band == band


def test_it_flags_self_harm_risk_first_when_item_9_is_above_0_whatever_the_total():
    result = PHQ9.score(answers(PHQ9, (0,) * 8 + (1,)))
    assert (result.total, result.band, result.flags) == (1, "minimal", ("self_harm_risk",))
    assert result.wording.startswith("You said you have had thoughts")


def test_it_flags_self_harm_risk_even_when_the_rest_is_unanswered():
    result = PHQ9.score({"q9": 2})
    assert (result.valid, result.total, result.flags) == (False, None, ("self_harm_risk",))
    assert result.missing == tuple(f"q{n}" for n in range(1, 9))
    assert result.wording.startswith("You said you have had thoughts")


def test_it_raises_no_flag_when_item_9_is_0_or_unanswered():
    assert PHQ9.score(answers(PHQ9, (3,) * 8 + (0,))).flags == ()
    assert PHQ9.score({"q1": 3}).flags == ()


def test_it_needs_all_nine_phq9_items_but_not_the_difficulty_item():
    complete = answers(PHQ9, (1,) * 9)
    assert PHQ9.score(complete).valid
    assert PHQ9.score({**complete, "q10": 3}).total == 9  # q10 is asked but not scored
    partial = PHQ9.score({**complete, "q4": None})
    assert (partial.valid, partial.total, partial.missing) == (False, None, ("q4",))
    assert "q4 is unanswered" in partial.wording


def test_it_scores_the_specs_gad7_example():
    # docs/instruments.md, GAD-7: 3,0,1,2,0,0,1 -> 7 mild.
    result = GAD7.score(answers(GAD7, (3, 0, 1, 2, 0, 0, 1)))
    assert (result.total, result.band, result.flags) == (7, "mild", ())
    assert result.wording == "Your GAD-7 score is 7 of 21: mild."


@pytest.mark.parametrize(
    ("total", "band"),
    [(0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"),
     (14, "moderate"), (15, "severe"), (21, "severe")],
)  # fmt: skip
def test_it_bands_gad7_at_spitzer_2006s_boundaries(total, band):
    assert GAD7.score(totalling(GAD7, total)).band == band


@pytest.mark.parametrize(
    ("total", "band"),
    [(0, "minimal"), (4, "minimal"), (5, "low"), (9, "low"), (10, "medium"), (14, "medium"),
     (15, "high"), (30, "high")],
)  # fmt: skip
def test_it_bands_phq15_at_kroenke_2002s_boundaries(total, band):
    assert PHQ15.score(totalling(PHQ15, total)).band == band


def test_it_counts_phq15s_menstrual_item_as_0_when_a_person_leaves_it_out():
    # docs/instruments.md, PHQ-15: q4 may be left out by people who don't menstruate.
    complete = dict.fromkeys(PHQ15.keys, 2)
    without = PHQ15.score({**complete, "q4": None})
    assert (without.total, without.valid, without.missing) == (28, True, ())
    assert PHQ15.score({**complete, "q5": None}).missing == ("q5",)
