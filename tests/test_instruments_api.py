"""The instruments package: its public API, its declarations, and its strict validation."""

import dataclasses

import pytest

from fibrolog import instruments
from fibrolog.instruments import Score

ALL = ("acr2010", "acr2011", "acr2016", "fiqr", "phq9", "gad7", "phq15", "peg")


def test_it_lists_the_eight_instruments_in_a_stable_order():
    assert instruments.names() == ALL


def test_it_finds_an_instrument_by_name_whatever_the_case():
    assert instruments.get("PHQ9") is instruments.get("phq9")


def test_it_names_the_choices_when_a_clinician_asks_for_an_unknown_instrument():
    with pytest.raises(LookupError, match="choose one of: acr2010"):
        instruments.get("promis29")


@pytest.mark.parametrize("name", ALL)
def test_it_declares_every_instrument_completely(name):
    instrument = instruments.get(name)
    assert instrument.title and instrument.version and instrument.recall
    assert instrument.source and instrument.licence and instrument.scoring_version
    assert len(set(instrument.keys)) == len(instrument.items)
    for item in instrument.items:
        assert item.text and item.low < item.high
        if item.key != "duration_months":
            assert [o.value for o in item.options] == list(range(item.low, item.high + 1))
            assert all(o.label for o in item.options)


@pytest.mark.parametrize("name", ALL)
def test_it_gives_bands_that_cover_the_whole_range_without_gaps(name):
    instrument = instruments.get(name)
    if not instrument.bands:
        assert name == "peg"  # Krebs 2009: no validated bands
        return
    low, high = instrument.total_range
    assert instrument.bands[0].low == low and instrument.bands[-1].high == high
    for before, after in zip(instrument.bands, instrument.bands[1:], strict=False):
        assert after.low == before.high + 1
    assert instrument.bands_source


def test_it_keeps_the_item_keys_of_the_public_contract():
    # docs/instruments.md: item keys are the project's public contract.
    sites = [
        "jaw_left", "shoulder_left", "upper_arm_left", "lower_arm_left",
        "jaw_right", "shoulder_right", "upper_arm_right", "lower_arm_right",
        "hip_left", "upper_leg_left", "lower_leg_left",
        "hip_right", "upper_leg_right", "lower_leg_right",
        "neck", "upper_back", "lower_back", "chest", "abdomen",
    ]  # fmt: skip
    part_a = ["fatigue", "unrefreshed", "cognitive"]
    part_b = ["headaches", "lower_abdominal", "depression"]
    keys = {name: list(instruments.get(name).keys) for name in ALL}
    assert keys["acr2010"] == [*sites, *part_a, "somatic", "duration_months"]
    assert keys["acr2011"] == keys["acr2016"] == [*sites, *part_a, *part_b, "duration_months"]
    assert keys["fiqr"] == [f"q{n}" for n in range(1, 22)]
    assert keys["phq9"] == [f"q{n}" for n in range(1, 11)]
    assert keys["gad7"] == [f"q{n}" for n in range(1, 8)]
    assert keys["phq15"] == [f"q{n}" for n in range(1, 16)]
    assert keys["peg"] == ["pain", "enjoyment", "activity"]


def test_it_carries_the_loinc_codes_from_the_spec():
    # docs/instruments.md, PHQ-9 / GAD-7 / PHQ-15 / PEG sections
    phq9 = instruments.get("phq9")
    assert (phq9.loinc, phq9.loinc_total) == ("44249-1", "44261-6")
    assert [i.loinc for i in phq9.items] == [
        "44250-9", "44255-8", "44259-0", "44254-1", "44251-7",
        "44258-2", "44252-5", "44253-3", "44260-8", "69722-7",
    ]  # fmt: skip
    gad7 = instruments.get("gad7")
    assert (gad7.loinc, gad7.loinc_total) == ("69737-5", "70274-6")
    assert [i.loinc for i in gad7.items] == [
        "69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7",
    ]  # fmt: skip
    phq15, peg = instruments.get("phq15"), instruments.get("peg")
    assert (phq15.loinc, phq15.loinc_total) == ("69728-4", "70273-8")
    assert (peg.loinc, peg.loinc_total) == ("91148-7", "91147-9")


def test_it_returns_a_frozen_score():
    result = instruments.get("gad7").score(dict.fromkeys(instruments.get("gad7").keys, 0))
    assert isinstance(result, Score)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.total = 99  # type: ignore[misc]
    with pytest.raises(TypeError):
        result.subscores["x"] = 1  # type: ignore[index]
    assert str(result) == result.wording


def test_it_refuses_an_unknown_key_and_names_it():
    with pytest.raises(ValueError, match="^q8: not an item of gad7"):
        instruments.get("gad7").score({"q1": 1, "q8": 1})


@pytest.mark.parametrize(
    ("name", "answers", "message"),
    [
        ("phq9", {"q3": 4}, "^q3: 4 is outside 0-3"),
        ("phq9", {"q3": -1}, "^q3: -1 is outside 0-3"),
        ("fiqr", {"q21": 11}, "^q21: 11 is outside 0-10"),
        ("peg", {"pain": 2.5}, "^pain: expected a whole number 0-10, got 2.5"),
        ("peg", {"pain": "6"}, "^pain: expected a whole number 0-10, got '6'"),
        ("phq9", {"q1": True}, "^q1: expected a whole number 0-3, got True"),
        ("acr2016", {"neck": 2}, "^neck: 2 is outside 0-1"),
        ("acr2016", {"duration_months": 1201}, "^duration_months: 1201 is outside 0-1200"),
    ],
)
def test_it_refuses_an_answer_outside_the_items_range_and_names_the_key(name, answers, message):
    with pytest.raises(ValueError, match=message):
        instruments.get(name).score(answers)


def test_it_treats_none_and_an_absent_key_alike_as_unanswered():
    gad7 = instruments.get("gad7")
    assert gad7.score({"q1": None}) == gad7.score({})
