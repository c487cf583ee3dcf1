"""Frozen results: an estimated effect with its posterior, and the verdict rule fixed in advance.

The verdict rule (docs/methods.md), for an outcome where lower is better:

* "likely helps": P(effect <= -MCID) >= 0.8 and P(effect < 0) >= 0.95;
* "probably no meaningful difference": P(|effect| < ROPE) >= 0.8;
* otherwise "not enough evidence yet", with the extra weeks that would probably settle it.

fibrolog adds the mirror image, "likely makes it worse", so that harm is never reported as
"not enough evidence".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from statistics import NormalDist

from fibrolog.analysis.mixture import Mixture

__all__ = [
    "HELPS",
    "NOT_ENOUGH",
    "NO_DIFFERENCE",
    "WORSE",
    "Effect",
    "Verdict",
    "verdict",
]

HELPS = "likely helps"
WORSE = "likely makes it worse"
NO_DIFFERENCE = "probably no meaningful difference"
NOT_ENOUGH = "not enough evidence yet"
MAX_EXTRA_WEEKS = 104
_N = NormalDist()


def _sign(better: str) -> float:
    """Return -1 when lower is better, +1 when higher is."""
    if better not in ("lower", "higher"):
        raise ValueError("better must be 'lower' or 'higher'")
    return -1.0 if better == "lower" else 1.0


@dataclass(frozen=True)
class Verdict:
    """The outcome of the verdict rule, with the probabilities it used.

    Attributes
    ----------
    code
        One of `HELPS`, `WORSE`, `NO_DIFFERENCE`, `NOT_ENOUGH`.
    p_helps, p_meaningful, p_negligible, p_worse
        P(helps at all), P(helps by at least the MCID), P(|effect| < ROPE) and P(makes it worse
        by at least the MCID).
    extra_weeks
        For `NOT_ENOUGH`: about how many more weeks like the ones so far would probably settle
        it, or None when more data is unlikely to (the estimate sits between the ROPE and the
        MCID) or it would take more than two years.
    rule
        The rule in words.
    """

    code: str
    p_helps: float
    p_meaningful: float
    p_negligible: float
    p_worse: float
    extra_weeks: int | None
    rule: str

    def words(self) -> str:
        """Return the verdict as a sentence for a person."""
        text = self.code[0].upper() + self.code[1:] + "."
        if self.code == NOT_ENOUGH:
            if self.extra_weeks is not None:
                text += f" About {self.extra_weeks} more weeks could settle it."
            else:
                text += (
                    " The effect sits near the edge of what matters: more weeks may not settle it."
                )
        return text


def rule_words(mcid: float, rope: float) -> str:
    """Return the verdict rule in plain words."""
    return (
        f"'Likely helps' needs at least an 80% chance that it helps by {mcid:g} or more and a "
        f"95% chance that it helps at all. 'Probably no meaningful difference' needs an 80% "
        f"chance that the difference is smaller than {rope:g}. Anything else is 'not enough "
        "evidence yet'."
    )


def _decided(benefit: float, sd: float, mcid: float, rope: float) -> bool:
    """Return whether the rule gives a verdict for a normal posterior (benefit > 0: helps)."""
    helps = 1 - _N.cdf((mcid - benefit) / sd) >= 0.8 and 1 - _N.cdf(-benefit / sd) >= 0.95
    worse = _N.cdf((-mcid - benefit) / sd) >= 0.8 and _N.cdf(-benefit / sd) >= 0.95
    none = _N.cdf((rope - benefit) / sd) - _N.cdf((-rope - benefit) / sd) >= 0.8
    return helps or worse or none


def extra_weeks(
    benefit: float, sd: float, n: int, days: int, mcid: float, rope: float
) -> int | None:
    """Return the weeks of further logging after which the rule would probably decide.

    Notes
    -----
    Assumes the estimate stays where it is, days keep being logged at the rate so far, and
    the posterior sd shrinks as 1/sqrt(logged days) (normal approximation).
    """
    if sd <= 0 or n <= 0:
        return None
    per_day = n / max(days, 1)
    for weeks in range(1, MAX_EXTRA_WEEKS + 1):
        if _decided(benefit, sd * math.sqrt(n / (n + 7 * weeks * per_day)), mcid, rope):
            return weeks
    return None


def verdict(
    effect: Effect, *, better: str = "lower", mcid: float = 1.0, rope: float = 0.5
) -> Verdict:
    """Apply the pre-registered verdict rule to an effect.

    Parameters
    ----------
    effect
        The estimated effect (treatment minus no treatment, or B minus A).
    better
        The outcome's better direction: "lower" (pain) or "higher" (sleep quality).
    mcid, rope
        The meaningful change and the range of practical equivalence in the outcome's units
        (pain 0-10: 1 and 0.5).

    Returns
    -------
    Verdict
    """
    sign = _sign(better)
    post = effect.posterior
    if sign < 0:
        p_helps, p_meaningful = post.prob_less(0.0), float(post.cdf(-mcid))
        p_worse_at_all, p_worse = post.prob_greater(0.0), post.prob_greater(mcid)
    else:
        p_helps, p_meaningful = post.prob_greater(0.0), post.prob_greater(mcid)
        p_worse_at_all, p_worse = post.prob_less(0.0), float(post.cdf(-mcid))
    p_negligible = post.prob_between(-rope, rope)
    weeks: int | None = None
    if p_meaningful >= 0.8 and p_helps >= 0.95:
        code = HELPS
    elif p_worse >= 0.8 and p_worse_at_all >= 0.95:
        code = WORSE
    elif p_negligible >= 0.8:
        code = NO_DIFFERENCE
    else:
        code = NOT_ENOUGH
        weeks = extra_weeks(sign * post.mean, post.sd, effect.n, effect.days, mcid, rope)
    return Verdict(
        code=code,
        p_helps=p_helps,
        p_meaningful=p_meaningful,
        p_negligible=p_negligible,
        p_worse=p_worse,
        extra_weeks=weeks,
        rule=rule_words(mcid, rope),
    )


@dataclass(frozen=True, eq=False)
class Effect:
    """An estimated effect: its posterior, the data it rests on, and how it was computed.

    Attributes
    ----------
    posterior
        The posterior of the effect: a mixture of Student-t parts over the rho grid (and the
        half-life grid for a treatment).
    rho
        Posterior mean of the day-to-day autocorrelation of the errors.
    n
        Logged days used.
    days
        Calendar days the analysis window spans.
    method
        The model in a phrase.
    evidence
        "self-experiment", "baseline vs treatment" or "association".
    window
        First and last day, when the data had dates.
    """

    posterior: Mixture
    rho: float
    n: int
    days: int
    method: str
    evidence: str = "self-experiment"
    window: tuple[date, date] | None = None

    @property
    def estimate(self) -> float:
        """The posterior mean of the effect."""
        return self.posterior.mean

    @property
    def sd(self) -> float:
        """The posterior standard deviation."""
        return self.posterior.sd

    @property
    def n_eff(self) -> float:
        """Effective number of independent days, ``n (1 - rho)/(1 + rho)`` (at most n)."""
        return min(float(self.n), self.n * (1.0 - self.rho) / (1.0 + self.rho))

    def interval(self, level: float = 0.95) -> tuple[float, float]:
        """Return the equal-tailed credible interval with probability `level`."""
        return self.posterior.interval(level)

    def prob_greater(self, x: float) -> float:
        """Return P(effect > x)."""
        return self.posterior.prob_greater(x)

    def prob_less(self, x: float) -> float:
        """Return P(effect < x)."""
        return self.posterior.prob_less(x)

    def p_helps(self, better: str = "lower") -> float:
        """Return P(the effect is in the better direction at all)."""
        return self.prob_less(0.0) if _sign(better) < 0 else self.prob_greater(0.0)

    def p_meaningful(self, better: str = "lower", mcid: float = 1.0) -> float:
        """Return P(the effect helps by at least the MCID)."""
        if _sign(better) < 0:
            return float(self.posterior.cdf(-mcid))
        return self.prob_greater(mcid)

    def p_negligible(self, rope: float = 0.5) -> float:
        """Return P(|effect| < ROPE): practically no difference."""
        return self.posterior.prob_between(-rope, rope)

    def verdict(self, better: str = "lower", mcid: float = 1.0, rope: float = 0.5) -> Verdict:
        """Apply the verdict rule (see `verdict`)."""
        return verdict(self, better=better, mcid=mcid, rope=rope)

    def summary(
        self, better: str = "lower", mcid: float = 1.0, rope: float = 0.5, what: str = "B - A"
    ) -> str:
        """Return the effect in plain words: estimate, ranges, chances and the verdict."""
        lo80, hi80 = self.interval(0.8)
        lo95, hi95 = self.interval(0.95)
        v = self.verdict(better, mcid, rope)
        return "\n".join(
            [
                f"{what}: {self.estimate:+.2f} (likely between {lo80:+.2f} and {hi80:+.2f}; "
                f"almost surely between {lo95:+.2f} and {hi95:+.2f}).",
                f"Chance it helps at all: {v.p_helps:.0%}. Chance it helps by {mcid:g} or "
                f"more: {v.p_meaningful:.0%}. Chance of practically no difference (under "
                f"{rope:g}): {v.p_negligible:.0%}.",
                f"Verdict: {v.words()}",
                f"Based on {self.n} logged days (worth about {self.n_eff:.0f} independent days, "
                f"day-to-day carry-over {self.rho:.2f}); {self.method}.",
            ]
        )
