"""The FIQR: domain arithmetic, the form's missing-data rule and Salaffi's severity categories."""

import pytest

from fibrolog import instruments
from fibrolog.instruments.fiqr import FUNCTION, OVERALL, SYMPTOMS

FIQR = instruments.get("fiqr")


def answers(function, overall, symptoms):
    values = [*function, *overall, *symptoms]
    return dict(zip((*FUNCTION, *OVERALL, *SYMPTOMS), values, strict=True))


# docs/instruments.md, FIQR examples: function 3,4,5,6,2,5,7,3,4; overall 6,5; symptoms
# 7,8,6,9,6,5,4,7,3,6 -> 13.0 + 11 + 30.5 = 54.5 (moderate).
WORKED = answers((3, 4, 5, 6, 2, 5, 7, 3, 4), (6, 5), (7, 8, 6, 9, 6, 5, 4, 7, 3, 6))


def test_it_scores_the_specs_worked_example():
    result = FIQR.score(WORKED)
    assert result.total == pytest.approx(54.5)
    assert dict(result.subscores) == {"function": 13.0, "overall": 11.0, "symptoms": 30.5}
    assert (result.band, result.valid, result.missing) == ("moderate", True, ())
    assert result.wording.startswith("Your FIQR total is 54.5 of 100: moderate")
    assert "Salaffi" in result.wording


def test_it_scores_all_zeros_as_0_and_all_tens_as_100():
    # docs/instruments.md, FIQR examples: all 0 -> 0.0; all 10 -> 100.0.
    assert FIQR.score(dict.fromkeys(FIQR.keys, 0)).total == 0.0
    best = FIQR.score(dict.fromkeys(FIQR.keys, 0))
    worst = FIQR.score(dict.fromkeys(FIQR.keys, 10))
    assert (best.band, worst.total, worst.band) == ("remission", 100.0, "severe")


def test_it_scales_the_function_sum_by_9_8_when_one_function_item_is_missing():
    # The FIQR form's rule (Bennett 2009): 8 answered items of 8 -> sum 64 x 9/8 = 72 -> 24.0.
    raw = answers((8,) * 8 + (None,), (0, 0), (0,) * 10)
    result = FIQR.score(raw)
    assert result.subscores["function"] == 24.0 and result.total == 24.0
    assert (result.valid, result.missing) == (True, ("q9",))
    assert "q9 was unanswered" in result.wording


def test_it_keeps_full_precision_and_shows_one_decimal_rounding_halves_up():
    # Worked example without q3 (5): (34 x 9/8) / 3 = 12.75; + 11 + 30.5 = 54.25.
    result = FIQR.score({**WORKED, "q3": None})
    assert result.total == 54.25
    assert "54.3 of 100" in result.wording


def test_it_cannot_score_two_missing_function_items_and_names_them():
    result = FIQR.score({**WORKED, "q3": None, "q7": None})
    assert (result.total, result.band, result.valid) == (None, None, False)
    assert result.missing == ("q3", "q7")
    assert result.subscores == {"function": None, "overall": 11.0, "symptoms": 30.5}
    assert result.wording == "Not scorable: 2 items are unanswered (q3, q7)."


@pytest.mark.parametrize("key", ["q10", "q11", "q12", "q21"])
def test_it_cannot_score_any_missing_overall_or_symptom_item(key):
    result = FIQR.score({**WORKED, key: None})
    assert (result.total, result.valid, result.missing) == (None, False, (key,))


@pytest.mark.parametrize(
    ("function_sum", "overall_sum", "symptom_sum", "total", "band"),
    [
        (90, 0, 0, 30.0, "remission"),
        (88, 1, 0, 30 + 1 / 3, "remission"),  # rounds to 30
        (0, 0, 61, 30.5, "mild"),  # rounds half-up to 31
        (90, 0, 30, 45.0, "mild"),
        (88, 1, 30, 45 + 1 / 3, "mild"),  # rounds to 45
        (90, 0, 31, 45.5, "moderate"),  # rounds half-up to 46
        (90, 0, 70, 65.0, "moderate"),
        (88, 1, 70, 65 + 1 / 3, "moderate"),  # rounds to 65
        (90, 0, 71, 65.5, "severe"),  # rounds half-up to 66
    ],
)
def test_it_bands_the_total_at_salaffi_2018s_cut_offs_after_rounding(
    function_sum, overall_sum, symptom_sum, total, band
):
    # docs/instruments.md: remission <= 30, mild <= 45, moderate <= 65, severe > 65, on the
    # total rounded half-up (Salaffi et al. 2018 leave 45-46 unassigned; rounding closes it).
    parts = spread(function_sum, 9, 10), spread(overall_sum, 2, 10), spread(symptom_sum, 10, 10)
    result = FIQR.score(answers(*parts))
    assert result.total == pytest.approx(total)
    assert result.band == band


def spread(total, count, high):
    """Return `count` answers of at most `high` that add up to `total`, largest first."""
    assert total <= count * high
    return [min(high, max(0, total - high * i)) for i in range(count)]
