"""The result of a screen (`InsightsResult`), the entries that need more data, and the state
an update after a new day reuses. Every object round-trips through ``to_dict``/``from_dict``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from fibrolog.analysis import _codec
from fibrolog.analysis.ar1 import Array
from fibrolog.analysis.insight import COLLECTING, KEYS, Insight

__all__ = ["Collecting", "Insights", "InsightsResult", "ScreenState"]

Pair = tuple[str, str]


@dataclass(frozen=True)
class Collecting:
    """Something that cannot be estimated yet, and why (a normal state, not an error)."""

    outcome: str
    factor: str | None
    kind: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """Return the entry's attributes; `from_dict` gives it back."""
        return {"outcome": self.outcome, "factor": self.factor, "kind": self.kind,
                "reason": self.reason}  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Collecting:
        """Return the entry written by `to_dict`."""
        return cls(data["outcome"], data["factor"], data["kind"], data["reason"])

    def summary_dict(self) -> dict[str, Any]:
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
    full_screen_window
        The window of the last full screen.
    two_way
        (outcome, factor) pairs the last full screen found to be two-way links.

    Notes
    -----
    The associations an update does not refit are carried over from the previous result's
    `InsightsResult.all` (and their "collecting data" entries from its `collecting`).
    """

    key: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], int]
    level_sd: dict[str, float]
    modes: dict[str, dict[str, int]]
    prior: tuple[Array, Array] | None
    candidates: frozenset[Pair]
    full_screen_window: tuple[date, date]
    two_way: frozenset[Pair] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        """Return the state as JSON-safe values; `from_dict` gives it back."""
        return {
            "key": [list(self.key[0]), list(self.key[1]), list(self.key[2]), self.key[3]],
            "level_sd": {k: float(v) for k, v in self.level_sd.items()},
            "modes": {k: {t: int(i) for t, i in v.items()} for k, v in self.modes.items()},
            "prior": None if self.prior is None else [_codec.array(p) for p in self.prior],
            "candidates": sorted(list(p) for p in self.candidates),
            "full_screen_window": _codec.window(self.full_screen_window),
            "two_way": sorted(list(p) for p in self.two_way),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScreenState:
        """Return the state written by `to_dict`."""
        outcomes, treatments, factors, lags = data["key"]
        prior = data["prior"]
        first_last = _codec.from_window(data["full_screen_window"])
        assert first_last is not None
        return cls(
            key=(tuple(outcomes), tuple(treatments), tuple(factors), int(lags)),
            level_sd=dict(data["level_sd"]),
            modes={k: dict(v) for k, v in data["modes"].items()},
            prior=None if prior is None else (np.array(prior[0]), np.array(prior[1])),
            candidates=frozenset((o, f) for o, f in data["candidates"]),
            full_screen_window=first_last,
            two_way=frozenset((o, f) for o, f in data["two_way"]),
        )


@dataclass(frozen=True)
class InsightsResult:
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
        What `InsightsModel.update` reuses for a fast update after a new day.
    """

    shown: tuple[Insight, ...]
    all: tuple[Insight, ...]
    collecting: tuple[Collecting, ...]
    window: tuple[date, date] | None
    state: ScreenState | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """Return the whole result as JSON-safe values; `from_dict` gives it back exactly.

        Notes
        -----
        A shown item that is also in `all` is written once, as ``{"ref": index into all}``
        (treatments carry their daily counterfactual, which is long).
        """
        index = {id(item): i for i, item in enumerate(self.all)}
        return {
            "window": _codec.window(self.window),
            "all": [item.to_dict() for item in self.all],
            "shown": [{"ref": index[id(i)]} if id(i) in index else i.to_dict() for i in self.shown],
            "collecting": [item.to_dict() for item in self.collecting],
            "state": None if self.state is None else self.state.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> InsightsResult:
        """Return the result written by `to_dict` (also after a JSON round trip)."""
        every = tuple(Insight.from_dict(item) for item in data["all"])
        return cls(
            shown=tuple(
                every[item["ref"]] if "ref" in item else Insight.from_dict(item)
                for item in data["shown"]
            ),
            all=every,
            collecting=tuple(Collecting.from_dict(c) for c in data["collecting"]),
            window=_codec.from_window(data["window"]),
            state=None if data["state"] is None else ScreenState.from_dict(data["state"]),
        )

    def summary_dict(self) -> dict[str, list[dict[str, Any]]]:
        """Return ``{"shown": [...], "collecting": [...]}`` with the `KEYS` of each entry.

        This is what ``fibrolog analyze --json`` prints (numbers rounded to 4 decimals).
        """
        return {
            "shown": [item.summary_dict() for item in self.shown],
            "collecting": [item.summary_dict() for item in self.collecting],
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

    def associations(self) -> list[Insight]:
        """Return every estimated association (each lag), in the order of `all`."""
        return [item for item in self.all if item.kind == "association"]


#: The earlier name of `InsightsResult` (kept: tests and callers import it).
Insights = InsightsResult
