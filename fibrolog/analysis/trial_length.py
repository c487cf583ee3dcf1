"""How long a self-experiment must run for a person's variability, and what a shorter one misses.

The app's designer and ``fibrolog experiment plan`` both call `recommend`, so a plan made on
the command line has the length the designer would suggest for the same variability.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fibrolog.analysis import power
from fibrolog.analysis.power import Option, Variability
from fibrolog.analysis.trials import FAST, Plan, make_plan

__all__ = ["Line", "Recommendation", "amount", "line", "recommend", "shortfall"]


@dataclass(frozen=True)
class Line:
    """One row of "what a trial of this length could and could not show"."""

    weeks: int
    could: str
    could_not: str
    chosen: bool


@dataclass(frozen=True)
class Recommendation:
    """The shortest plan of a design long enough for a person's variability (None: not in a year).

    Attributes
    ----------
    design : str
        "fast" or "slow".
    variability : Variability
        The SD and autocorrelation used (the person's own, or the population values).
    needed : Option or None
        The shortest long-enough plan and its chances; None when even 52 weeks are not enough.
    """

    design: str
    variability: Variability
    needed: Option | None

    def lengths(self) -> dict[str, int]:
        """Return the recommended ``pairs`` (fast) or ``treatment_days`` (slow), if any."""
        if self.needed is None:
            return {}
        key = "pairs" if self.design == FAST else "treatment_days"
        return {key: getattr(self.needed.plan, key)}


def recommend(
    design: str, variability: Variability, start: date, *, mcid: float = 1.0, rope: float = 0.5
) -> Recommendation:
    """Return the length a design needs to detect the meaningful change for this variability.

    Parameters
    ----------
    design : {"fast", "slow"}
    variability : Variability
        From `power.variability` (the population values when the diary is short).
    start : date
        The planned first day (it does not change the length).
    mcid, rope : float
        The meaningful change and the range of practical equivalence, in the outcome's units.

    Returns
    -------
    Recommendation
        See `power.needed` for the rule (P(B better) >= 0.95 in 80% of trials when B's true
        benefit equals the MCID).
    """
    plan = make_plan(design, start, "length", mcid=mcid, rope=rope)
    return Recommendation(design, variability, power.needed(plan, variability.sd, variability.rho))


def amount(value: float, unit: str) -> str:
    """Return "1 point", "1.5 points", "30 min"."""
    if unit == "points":
        unit = "point" if value == 1 else "points"
    return f"{value:g} {unit}".strip()


def line(option: Option, unit: str, chosen: bool) -> Line:
    """Return what a plan of this length could and could not show, in plain words."""
    c, plan = option.chances, option.plan
    could = (
        f"says \u201clikely helps\u201d 4 times in 5 if the true benefit is "
        f"{amount(round(c.detectable, 1), unit)} or more"
        if c.detectable < 10
        else "cannot reliably show any benefit"
    )
    if c.no_difference >= 0.5:
        could_not = (
            f"shows \u201cno meaningful difference\u201d {c.no_difference:.0%} of the time "
            "when nothing changes"
        )
    else:
        could_not = "cannot show that it makes no meaningful difference"
    found = f"finds a true benefit of {amount(plan.mcid, unit)} {c.helps_at_all:.0%} of the time"
    return Line(round(option.weeks), f"{could}; {found}", could_not, chosen)


def _size(plan: Plan) -> str:
    if plan.design == FAST:
        return f"{plan.pairs} pairs ({round(plan.days / 7)} weeks)"
    return f"{plan.treatment_days} days on treatment ({round(plan.days / 7)} weeks)"


def shortfall(plan: Plan, variability: Variability, unit: str = "points") -> list[str]:
    """Return plain sentences on what `plan`, and every shorter length offered, could not show.

    Parameters
    ----------
    plan : Plan
        The plan as it will run.
    variability : Variability
        The SD and autocorrelation the chances are computed with.
    unit : str
        The outcome's unit ("points" for 0-10 scales).

    Returns
    -------
    list of str
        One sentence for the plan, then one per shorter length of `power.options` that is not
        long enough; empty lines are never returned.
    """
    sd, rho = variability.sd, variability.rho
    mcid = amount(plan.mcid, unit)
    se = power.plan_se(plan, sd, rho)
    mine = power.chances(se, plan.mcid, mcid=plan.mcid, rope=plan.rope)
    out = [
        f"This plan, {_size(plan)}, finds a true benefit of {mcid} "
        f"{mine.helps_at_all:.0%} of the time"
        + (" (enough: at least 80%)." if mine.helps_at_all >= power.TARGET else ".")
    ]
    shorter = [o for o in power.options(plan, sd, rho) if o.plan.days < plan.days and not o.enough]
    if shorter:
        each = [f"{_size(o.plan)} {o.chances.helps_at_all:.0%}" for o in shorter]
        out.append(
            f"A shorter trial could not show it reliably; the chance to find a true benefit of "
            f"{mcid}: {', '.join(each)}."
        )
    return out
