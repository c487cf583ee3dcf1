"""PEG: the mean of three 0-10 items, with no bands (track change instead)."""

import pytest

from fibrolog import instruments

PEG = instruments.get("peg")


def test_it_scores_the_specs_example_as_the_mean_in_full_precision():
    # docs/instruments.md, PEG: 6,7,4 -> 5.67 (mean 17/3; shown to one decimal).
    result = PEG.score({"pain": 6, "enjoyment": 7, "activity": 4})
    assert result.total == pytest.approx(17 / 3)
    assert (result.band, result.valid, result.flags) == (None, True, ())
    assert "5.7 of 10" in result.wording and "no severity bands" in result.wording


def test_it_scores_the_ends_of_the_scale():
    assert PEG.score(dict.fromkeys(PEG.keys, 0)).total == 0
    assert PEG.score(dict.fromkeys(PEG.keys, 10)).total == 10


def test_it_cannot_score_a_missing_item_and_names_it():
    result = PEG.score({"pain": 6, "enjoyment": 7})
    assert (result.total, result.valid, result.missing) == (None, False, ("activity",))
