"""The methods appendix: how the report's numbers are made, and every threshold with its source."""

from __future__ import annotations

from typing import Any

from fibrolog.instruments.change import CHANGES, PAIN, ZERO_TEN

TITLES = {"fiqr": "FIQR total", "phq9": "PHQ-9", "gad7": "GAD-7", "peg": "PEG"}


def thresholds() -> list[dict[str, str]]:
    """Return one row per measure: what counts as a meaningful change, and its source."""
    rows = [
        {"measure": "Daily pain (0-10)", "change": "1 point", "source": PAIN.source},
        {"measure": "Other daily ratings (0-10)", "change": "1 point", "source": ZERO_TEN.source},
        {
            "measure": "Hours, counts, 0-3 severities",
            "change": "none published",
            "source": "Only the direction of the change is given.",
        },
    ]
    for name, rule in CHANGES.items():
        change = f"{rule.points:g} points" if rule.points is not None else ""
        if rule.fraction is not None:
            change = f"{rule.fraction:.0%} of the first score"
        rows.append({"measure": TITLES.get(name, name), "change": change, "source": rule.source})
    return rows


def methods() -> dict[str, Any]:
    """Return what the appendix shows (its text is in the template)."""
    return {"thresholds": thresholds()}
