"""What counts as a meaningful change, with the source of each figure: one table for the report.

Questionnaire totals (`meaningful_change`) and daily 0-10 ratings (`daily_change`) are both
declared here, so every page and the report use one threshold per measure.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MeaningfulChange:
    """A minimal important change: `points`, or `fraction` of the baseline; lower is better."""

    instrument: str
    points: float | None
    fraction: float | None
    source: str
    borrowed: bool = False  # True when the figure comes from a related scale

    def threshold(self, baseline: float) -> float | None:
        """Return the change (in points) that counts as meaningful from `baseline`."""
        if self.points is not None:
            return self.points
        if self.fraction is not None and baseline > 0:
            return self.fraction * baseline
        return None

    def classify(
        self, baseline: float, value: float, *, lower_is_better: bool = True
    ) -> str | None:
        """Return "meaningful improvement", "meaningful worsening" or None."""
        limit = self.threshold(baseline)
        if limit is None:
            return None
        if not lower_is_better:
            baseline, value = value, baseline
        if baseline - value >= limit:
            return "meaningful improvement"
        if value - baseline >= limit:
            return "meaningful worsening"
        return None


CHANGES = {
    "fiqr": MeaningfulChange(
        "fiqr",
        None,
        0.14,
        borrowed=True,
        source="14% of baseline, from the original FIQ (Bennett RM et al. Arthritis Res Ther "
        "2009;11:R120); no FIQR-specific value is published, so it is borrowed.",
    ),
    "phq9": MeaningfulChange(
        "phq9",
        5,
        None,
        source="5 points (Löwe B et al. Monitoring depression treatment outcomes with the PHQ-9. "
        "Med Care 2004;42(12):1194-1201).",
    ),
    "gad7": MeaningfulChange(
        "gad7",
        4,
        None,
        source="4 points (Toussaint A et al. Sensitivity to change and minimal clinically "
        "important difference of the GAD-7. J Affect Disord 2020;265:395-401).",
    ),
    "peg": MeaningfulChange(
        "peg",
        None,
        0.30,
        borrowed=True,
        source="30% of baseline, borrowed from pain intensity on a 0-10 scale (Farrar JT et al. "
        "Pain 2001;94(2):149-158).",
    ),
}


# Daily ratings on a 0-10 scale (the check-in's symptoms and factors, and a person's own 0-10
# metrics): one threshold, 1 point, whichever way is better.
PAIN = MeaningfulChange(
    "pain",
    1,
    None,
    source="1 point on the 0-10 scale (Salaffi F et al. Eur J Pain 2004;8(4):283-291; Farrar JT "
    "et al. Pain 2001;94(2):149-158).",
)
ZERO_TEN = MeaningfulChange(
    "0-10 rating",
    1,
    None,
    borrowed=True,
    source="1 point, borrowed from pain intensity on a 0-10 scale (Salaffi 2004; Farrar 2001); "
    "no threshold is published for single daily ratings of the other symptoms.",
)


def daily_change(key: str, *, low: float = 0, high: float = 10) -> MeaningfulChange | None:
    """Return the meaningful-change rule for a daily rating, or None for other scales.

    Only ratings running 0-10 have one (1 point); hours, counts and 0-3 severities have no
    published threshold, so a report gives only the direction of their change.
    """
    if high - low != 10:
        return None
    return PAIN if key == "pain" else ZERO_TEN


def meaningful_change(name: str) -> MeaningfulChange | None:
    """Return the meaningful-change rule for an instrument, or None where none is published."""
    return CHANGES.get(name)
