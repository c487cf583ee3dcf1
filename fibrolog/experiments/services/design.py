"""Before starting: how long the trial must run, from the person's own diary, in plain words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from fibrolog.analysis import power
from fibrolog.analysis.power import Option, Variability
from fibrolog.analysis.trial_length import Line, amount, line, recommend
from fibrolog.analysis.trials import FAST, Plan
from fibrolog.experiments.models import Experiment
from fibrolog.experiments.services.data import daily_series, metric_for
from fibrolog.experiments.services.lifecycle import plan_for

LOOKBACK = 730  # days searched for the last 90 logged ones


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
        mcid = amount(self.plan.mcid, self.unit)
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
    lines: list[Line] = [line(o, unit, o.plan.days == plan.days) for o in options]
    if not any(row.chosen for row in lines):
        lines.append(line(Option(plan, plan.days / 7, chances), unit, True))
        lines.sort(key=lambda row: row.weeks)
    return Advice(plan, var, unit, chances, needed, lines)


def suggested_lengths(user, today: date, primary: str = "pain") -> dict[str, int]:
    """Return the recommended pairs (fast) and treatment days (slow) for a new design."""
    values = daily_series(user, primary, today - timedelta(days=LOOKBACK), today)
    var = power.variability(values)
    return {
        k: v
        for design in ("fast", "slow")
        for k, v in recommend(design, var, today).lengths().items()
    }
