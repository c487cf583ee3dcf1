"""Before starting: how long the trial must run, from the person's own diary, in plain words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from fibrolog.analysis import power
from fibrolog.analysis.power import Option, Variability
from fibrolog.analysis.trials import FAST, Plan, make_plan
from fibrolog.experiments.models import Experiment
from fibrolog.experiments.services.data import daily_series, metric_for
from fibrolog.experiments.services.lifecycle import plan_for

LOOKBACK = 730  # days searched for the last 90 logged ones


@dataclass(frozen=True)
class Line:
    """One row of "what a trial of this length could and could not show"."""

    weeks: int
    could: str
    could_not: str
    chosen: bool


@dataclass(frozen=True)
class Advice:
    plan: Plan
    variability: Variability
    unit: str
    chances: power.Chances  # the plan as designed, if B's true benefit is the MCID
    needed: Option | None
    lines: list[Line]

    @property
    def long_enough(self) -> bool:
        return self.chances.helps_at_all >= power.TARGET

    def headline(self) -> str:
        mcid = _amount(self.plan.mcid, self.unit)
        if self.needed is None:
            return (
                f"Even a year of this design would not reliably detect a change of {mcid} for "
                "you: your scores vary a lot from day to day. It can still show a larger effect."
            )
        need = round(self.needed.weeks)
        detail = f" ({self.needed.plan.pairs} pairs)" if self.plan.design == FAST else ""
        return (
            f"To detect a meaningful change of {mcid}, it needs to run about {need} "
            f"weeks{detail}. As planned it runs {round(self.plan.days / 7)} weeks."
        )


def _amount(value: float, unit: str) -> str:
    if unit == "points":
        unit = "point" if value == 1 else "points"
    return f"{value:g} {unit}".strip()


def _line(option: Option, unit: str, chosen: bool) -> Line:
    c, plan = option.chances, option.plan
    could = (
        f"says \u201clikely helps\u201d 4 times in 5 if the true benefit is "
        f"{_amount(round(c.detectable, 1), unit)} or more"
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
    found = f"finds a true benefit of {_amount(plan.mcid, unit)} {c.helps_at_all:.0%} of the time"
    return Line(round(option.weeks), f"{could}; {found}", could_not, chosen)


def advice(exp: Experiment, today: date) -> Advice:
    """Return how long the experiment must run, from the person's own SD and autocorrelation."""
    plan = plan_for(exp)
    metric = metric_for(exp.user, exp.primary)
    unit = "points" if metric is None or metric.is_scale else metric.unit
    values = daily_series(exp.user, exp.primary, today - timedelta(days=LOOKBACK), today)
    var = power.variability(values)
    se = power.plan_se(plan, var.sd, var.rho)
    chances = power.chances(se, plan.mcid, mcid=plan.mcid, rope=plan.rope)
    options = power.options(plan, var.sd, var.rho)
    needed = power.needed(plan, var.sd, var.rho)
    lines = [_line(o, unit, o.plan.days == plan.days) for o in options]
    if not any(line.chosen for line in lines):
        lines.append(_line(Option(plan, plan.days / 7, chances), unit, True))
        lines.sort(key=lambda line: line.weeks)
    return Advice(plan, var, unit, chances, needed, lines)


def suggested_lengths(user, today: date, primary: str = "pain") -> dict[str, int]:
    """Return the recommended pairs (fast) and treatment days (slow) for a new design."""
    values = daily_series(user, primary, today - timedelta(days=LOOKBACK), today)
    var = power.variability(values)
    out = {}
    for design, key in (("fast", "pairs"), ("slow", "treatment_days")):
        need = power.needed(make_plan(design, today, "suggest"), var.sd, var.rho)
        if need is not None:
            out[key] = getattr(need.plan, key)
    return out
