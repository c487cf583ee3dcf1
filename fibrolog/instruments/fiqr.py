"""FIQR, the Revised Fibromyalgia Impact Questionnaire (Bennett et al. 2009), 21 items 0-10."""

from __future__ import annotations

from fractions import Fraction

from fibrolog.instruments.base import Band, Clean, Instrument, Item, Score, scale

_FUNCTION = (
    "Brush or comb your hair",
    "Walk continuously for 20 minutes",
    "Prepare a homemade meal",
    "Vacuum, scrub or sweep floors",
    "Lift and carry a bag full of groceries",
    "Climb one flight of stairs",
    "Change bed sheets",
    "Sit in a chair for 45 minutes",
    "Go shopping for groceries",
)
_OVERALL = (
    "Fibromyalgia prevented me from accomplishing goals for the week",
    "I was completely overwhelmed by my fibromyalgia symptoms",
)
_SYMPTOMS = (
    ("Please rate your level of pain", "No pain", "Unbearable pain"),
    ("Please rate your level of energy", "Lots of energy", "No energy"),
    ("Please rate your level of stiffness", "No stiffness", "Severe stiffness"),
    ("Please rate the quality of your sleep", "Awoke well rested", "Awoke very tired"),
    ("Please rate your level of depression", "No depression", "Very depressed"),
    ("Please rate your level of memory problems", "Good memory", "Very poor memory"),
    ("Please rate your level of anxiety", "Not anxious", "Very anxious"),
    ("Please rate your level of tenderness to touch", "No tenderness", "Very tender"),
    ("Please rate your level of balance problems", "No imbalance", "Severe imbalance"),
    (
        "Please rate your level of sensitivity to loud noises, bright lights, odors and cold",
        "No sensitivity",
        "Extreme sensitivity",
    ),
)

FUNCTION = tuple(f"q{n}" for n in range(1, 10))
OVERALL = ("q10", "q11")
SYMPTOMS = tuple(f"q{n}" for n in range(12, 22))


def _domain(clean: Clean, keys: tuple[str, ...]) -> tuple[int, list[str]]:
    return sum(clean[k] or 0 for k in keys), [k for k in keys if clean[k] is None]


def score(instrument: Instrument, clean: Clean) -> Score:
    """Return function/3 + overall + symptoms/2 (0-100), following the form's missing-data rule.

    One unanswered function item is allowed (the function sum is scaled by 9/8); any other
    unanswered item makes the total not scorable, though complete domains are still reported.
    """
    subscores: dict[str, Fraction | None] = {}
    function_sum, function_missing = _domain(clean, FUNCTION)
    if len(function_missing) <= 1:
        scaled = Fraction(function_sum * 9, 8) if function_missing else Fraction(function_sum)
        subscores["function"] = scaled / 3
    else:
        subscores["function"] = None
    overall_sum, overall_missing = _domain(clean, OVERALL)
    subscores["overall"] = None if overall_missing else Fraction(overall_sum)
    symptom_sum, symptom_missing = _domain(clean, SYMPTOMS)
    subscores["symptoms"] = None if symptom_missing else Fraction(symptom_sum, 2)
    shown = {k: None if v is None else float(v) for k, v in subscores.items()}

    missing = instrument.missing(clean)
    parts = [v for v in subscores.values() if v is not None]
    if len(parts) < len(subscores):
        return instrument.not_scorable(missing, subscores=shown)
    exact = sum(parts, Fraction(0))
    band = instrument.band_for(exact)
    words = (
        f"Your FIQR total is {instrument.show(float(exact))} of 100: {band} "
        f"(Salaffi et al. 2018 categories)."
    )
    if missing:
        words += f" {missing[0]} was unanswered, so the function score was scaled by 9/8."
    return Score(
        instrument.name,
        instrument.scoring_version,
        total=float(exact),
        band=band,
        valid=True,
        missing=missing,
        subscores=shown,
        wording=words,
    )


FIQR = Instrument(
    name="fiqr",
    title="FIQR",
    version="FIQR (2009)",
    recall="the past 7 days",
    stem="Over the past 7 days: how difficult your fibromyalgia made each activity (q1-q9), "
    "its overall impact (q10-q11) and how intense your symptoms were (q12-q21).",
    items=(
        *(
            Item(key, text, 0, 10, scale("No difficulty", "Very difficult"))
            for key, text in zip(FUNCTION, _FUNCTION, strict=True)
        ),
        *(
            Item(key, text, 0, 10, scale("Never", "Always"))
            for key, text in zip(OVERALL, _OVERALL, strict=True)
        ),
        *(
            Item(key, text, 0, 10, scale(low, high))
            for key, (text, low, high) in zip(SYMPTOMS, _SYMPTOMS, strict=True)
        ),
    ),
    scorer=score,
    total_range=(0, 100),
    subscores=("function", "overall", "symptoms"),
    decimals=1,
    bands=(
        Band(0, 30, "remission"),
        Band(31, 45, "mild"),
        Band(46, 65, "moderate"),
        Band(66, 100, "severe"),
    ),
    bands_source="Salaffi et al. 2018, Clin Exp Rheumatol 36(6):1074-1081",
    source="Bennett RM, Friend R, Jones KD, Ward R, Han BK, Ross RL. The Revised Fibromyalgia "
    "Impact Questionnaire (FIQR): validation and psychometric properties. Arthritis Res Ther "
    "2009;11(4):R120. doi:10.1186/ar2783",
    licence="The article and its printable form (additional file) are published under CC BY "
    "2.0: reproduced with this citation. Commercial distributors should confirm permission "
    "with the authors.",
)
