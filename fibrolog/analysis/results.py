"""The set of insights from one screen, and the entries that need more data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fibrolog.analysis.ar1 import Array
from fibrolog.analysis.insight import COLLECTING, KEYS, Insight

__all__ = ["Collecting", "Insights", "ScreenState"]


@dataclass(frozen=True)
class Collecting:
    """Something that cannot be estimated yet, and why (a normal state, not an error)."""

    outcome: str
    factor: str | None
    kind: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """Return the entry with the same keys as an insight (numbers None, reason as caveat)."""
        out: dict[str, Any] = dict.fromkeys(KEYS)
        out.update(
            outcome=self.outcome,
            factor=self.factor,
            kind=self.kind,
            verdict=COLLECTING,
            evidence=None,
            caveats=[self.reason],
        )
        return out

    def summary(self) -> str:
        """Return the reason in words."""
        return f"Collecting data: {self.reason}."


@dataclass(frozen=True, eq=False)
class ScreenState:
    """What an update after a new day reuses from a full screen.

    Attributes
    ----------
    key
        Outcomes, treatments, factors and lags screened (an update needs the same).
    level_sd
        Outcome -> the level's step sd chosen by marginal likelihood.
    modes
        Outcome -> treatment -> index of its most likely half-life.
    prior
        The pooled prior of the associations: component sds and weights.
    candidates
        (outcome, factor) pairs an update refits: those shown or within reach.
    associations, collecting
        The full screen's association insights and association entries needing more data,
        carried over for the pairs an update does not refit.
    full_screen_window
        The window of the last full screen.
    two_way
        (outcome, factor) pairs the last full screen found to be two-way links.
    """

    key: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], int]
    level_sd: dict[str, float]
    modes: dict[str, dict[str, int]]
    prior: tuple[Array, Array] | None
    candidates: frozenset[tuple[str, str]]
    associations: tuple[Insight, ...]
    collecting: tuple[Collecting, ...]
    full_screen_window: tuple[date, date]
    two_way: frozenset[tuple[str, str]] = frozenset()


@dataclass(frozen=True)
class Insights:
    """The result of a screen: what to show, everything estimated, what needs more data.

    Attributes
    ----------
    shown
        What a person is shown: the treatments' effects and at most about five associations
        that pass the false-direction rule, best first.
    all
        Every association (each lag) and treatment effect that could be estimated.
    collecting
        What needs more data, with the reason.
    window
        First and last diary day (None for an empty diary).
    state
        What `insights(..., previous=this)` reuses for a fast update after a new day.
    """

    shown: tuple[Insight, ...]
    all: tuple[Insight, ...]
    collecting: tuple[Collecting, ...]
    window: tuple[date, date] | None
    state: ScreenState | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, list[dict[str, Any]]]:
        """Return ``{"shown": [...], "collecting": [...]}`` for JSON."""
        return {
            "shown": [item.to_dict() for item in self.shown],
            "collecting": [item.to_dict() for item in self.collecting],
        }

    def summary(self) -> str:
        """Return what is shown, in plain words."""
        if not self.shown:
            return "Nothing stands out yet." + (
                " Some things need more data." if self.collecting else ""
            )
        return "\n\n".join(item.summary() for item in self.shown)

    def find(self, outcome: str, factor: str, lag_days: int | None = None) -> Insight | None:
        """Return the estimated insight for an outcome and factor (and lag), if any."""
        for item in self.all:
            if (item.outcome, item.factor) == (outcome, factor) and (
                lag_days is None or item.lag_days == lag_days
            ):
                return item
        return None
