"""Self-experiment plans: randomised on/off pairs, slow-onset blocks, and the locked plan.

A plan is everything fixed before a self-experiment starts: arms, schedule (with its seed),
outcomes, meaningful change, verdict rule. Locking records its canonical JSON and SHA-256.

Arms: ``A`` is the comparison (usual care, nothing, or the current option) and ``B`` what is
tested; effects are B minus A. Phases: ``baseline``, ``washout``, ``treatment``, ``withdrawal``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from fibrolog.analysis import trial_bounds as bounds

__all__ = ["DESIGNS", "PHASES", "Block", "Day", "Plan", "make_plan", "pair_order", "plan_schedule"]

FAST = "fast"
SLOW = "slow"
DESIGNS = (FAST, SLOW)
PHASES = ("baseline", "washout", "treatment", "withdrawal")
FORMAT = "fibrolog-plan/1"
# Plan field -> its key in the canonical JSON's "schedule", per design.
FAST_KEYS = {"baseline": "baseline_days", "pairs": "pairs", "period": "period_days"}
FAST_KEYS |= {"washout": "washout_days"}
SLOW_KEYS = {"baseline": "baseline_days", "treatment_days": "treatment_days"}
SLOW_KEYS |= {"withdrawal": "withdrawal_days"}
RULE = {
    "likely_helps": "P(B better than A by at least the MCID) >= 0.8 and P(B better) >= 0.95",
    "no_meaningful_difference": "P(|B - A| < ROPE) >= 0.8",
    "likely_worse": "P(B worse than A by at least the MCID) >= 0.8 and P(B worse) >= 0.95",
    "otherwise": "not enough evidence yet",
}
ANALYSIS = {
    FAST: "B - A by regression with AR(1) errors over the randomised periods, washout days "
    "and the baseline analysed out; gaps exact; rho averaged over a grid",
    SLOW: "B (treatment) vs A (baseline, withdrawal): onset kernel averaged over half-lives, "
    "slow level, AR(1) errors averaged over rho; full effect and effect by weeks 4, 8, 12",
}


class Day(NamedTuple):
    """One scheduled day."""

    date: date
    phase: str
    arm: str


class Block(NamedTuple):
    """A run of days on one arm (a baseline, one period of a pair, a treatment block)."""

    first: date
    last: date
    phase: str
    arm: str
    washout_days: int


def pair_order(seed: str, pair: int) -> str:
    """Return ``"AB"`` or ``"BA"``: the order of pair number `pair` (1-based) of a plan.

    Parameters
    ----------
    seed : str
        The plan's randomisation seed.
    pair : int
        The pair number, starting at 1.

    Notes
    -----
    The order is the lowest bit of ``sha256(f"{seed}:{pair}")``: it is fixed by the seed on
    every Python and numpy version (no PRNG whose algorithm could change), each pair is a fair
    coin, and, SHA-256 outputs for different inputs being independent for all practical
    purposes, knowing earlier pairs says nothing about the next one.
    """
    digest = hashlib.sha256(f"{seed}:{pair}".encode()).digest()
    return "AB" if digest[-1] & 1 == 0 else "BA"


@dataclass(frozen=True)
class Plan:
    """A validated self-experiment plan; build it with `make_plan`."""

    design: str
    start: date
    seed: str
    baseline: int
    pairs: int = 0
    period: int = 0
    washout: int = 0
    treatment_days: int = 0
    withdrawal: int = 0
    tested: str = "B"
    comparison: str = "A"
    outcomes: tuple[str, ...] = ("pain",)
    mcid: float = 1.0
    rope: float = 0.5

    @property
    def order(self) -> tuple[str, ...]:
        """Each pair's order, ``"AB"`` or ``"BA"`` (empty for a slow design)."""
        return tuple(pair_order(self.seed, p) for p in range(1, self.pairs + 1))

    @property
    def days(self) -> int:
        if self.design == FAST:
            return self.baseline + 2 * self.pairs * self.period
        return self.baseline + self.treatment_days + self.withdrawal

    @property
    def end(self) -> date:
        """The last scheduled day."""
        return self.start + timedelta(days=self.days - 1)

    def blocks(self) -> list[Block]:
        """Return the plan as runs of days on one arm, in order."""
        runs: list[tuple[int, str, str]] = [(self.baseline, "baseline", "A")]
        if self.design == FAST:
            runs += [(self.period, "treatment", arm) for pair in self.order for arm in pair]
        else:
            runs.append((self.treatment_days, "treatment", "B"))
            if self.withdrawal:
                runs.append((self.withdrawal, "withdrawal", "A"))
        out: list[Block] = []
        first = self.start
        previous = "A"
        for length, phase, arm in runs:
            washout = self.washout if arm != previous else 0
            last = first + timedelta(days=length - 1)
            out.append(Block(first, last, phase, arm, washout))
            first, previous = last + timedelta(days=1), arm
        return out

    def schedule(self) -> list[Day]:
        """Return one row per day: date, phase (washout days after each switch), arm."""
        rows: list[Day] = []
        for block in self.blocks():
            for i in range((block.last - block.first).days + 1):
                phase = "washout" if i < block.washout_days else block.phase
                rows.append(Day(block.first + timedelta(days=i), phase, block.arm))
        return rows

    def as_dict(self) -> dict[str, Any]:
        """Return the canonical content: everything fixed before the start."""
        keys = FAST_KEYS if self.design == FAST else SLOW_KEYS
        schedule: dict[str, Any] = {v: getattr(self, k) for k, v in keys.items()}
        schedule |= {"seed": self.seed} | ({"order": list(self.order)} if self.pairs else {})
        return {
            "format": FORMAT,
            "design": self.design,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "arms": {"A": self.comparison, "B": self.tested},
            "outcomes": {"primary": self.outcomes[0], "secondary": list(self.outcomes[1:])},
            "schedule": schedule,
            "mcid": self.mcid,
            "rope": self.rope,
            "analysis": ANALYSIS[self.design],
            "verdict_rule": RULE,
        }

    def to_json(self) -> str:
        """Return the canonical JSON text (sorted keys, no spaces, ASCII)."""
        return json.dumps(self.as_dict(), sort_keys=True, separators=(",", ":"))

    def sha256(self) -> str:
        """Return the hex SHA-256 of `to_json()`: the fingerprint recorded when locking."""
        return hashlib.sha256(self.to_json().encode("ascii")).hexdigest()

    @classmethod
    def from_json(cls, text: str) -> Plan:
        """Rebuild (and re-validate) a plan from its canonical JSON."""
        data = json.loads(text)
        s = data["schedule"]
        lengths = {k: s[v] for k, v in (FAST_KEYS | SLOW_KEYS).items() if v in s}
        return make_plan(
            data["design"],
            date.fromisoformat(data["start"]),
            s["seed"],
            tested=data["arms"]["B"],
            comparison=data["arms"]["A"],
            outcomes=(data["outcomes"]["primary"], *data["outcomes"]["secondary"]),
            mcid=data["mcid"],
            rope=data["rope"],
            **lengths,
        )


def _check(ok: bool, message: str) -> None:
    if not ok:
        raise ValueError(message)


def make_plan(
    design: str,
    start: date,
    seed: str | int,
    *,
    pairs: int = bounds.PAIRS.default,
    period: int = bounds.PERIOD.default,
    baseline: int | None = None,
    washout: int | None = None,
    treatment_days: int = bounds.TREATMENT_DAYS.default,
    withdrawal: int = bounds.WITHDRAWAL.default,
    tested: str = "B",
    comparison: str = "A",
    outcomes: tuple[str, ...] = ("pain",),
    mcid: float = 1.0,
    rope: float = 0.5,
) -> Plan:
    """Validate a design and return its `Plan`; raise ValueError saying what is wrong.

    Parameters
    ----------
    design : {"fast", "slow"}
        Fast on/off (randomised AB pairs) or slow onset (baseline, treatment, withdrawal).
    start : date
        The first day (of the baseline).
    seed : str or int
        The randomisation seed; the pair orders follow from it (`pair_order`).
    pairs, period : int
        Fast designs: pairs of two periods (one on each arm) of `period` days.
    baseline : int, optional
        Days on A before anything else; None takes the design's default.
    washout : int, optional
        Fast designs: days analysed out after each switch of arm; None takes the default.
        Slow designs have none: the onset kernel models it.
    treatment_days, withdrawal : int
        Slow designs: days on B, then days back on A (0: none).
    tested, comparison, outcomes, mcid, rope
        What B and A are; the outcomes (primary first); the meaningful change (MCID) and the
        range of practical equivalence (ROPE), 0 < ROPE <= MCID, in the outcome's units.

    Returns
    -------
    Plan
        A frozen, validated plan.

    Notes
    -----
    Every length's bounds and default are in `fibrolog.analysis.trial_bounds` (4 to 26 pairs
    of 3 to 28 days, a fast baseline of 7 to 14 days, 84 to 365 days of slow treatment, ...).
    """
    _check(design in DESIGNS, f"design must be fast or slow, not {design!r}")
    seed = str(seed).strip()
    _check(0 < len(seed) <= 64 and seed.isprintable(), "seed must be 1 to 64 printable characters")
    _check(bool(outcomes) and all(outcomes), "name at least one outcome (the primary first)")
    _check(mcid > 0 and 0 < rope <= mcid, "need a meaningful change > 0 and 0 < ROPE <= it")
    common: dict[str, Any] = {
        "design": design,
        "start": start,
        "seed": seed,
        "tested": tested.strip() or "B",
        "comparison": comparison.strip() or "A",
        "outcomes": tuple(outcomes),
        "mcid": float(mcid),
        "rope": float(rope),
    }
    if design == FAST:
        common |= bounds.fast_lengths(pairs, period, baseline, washout)
    else:
        _check(not washout, "slow designs have no washout days: the onset kernel models the change")
        common |= bounds.slow_lengths(baseline, treatment_days, withdrawal)
    return Plan(**common)


def plan_schedule(
    design: str,
    start: date,
    seed: str | int,
    *,
    pairs: int = bounds.PAIRS.default,
    period: int = bounds.PERIOD.default,
    baseline: int | None = None,
    washout: int | None = None,
    treatment_days: int = bounds.TREATMENT_DAYS.default,
    withdrawal: int = bounds.WITHDRAWAL.default,
) -> list[Day]:
    """Return the schedule of a design, one `Day` (date, phase, arm) per day.

    Parameters are those of `make_plan`; see it for the defaults and the checks.

    Returns
    -------
    list of Day
        Consecutive days from `start` to the plan's end.
    """
    lengths: dict[str, Any] = {"pairs": pairs, "period": period, "baseline": baseline}
    lengths |= {"washout": washout}
    lengths |= {"treatment_days": treatment_days, "withdrawal": withdrawal}
    return make_plan(design, start, seed, **lengths).schedule()
