"""The ACR 2010, 2011 and 2016 fibromyalgia criteria: thresholds, severity and honest wording."""

import pytest

from fibrolog import instruments
from fibrolog.instruments.acr import SITE_KEYS

ACR2010, ACR2011, ACR2016 = (instruments.get(f"acr{y}") for y in (2010, 2011, 2016))


def answers(sites, a=(0, 0, 0), b=(0, 0, 0), months=12, **extra):
    """Return ACR 2011/2016 answers: ticked sites, part A (0-3 x3), part B (yes/no x3)."""
    unknown = set(sites) - set(SITE_KEYS)
    assert not unknown, unknown
    result = {key: key in sites for key in SITE_KEYS}
    result.update(zip(("fatigue", "unrefreshed", "cognitive"), a, strict=True))
    result.update(zip(("headaches", "lower_abdominal", "depression"), b, strict=True))
    result["duration_months"] = months
    result.update(extra)
    return result


def both_sides(*parts):
    return [f"{part}_{side}" for part in parts for side in ("left", "right")]


# The four worked examples of docs/instruments.md, "ACR fibromyalgia criteria" table:
# (sites, part A, part B, months) -> (WPI, SSS, regions, FS, band, meets 2016, meets 2011).
WORKED = [
    (
        [*both_sides("shoulder", "upper_arm", "hip", "upper_leg"), "neck", "lower_back"],
        (2, 2, 1), (1, 0, 0), 12, (10, 6, 5, 16, "severe", True, True),
    ),
    (both_sides("shoulder", "hip"), (3, 3, 2), (1, 0, 1), 6, (4, 10, 4, 14, "severe", True, True)),
    (
        [*both_sides("shoulder"), "neck"],
        (3, 3, 2), (1, 1, 0), 6, (3, 10, 3, 13, "severe", False, True),
    ),
    (
        ["jaw_left", "shoulder_left", "upper_arm_left", "lower_arm_left", "hip_left",
         "upper_leg_left", "lower_leg_left", "chest"],
        (2, 2, 1), (1, 1, 0), 12, (8, 7, 2, 15, "severe", False, True),
    ),
]  # fmt: skip


@pytest.mark.parametrize(("sites", "a", "b", "months", "expected"), WORKED)
def test_it_scores_the_specs_worked_examples(sites, a, b, months, expected):
    wpi, sss, regions, fs, band, meets_2016, meets_2011 = expected
    for instrument, meets in ((ACR2016, meets_2016), (ACR2011, meets_2011)):
        result = instrument.score(answers(sites, a, b, months))
        assert dict(result.subscores) == {"wpi": wpi, "sss": sss, "regions": regions}
        assert (result.total, result.band, result.valid) == (fs, band, True)
        assert result.meets_criteria is meets
        assert result.missing == () and result.flags == ()


def test_it_says_the_thresholds_are_met_and_a_clinician_confirms_never_a_diagnosis():
    met = ACR2016.score(answers(*WORKED[0][:4]))
    assert met.wording.startswith(
        "Your answers meet the 2016 criteria thresholds; a clinician confirms a diagnosis."
    )
    unmet = ACR2016.score(answers(*WORKED[2][:4]))
    assert unmet.wording.startswith(
        "Your answers do not meet the 2016 criteria thresholds; a clinician confirms a diagnosis."
    )
    for text in (met.wording, unmet.wording, ACR2011.score(answers(*WORKED[2][:4])).wording):
        assert "you have fibromyalgia" not in text.lower()


def test_it_reminds_that_2011_also_needs_another_cause_ruled_out():
    result = ACR2011.score(answers(*WORKED[2][:4]))
    assert "rule out another disorder" in result.wording


@pytest.mark.parametrize(
    ("total", "band"),
    [(0, "none"), (3, "none"), (4, "mild"), (7, "mild"), (8, "moderate"), (11, "moderate"),
     (12, "severe"), (19, "severe"), (20, "very severe"), (31, "very severe")],
)  # fmt: skip
def test_it_bands_the_severity_score_at_wolfe_2015s_boundaries(total, band):
    # docs/instruments.md: Wolfe 2015 bands 0-3, 4-7, 8-11, 12-19, 20-31 on FS = WPI + SSS.
    wpi = min(total, 19)
    sss = total - wpi  # spread over the six SSS items: three 0-3, three yes/no
    a = [min(3, max(0, sss - 3 * i)) for i in range(3)]
    b = [1 if i < sss - sum(a) else 0 for i in range(3)]
    result = ACR2016.score(answers(SITE_KEYS[:wpi], a, b))
    assert (result.total, result.band) == (total, band)


def test_it_needs_three_months_of_symptoms():
    heavy = (SITE_KEYS, (3, 3, 3), (1, 1, 1))
    assert ACR2016.score(answers(*heavy, months=2)).meets_criteria is False
    assert ACR2016.score(answers(*heavy, months=3)).meets_criteria is True


SIX = both_sides("shoulder", "hip", "upper_leg")  # WPI 6, 4 regions
SEVEN = [*SIX, "neck"]  # WPI 7, 5 regions


@pytest.mark.parametrize(
    ("wpi_sites", "a", "b", "meets_2016", "meets_2011"),
    [
        # WPI 7 with SSS 5 meets both; SSS 4 meets neither.
        (SEVEN, (2, 2, 1), (0, 0, 0), True, True),
        (SEVEN, (2, 1, 1), (0, 0, 0), False, False),
        # WPI 6 (4 regions) needs SSS 9.
        (SIX, (3, 3, 2), (1, 0, 0), True, True),
        (SIX, (3, 3, 2), (0, 0, 0), False, False),
        # WPI 3 is enough for 2011 but not 2016; WPI 2 for neither.
        (["shoulder_left", "shoulder_right", "neck"], (3, 3, 3), (1, 1, 1), False, True),
        (["shoulder_left", "shoulder_right"], (3, 3, 3), (1, 1, 1), False, False),
    ],
)
def test_it_applies_the_wpi_and_sss_thresholds_at_their_edges(
    wpi_sites, a, b, meets_2016, meets_2011
):
    # docs/instruments.md rules: 2016 (WPI>=7, SSS>=5) or (4<=WPI<=6, SSS>=9); 2011 from WPI 3.
    assert ACR2016.score(answers(wpi_sites, a, b)).meets_criteria is meets_2016
    assert ACR2011.score(answers(wpi_sites, a, b)).meets_criteria is meets_2011


def test_it_needs_generalized_pain_in_four_of_five_regions_for_2016():
    # Every site on the left side, with neck and upper back: WPI 9 but only 3 regions.
    left_and_axial = [k for k in SITE_KEYS if k.endswith("_left")] + ["neck", "upper_back"]
    result = ACR2016.score(answers(left_and_axial, (3, 3, 3), (1, 1, 1)))
    assert result.subscores["regions"] == 2 + 1
    assert result.meets_criteria is False
    assert ACR2011.score(answers(left_and_axial, (3, 3, 3), (1, 1, 1))).meets_criteria is True


def test_it_counts_jaw_chest_and_abdomen_for_the_wpi_but_in_no_region():
    result = ACR2016.score(answers(["jaw_left", "jaw_right", "chest", "abdomen"]))
    assert result.subscores["wpi"] == 4 and result.subscores["regions"] == 0


def test_it_scores_2010_with_the_clinicians_somatic_rating():
    sites = both_sides("shoulder", "hip")
    raw = answers(sites, (3, 3, 2), months=6)
    for key in ("headaches", "lower_abdominal", "depression"):
        del raw[key]
    result = ACR2010.score({**raw, "somatic": 2})
    assert dict(result.subscores) == {"wpi": 4, "sss": 10, "regions": 4}
    assert result.meets_criteria is True and result.wording.startswith("Your answers meet the 2010")
    with pytest.raises(ValueError, match="^headaches: not an item of acr2010"):
        ACR2010.score({**raw, "somatic": 2, "headaches": 1})


def test_it_accepts_true_false_0_and_1_for_yes_no_items_only():
    as_bools = answers(*WORKED[0][:4])
    as_ints = {k: int(v) for k, v in as_bools.items()}
    assert ACR2016.score(as_bools) == ACR2016.score(as_ints)
    with pytest.raises(ValueError, match="^fatigue: expected a whole number 0-3, got True"):
        ACR2016.score({**as_ints, "fatigue": True})


def test_it_scores_severity_but_withholds_the_criteria_without_a_duration():
    result = ACR2016.score(answers(*WORKED[0][:3], months=None))
    assert (result.total, result.valid, result.missing) == (16, True, ("duration_months",))
    assert result.meets_criteria is None
    assert "cannot be compared with the 2016 criteria thresholds" in result.wording


def test_it_cannot_score_an_unanswered_site_and_names_it():
    raw = answers(*WORKED[0][:4])
    raw["neck"] = None
    result = ACR2016.score(raw)
    assert (result.total, result.band, result.valid) == (None, None, False)
    assert result.missing == ("neck",) and result.meets_criteria is None
    assert result.subscores == {"wpi": None, "sss": 6, "regions": None}
    assert result.wording == "Not scorable: neck is unanswered."
