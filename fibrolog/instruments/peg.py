"""PEG, three items on pain intensity and interference (Krebs et al. 2009)."""

from __future__ import annotations

from fractions import Fraction

from fibrolog.instruments.base import Clean, Instrument, Item, Score, scale


def score(instrument: Instrument, clean: Clean) -> Score:
    """Return the mean of the three items (0-10); it has no validated bands."""
    missing = instrument.missing(clean)
    if missing:
        return instrument.not_scorable(missing)
    mean = Fraction(sum(value or 0 for value in clean.values()), len(clean))
    total = float(mean)
    return Score(
        instrument.name,
        instrument.scoring_version,
        total=total,
        band=None,
        valid=True,
        wording=f"Your PEG score is {instrument.show(total)} of 10, the average of pain and its "
        "interference with enjoyment and activity. It has no severity bands: watch how it "
        "changes.",
    )


PEG = Instrument(
    name="peg",
    title="PEG",
    version="PEG (2009)",
    recall="the past week",
    items=(
        Item(
            "pain",
            "What number best describes your pain on average in the past week?",
            0,
            10,
            scale("No pain", "Pain as bad as you can imagine"),
        ),
        Item(
            "enjoyment",
            "What number best describes how, during the past week, pain has interfered with "
            "your enjoyment of life?",
            0,
            10,
            scale("Does not interfere", "Completely interferes"),
        ),
        Item(
            "activity",
            "What number best describes how, during the past week, pain has interfered with "
            "your general activity?",
            0,
            10,
            scale("Does not interfere", "Completely interferes"),
        ),
    ),
    scorer=score,
    total_range=(0, 10),
    decimals=1,
    loinc="91148-7",
    loinc_total="91147-9",
    source="Krebs EE, Lorenz KA, Bair MJ, et al. Development and initial validation of the "
    "PEG, a three-item scale assessing pain intensity and interference. J Gen Intern Med "
    "2009;24(6):733-738.",
    licence="Described by its authors as public domain.",
)
