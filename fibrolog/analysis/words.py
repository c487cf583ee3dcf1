"""Plain words for results: no p-values, no "significant", associations called associations."""

from __future__ import annotations

from fibrolog.analysis.frame import label

__all__ = ["CAVEAT_WORDS", "caveat_sentence", "lag_words", "number", "percent", "span"]

CAVEAT_WORDS = {
    "started during a flare": (
        "It was started during a flare: some of the improvement since may be the flare passing."
    ),
    "two-way link": (
        "The link also runs the other way: a worse day is followed by a change in this factor, "
        "so which drives which is unclear."
    ),
    "few exposed days": "There are still few days with it, so the estimate may move.",
    "short baseline": (
        "There were fewer than four weeks of diary before it started, so the comparison is weak."
    ),
    "same day": "Both were logged on the same day, so which came first is unclear.",
    "short time on it": (
        "It has been taken for less than twelve weeks: a slow treatment may not have reached "
        "its full effect yet."
    ),
}


def caveat_sentence(caveat: str) -> str:
    """Return a caveat as a sentence for a person."""
    return CAVEAT_WORDS.get(caveat, caveat[:1].upper() + caveat[1:] + ".")


def lag_words(lag: int | None) -> str:
    """Return when the outcome follows the factor: "the same day", "the next day", ..."""
    if lag is None or lag == 0:
        return "the same day"
    if lag == 1:
        return "the next day"
    return f"{lag} days later"


def number(x: float) -> str:
    """Return a number with two decimals, no sign noise at zero."""
    return f"{x + 0.0:.2f}"


def percent(p: float | None) -> str:
    """Return a probability as a whole percentage ('<1%' and '>99%' at the ends)."""
    if p is None:
        return "n/a"
    if p < 0.005:
        return "<1%"
    if p > 0.995:
        return ">99%"
    return f"{p:.0%}"


def span(low: float, high: float) -> str:
    """Return an interval in words."""
    return f"between {number(low)} and {number(high)}"


def direction(outcome: str, change: float) -> str:
    """Return "3.1 points more pain" style words for a change of the outcome."""
    more = "more" if change > 0 else "less"
    return f"{abs(change):.2f} points {more} {label(outcome)}"
