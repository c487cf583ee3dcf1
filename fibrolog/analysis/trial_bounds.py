"""The lengths a self-experiment may have: the one set of bounds behind the plan, forms and CLI.

`fibrolog.analysis.trials.make_plan` checks a plan against these bounds, the power calculation
lengthens a plan within them, and the web designer and ``fibrolog experiment plan`` offer and
explain them, so a change here changes every one of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = [
    "FAST_BASELINE",
    "MCID",
    "MIN_ANALYSED_DAYS",
    "PAIRS",
    "PERIOD",
    "SLOW_BASELINE",
    "TREATMENT_DAYS",
    "WASHOUT",
    "WITHDRAWAL",
    "Bound",
    "fast_lengths",
    "slow_lengths",
]

T = TypeVar("T", int, float)


@dataclass(frozen=True)
class Bound(Generic[T]):
    """An inclusive range and the value used when none is given.

    Attributes
    ----------
    low, high : int or float
        The smallest and largest allowed values.
    default : int or float
        The value a plan gets when none is given.
    """

    low: T
    high: T
    default: T

    def __contains__(self, value: object) -> bool:
        return isinstance(value, int | float) and self.low <= value <= self.high

    def text(self) -> str:
        """Return the range as words, for example ``"4 to 26"``."""
        return f"{self.low:g} to {self.high:g}"

    def check(self, value: T, message: str) -> None:
        """Raise ValueError with `message` (its ``{}`` filled with the range, then `value`)."""
        if value not in self:
            raise ValueError(message.format(self.text(), value))


#: Fast designs: randomised pairs of one period on each arm; at least 4 pairs.
PAIRS = Bound(4, 26, 4)
#: Fast designs: days per period.
PERIOD = Bound(3, 28, 7)
#: Fast designs: days analysed out after each switch of arm.
WASHOUT = Bound(0, 3, 1)
#: Fast designs: analysed days each period keeps after its washout.
MIN_ANALYSED_DAYS = 3
#: Fast designs: days on A before the first pair.
FAST_BASELINE = Bound(7, 14, 7)
#: Slow designs: days on A before the treatment.
SLOW_BASELINE = Bound(28, 182, 28)
#: Slow designs: days on B (12 weeks to a year).
TREATMENT_DAYS = Bound(84, 365, 84)
#: Slow designs: days back on A at the end; 0 (none, the default) or within the range.
WITHDRAWAL = Bound(28, 42, 0)
#: The smallest change that matters (MCID) the designer offers, in points of a 0-10 outcome.
MCID = Bound(0.1, 5.0, 1.0)


def fast_lengths(
    pairs: int, period: int, baseline: int | None, washout: int | None
) -> dict[str, int]:
    """Return a fast design's lengths, defaults filled in; raise ValueError if one is out of bounds.

    Parameters
    ----------
    pairs, period, baseline, washout : int
        As for `fibrolog.analysis.trials.make_plan`; None takes the default.

    Returns
    -------
    dict
        ``pairs``, ``period``, ``baseline`` and ``washout``.
    """
    baseline = FAST_BASELINE.default if baseline is None else baseline
    washout = WASHOUT.default if washout is None else washout
    PAIRS.check(pairs, "a fast design needs {} pairs, not {}")
    PERIOD.check(period, "a period must be {} days, not {}")
    FAST_BASELINE.check(baseline, "a fast design's baseline is {} days, not {}")
    WASHOUT.check(washout, "washout must be {} days, not {}")
    if period - washout < MIN_ANALYSED_DAYS:
        raise ValueError(
            f"leave at least {MIN_ANALYSED_DAYS} analysed days per period after washout"
        )
    return {"pairs": pairs, "period": period, "baseline": baseline, "washout": washout}


def slow_lengths(baseline: int | None, treatment_days: int, withdrawal: int) -> dict[str, int]:
    """Return a slow design's lengths, defaults filled in; raise ValueError if one is out of bounds.

    Parameters
    ----------
    baseline, treatment_days, withdrawal : int
        As for `fibrolog.analysis.trials.make_plan`; a None baseline takes the default.

    Returns
    -------
    dict
        ``baseline``, ``treatment_days`` and ``withdrawal``.
    """
    baseline = SLOW_BASELINE.default if baseline is None else baseline
    SLOW_BASELINE.check(baseline, "a slow design's baseline is {} days, not {}")
    TREATMENT_DAYS.check(treatment_days, "treatment must be {} days, not {}")
    if withdrawal:
        WITHDRAWAL.check(withdrawal, "withdrawal is 0 or {} days, not {}")
    return {"baseline": baseline, "treatment_days": treatment_days, "withdrawal": withdrawal}
