"""Analyse a self-experiment: B - A with the engine, the pre-registered verdict, weeks more.

Used by ``fibrolog experiment analyze`` (a CSV, no database) and by the app's result page.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np

__all__ = ["VERDICTS", "TrialDay", "TrialResult", "analyze_trial"]

VERDICTS = ("likely_helps", "no_meaningful_difference", "not_enough_evidence", "likely_worse")
NOT_ENOUGH = "not_enough_evidence"
# the engine's verdict codes (fibrolog.analysis.effect) -> the CLI's and the app's
CODES = {
    "likely helps": "likely_helps",
    "probably no meaningful difference": "no_meaningful_difference",
    "not enough evidence yet": NOT_ENOUGH,
    "likely makes it worse": "likely_worse",
}
MIN_PER_ARM = 3  # logged, analysed days on each arm before anything is estimated
WORDS = {
    "likely_helps": "Likely helps",
    "no_meaningful_difference": "Probably makes no meaningful difference",
    "not_enough_evidence": "Not enough evidence yet",
    "likely_worse": "Likely makes it worse",
}


@dataclass(frozen=True)
class TrialDay:
    """One day of a trial: its arm (A or B), phase and outcome value (None = not logged)."""

    date: date
    arm: str
    phase: str
    value: float | None


@dataclass(frozen=True)
class TrialResult:
    """B - A on one outcome, with the three probabilities and the verdict of the locked rule.

    `estimate` and the intervals are B minus A in the outcome's units; "helps" means B moves the
    outcome in its better direction (`better` is "lower" for pain). Fields are None when there
    is too little data (`reason` says why).
    """

    outcome: str
    better: str
    mcid: float
    rope: float
    verdict: str
    estimate: float | None = None
    interval80: tuple[float, float] | None = None
    interval95: tuple[float, float] | None = None
    p_helps: float | None = None
    p_meaningful: float | None = None
    p_negligible: float | None = None
    p_harms: float | None = None  # P(B worse by at least the MCID)
    weeks_more: int | None = None
    n: int = 0
    n_a: int = 0
    n_b: int = 0
    n_eff: float | None = None
    rho: float | None = None
    method: str = ""
    reason: str = ""
    reached: tuple[tuple[int, float, float, float], ...] = ()  # (week, estimate, 80% range)

    def to_json(self) -> dict[str, Any]:
        """Return the CLI's `--json` object: the eight contract keys plus `likely_worse`.

        `verdict` keeps to the three contract values; clear harm is reported as
        "not_enough_evidence" (that it helps) with `likely_worse` true, never hidden.
        """

        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        def pair(x: tuple[float, float] | None) -> list[float | None] | None:
            return None if x is None else [r(x[0]), r(x[1])]

        return {
            "estimate": r(self.estimate),
            "interval80": pair(self.interval80),
            "interval95": pair(self.interval95),
            "p_helps": r(self.p_helps),
            "p_meaningful": r(self.p_meaningful),
            "p_negligible": r(self.p_negligible),
            "verdict": "not_enough_evidence" if self.verdict == "likely_worse" else self.verdict,
            "weeks_more": self.weeks_more,
            "likely_worse": self.verdict == "likely_worse",
        }

    def rule(self) -> str:
        """Return the pre-registered verdict rule in words."""
        return (
            f"\u201cLikely helps\u201d needs at least an 80% chance that it helps by "
            f"{self.mcid:g} or more and a 95% chance that it helps at all. \u201cNo meaningful "
            f"difference\u201d needs an 80% chance that the difference is under {self.rope:g}. "
            "\u201cLikely makes it worse\u201d is the mirror image of the first. Anything else "
            "is \u201cnot enough evidence yet\u201d."
        )

    def summary(self) -> list[str]:
        """Return the result in plain words, one sentence a line (no p-values)."""
        if self.estimate is None or self.interval80 is None or self.interval95 is None:
            return [f"{WORDS[self.verdict]}: {self.reason}"]
        way = "lower" if self.estimate < 0 else "higher"
        lo80, hi80 = self.interval80
        lo95, hi95 = self.interval95
        lines = [
            f"{self.outcome.replace('_', ' ').capitalize()} was {abs(self.estimate):.1f} points "
            f"{way} with B than with A (likely between {lo80:+.1f} and {hi80:+.1f}; "
            f"almost surely between {lo95:+.1f} and {hi95:+.1f}).",
            f"Chance that B helps at all: {self.p_helps:.0%}.",
            f"Chance that B helps by {self.mcid:g} or more (a meaningful change): "
            f"{self.p_meaningful:.0%}.",
            f"Chance of practically no difference (less than {self.rope:g}): "
            f"{self.p_negligible:.0%}.",
            f"Verdict: {WORDS[self.verdict]}.",
        ]
        lines += [
            f"Effect reached by week {w}: {m:+.1f} (likely between {lo:+.1f} and {hi:+.1f})."
            for w, m, lo, hi in self.reached
        ]
        if self.weeks_more:
            lines.append(f"About {self.weeks_more} more weeks could settle it.")
        elif self.verdict == "not_enough_evidence":
            lines.append("It sits near the edge of what matters: more weeks may not settle it.")
        return lines


def _sequence(
    days: Sequence[TrialDay], design: str
) -> tuple[date | None, list[float | None], list[str]]:
    """Return the first analysed day, then each calendar day's value (None: a gap) and arm."""
    ordered = sorted(days, key=lambda d: d.date)
    if len({d.date for d in ordered}) != len(ordered):
        raise ValueError("a date appears twice")
    kept = {
        d.date: d
        for d in ordered
        if d.arm in ("A", "B")
        and d.phase != "washout"
        and not (design == "fast" and d.phase == "baseline")
    }
    if not kept:
        return None, [], []
    first, last = min(kept), max(kept)
    values: list[float | None] = []
    arms: list[str] = []
    for i in range((last - first).days + 1):
        d = kept.get(first + timedelta(days=i))
        value = None if d is None or d.value is None else float(d.value)
        values.append(value if value is None or math.isfinite(value) else None)
        arms.append(d.arm if d is not None else (arms[-1] if arms else "A"))
    return first, values, arms


Reached = tuple[tuple[int, float, float, float], ...]


def _fit(
    first: date, values: list[float | None], arms: list[str], design: str, prior: str, **kw: Any
) -> tuple[Any, Reached]:
    """Return the engine's Effect of B - A (and, for a slow design, the effect by week)."""
    from fibrolog.analysis import Effect, insights, two_arm  # the engine (issue 4)

    if design == "fast":
        return two_arm(values, arms, errors="ar1", prior=prior), ()
    import pandas as pd

    name, unit = kw["outcome"], kw["rope"] / 0.5  # the engine scales priors by range / 10
    frame = pd.DataFrame(
        {name: [np.nan if v is None else v for v in values], "B": [a == "B" for a in arms]},
        index=pd.date_range(first, periods=len(values), freq="D"),
        dtype=float,
    )
    worse = {name: "higher" if kw["better"] == "lower" else "lower"}
    res = insights(
        frame, outcomes=[name], treatments=["B"], factors=[], worse=worse, slow={"B"},
        scale={name: (0.0, 10 * unit)},
    )  # fmt: skip
    item = res.find(name, "B")
    if item is None:
        raise ValueError(next((c.reason for c in res.collecting), "no estimate yet"))
    effect = Effect(item.posterior, item.rho, item.n, len(values), item.method, item.evidence)
    reached = getattr(item, "reached_by_week", {})
    return effect, tuple((w, *reached[w]) for w in sorted(reached))


def analyze_trial(
    days: Sequence[TrialDay],
    *,
    design: str,
    outcome: str = "pain",
    better: str = "lower",
    mcid: float = 1.0,
    rope: float = 0.5,
    prior: str = "default",
) -> TrialResult:
    """Estimate B - A and apply the verdict rule; too little data is a result, not an error.

    Parameters
    ----------
    days : sequence of TrialDay
        The trial's days in any order (dates unique). Washout days are analysed out; for a fast
        design the baseline too (it is not randomised and may carry regression to the mean).
    design : {"fast", "slow"}
    outcome, better : str
        The outcome's name and its better direction ("lower" for pain, "higher" for sleep).
    mcid, rope : float
        The meaningful change and the range of practical equivalence, in the outcome's units.
    prior : {"default", "flat"}
        The engine's prior on the effect; "flat" reproduces published analyses.

    Returns
    -------
    TrialResult

    Notes
    -----
    The effect, its probabilities, the verdict and ``weeks_more`` come from the engine
    (``fibrolog.analysis.two_arm`` and ``Effect.verdict``): ``weeks_more`` assumes the estimate
    stays where it is, days keep being logged at the rate so far and the posterior SD shrinks
    as 1/sqrt(days); None when more data would probably not settle it within two years.
    """
    if better not in ("lower", "higher"):
        raise ValueError("better must be 'lower' or 'higher'")
    first, values, arms = _sequence(days, design)
    logged = [a for v, a in zip(values, arms, strict=True) if v is not None]
    n_a = logged.count("A")
    base: dict[str, Any] = {"outcome": outcome, "better": better, "mcid": mcid, "rope": rope}
    base |= {"n": len(logged), "n_a": n_a, "n_b": len(logged) - n_a}
    if min(n_a, len(logged) - n_a) < MIN_PER_ARM:
        why = f"needs {MIN_PER_ARM} logged days on each arm (A has {n_a}, B has {base['n_b']})"
        return TrialResult(verdict=NOT_ENOUGH, reason=why, **base)
    try:
        assert first is not None
        effect, reached = _fit(
            first, values, arms, design, prior, outcome=outcome, better=better, rope=rope
        )
        v = effect.verdict(better=better, mcid=mcid, rope=rope)
        i80, i95 = effect.interval(0.8), effect.interval(0.95)
        numbers = [effect.estimate, *i80, *i95, v.p_helps, v.p_meaningful, v.p_negligible]
    except (ValueError, ArithmeticError, np.linalg.LinAlgError) as exc:
        return TrialResult(verdict=NOT_ENOUGH, reason=f"cannot estimate yet ({exc})", **base)
    if not all(math.isfinite(float(x)) for x in numbers):
        return TrialResult(verdict=NOT_ENOUGH, reason="cannot estimate yet", **base)
    code = CODES[v.code]
    return TrialResult(
        verdict=code,
        estimate=float(effect.estimate),
        interval80=(float(i80[0]), float(i80[1])),
        interval95=(float(i95[0]), float(i95[1])),
        p_helps=float(v.p_helps),
        p_meaningful=float(v.p_meaningful),
        p_negligible=float(v.p_negligible),
        p_harms=float(v.p_worse),
        weeks_more=v.extra_weeks if code == NOT_ENOUGH else 0,
        n_eff=float(effect.n_eff),
        rho=float(effect.rho),
        method=effect.method,
        reached=reached,
        **base,
    )
