"""The ACR fibromyalgia criteria, 2010, 2011 (self-report) and 2016, sharing one scoring logic.

The criteria are a published method: the logic follows the papers, the wording is our own.
"""

from __future__ import annotations

from fibrolog.instruments.base import (
    YES_NO,
    Band,
    Clean,
    Instrument,
    Item,
    Score,
    Scorer,
    options,
)

# (key, label, 2016 region); jaw, chest and abdomen count for the WPI but belong to no region.
SITES = (
    ("jaw_left", "Left jaw", None),
    ("shoulder_left", "Left shoulder", "left upper"),
    ("upper_arm_left", "Left upper arm", "left upper"),
    ("lower_arm_left", "Left lower arm", "left upper"),
    ("jaw_right", "Right jaw", None),
    ("shoulder_right", "Right shoulder", "right upper"),
    ("upper_arm_right", "Right upper arm", "right upper"),
    ("lower_arm_right", "Right lower arm", "right upper"),
    ("hip_left", "Left hip or buttock", "left lower"),
    ("upper_leg_left", "Left upper leg", "left lower"),
    ("lower_leg_left", "Left lower leg", "left lower"),
    ("hip_right", "Right hip or buttock", "right lower"),
    ("upper_leg_right", "Right upper leg", "right lower"),
    ("lower_leg_right", "Right lower leg", "right lower"),
    ("neck", "Neck", "axial"),
    ("upper_back", "Upper back", "axial"),
    ("lower_back", "Lower back", "axial"),
    ("chest", "Chest", None),
    ("abdomen", "Belly (abdomen)", None),
)
SITE_KEYS = tuple(key for key, _, _ in SITES)
REGIONS = {
    region: tuple(key for key, _, where in SITES if where == region)
    for region in ("left upper", "right upper", "left lower", "right lower", "axial")
}
PART_A = ("fatigue", "unrefreshed", "cognitive")
PART_B = ("headaches", "lower_abdominal", "depression")

PROBLEM = options("No problem", "Slight or mild", "Moderate", "Severe")

_SITE_ITEMS = tuple(Item(key, label, 0, 1, YES_NO, boolean=True) for key, label, _ in SITES)
_PART_A_ITEMS = (
    Item("fatigue", "How much of a problem was tiredness (fatigue)?", 0, 3, PROBLEM),
    Item("unrefreshed", "How much of a problem was waking up tired or unrefreshed?", 0, 3, PROBLEM),
    Item("cognitive", "How much of a problem was trouble thinking or remembering?", 0, 3, PROBLEM),
)
_PART_B_ITEMS = tuple(
    Item(key, text, 0, 1, YES_NO, boolean=True, recall="the past 6 months")
    for key, text in (
        ("headaches", "Have you been bothered by headaches?"),
        ("lower_abdominal", "Have you had pain or cramps in your lower belly?"),
        ("depression", "Have you been bothered by feeling depressed?"),
    )
)
_SOMATIC = Item(
    "somatic",
    "Clinician's rating: how many other bodily (somatic) symptoms does the person have?",
    0,
    3,
    options("None", "A few", "A moderate number", "A great many"),
)
_DURATION = Item(
    "duration_months",
    "For how many months have these symptoms been present at about this level?",
    0,
    1200,
    unit="months",
)

SOURCES = {
    2010: "Wolfe F, Clauw DJ, Fitzcharles MA, et al. The American College of Rheumatology "
    "preliminary diagnostic criteria for fibromyalgia and measurement of symptom severity. "
    "Arthritis Care Res 2010;62(5):600-610.",
    2011: "Wolfe F, Clauw DJ, Fitzcharles MA, et al. Fibromyalgia criteria and severity scales "
    "for clinical and epidemiological studies: a modification of the ACR Preliminary Diagnostic "
    "Criteria for Fibromyalgia. J Rheumatol 2011;38(6):1113-1122.",
    2016: "Wolfe F, Clauw DJ, Fitzcharles MA, et al. 2016 Revisions to the 2010/2011 "
    "fibromyalgia diagnostic criteria. Semin Arthritis Rheum 2016;46(3):319-329.",
}
VERSIONS = {
    2010: "2010 preliminary diagnostic criteria (somatic symptoms rated by a clinician)",
    2011: "2011 modification (self-report)",
    2016: "2016 revision",
}


def meets_thresholds(year: int, wpi: int, sss: int, regions: int, months: int) -> bool:
    """Return whether the answers meet the given year's criteria thresholds."""
    if months < 3:
        return False
    if year == 2016:
        return regions >= 4 and ((wpi >= 7 and sss >= 5) or (4 <= wpi <= 6 and sss >= 9))
    return (wpi >= 7 and sss >= 5) or (3 <= wpi <= 6 and sss >= 9)


def wording(year: int, meets: bool) -> str:
    """Return the honest sentence about the criteria: thresholds met or not, never a diagnosis."""
    verb = "meet" if meets else "do not meet"
    sentence = (
        f"Your answers {verb} the {year} criteria thresholds; a clinician confirms a diagnosis."
    )
    if meets and year != 2016:
        sentence += (
            f" The {year} criteria also ask a clinician to rule out another disorder that would "
            "explain the pain."
        )
    return sentence


def _scorer(year: int) -> Scorer:
    sss_keys = PART_A + (("somatic",) if year == 2010 else PART_B)

    def score(instrument: Instrument, clean: Clean) -> Score:
        missing = instrument.missing(clean)
        wpi = regions = sss = None
        if all(clean[key] is not None for key in SITE_KEYS):
            wpi = sum(clean[key] or 0 for key in SITE_KEYS)
            regions = sum(any(clean[key] for key in keys) for keys in REGIONS.values())
        if all(clean[key] is not None for key in sss_keys):
            sss = sum(clean[key] or 0 for key in sss_keys)
        subscores = {"wpi": wpi, "sss": sss, "regions": regions}
        if wpi is None or sss is None or regions is None:
            return instrument.not_scorable(missing, subscores=subscores)
        total = wpi + sss
        band = instrument.band_for(total)
        severity = f"Severity score (WPI {wpi} + SSS {sss}): {total} of 31, {band}."
        months = clean["duration_months"]
        if months is None:
            meets = None
            words = (
                f"{severity} Without how long the symptoms have lasted, the answers cannot be "
                f"compared with the {year} criteria thresholds."
            )
        else:
            meets = meets_thresholds(year, wpi, sss, regions, months)
            words = f"{wording(year, meets)} {severity}"
        return Score(
            instrument.name,
            instrument.scoring_version,
            total=total,
            band=band,
            valid=True,
            missing=missing,
            subscores=subscores,
            meets_criteria=meets,
            wording=words,
        )

    return score


def _acr(year: int) -> Instrument:
    part_b = (_SOMATIC,) if year == 2010 else _PART_B_ITEMS
    return Instrument(
        name=f"acr{year}",
        title=f"ACR {year} fibromyalgia criteria",
        version=VERSIONS[year],
        recall="the past week",
        stem="In the past week, where have you had pain or tenderness (tick each area), and how "
        "much of a problem were these symptoms?",
        items=(*_SITE_ITEMS, *_PART_A_ITEMS, *part_b, _DURATION),
        scorer=_scorer(year),
        total_range=(0, 31),
        subscores=("wpi", "sss", "regions"),
        bands=(
            Band(0, 3, "none"),
            Band(4, 7, "mild"),
            Band(8, 11, "moderate"),
            Band(12, 19, "severe"),
            Band(20, 31, "very severe"),
        ),
        bands_source="Wolfe et al. 2015, J Rheumatol 42(8):1494-1501 (polysymptomatic distress)",
        source=SOURCES[year],
        licence="A published method: the scoring logic follows the paper; the form wording is our "
        "own, with attribution to the authors. It is not the American College of Rheumatology's "
        "form.",
    )


ACR2010 = _acr(2010)
ACR2011 = _acr(2011)
ACR2016 = _acr(2016)
