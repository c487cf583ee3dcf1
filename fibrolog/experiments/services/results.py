"""The result of a self-experiment (or an interim look), and rows for the clinician report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fibrolog.analysis.trial_analysis import WORDS, TrialDay, TrialResult, analyze_trial
from fibrolog.analysis.trials import Plan
from fibrolog.experiments.models import Deviation, Experiment, PlanVersion
from fibrolog.experiments.services.data import daily_series, metric_for
from fibrolog.experiments.services.lifecycle import paused_days

POOR_ADHERENCE = 0.8  # below this share of logged days as planned, say so
MISSING = 0.2  # above this share of analysed days not logged, say so


@dataclass(frozen=True)
class Adherence:
    as_planned: int
    against: int
    not_logged: int

    @property
    def logged(self) -> int:
        return self.as_planned + self.against

    @property
    def rate(self) -> float | None:
        return self.as_planned / self.logged if self.logged else None

    def words(self) -> str:
        if not self.logged:
            return "Adherence was not logged."
        return (
            f"Followed the plan on {self.as_planned} of {self.logged} logged days "
            f"({self.rate:.0%}); not logged on {self.not_logged} days."
        )


@dataclass(frozen=True)
class OutcomeResult:
    key: str
    name: str
    result: TrialResult


@dataclass(frozen=True)
class ExperimentResult:
    experiment: Experiment
    first: PlanVersion
    latest: PlanVersion
    final: bool  # completed or stopped: the verdict is shown whatever it is
    days_done: int
    days_planned: int
    adherence: Adherence
    outcomes: list[OutcomeResult]
    caveats: list[str]
    deviations: list[Deviation]

    @property
    def primary(self) -> TrialResult:
        return self.outcomes[0].result

    @property
    def show_effect(self) -> bool:
        """An interim look shows progress only, unless the pre-registered rule is met."""
        return self.final or self.primary.verdict != "not_enough_evidence"

    def headline(self) -> str:
        """The verdict when it may be shown, else the progress."""
        if not self.show_effect:
            return self.progress()
        return f"{WORDS[self.primary.verdict]}." + (" (Stopped early.)" if self.stopped else "")

    @property
    def stopped(self) -> bool:
        return self.experiment.status == Experiment.STOPPED

    def progress(self) -> str:
        weeks = self.primary.weeks_more
        more = f", about {weeks} more weeks" if weeks else ""
        return f"Not enough evidence yet{more}. Day {self.days_done} of {self.days_planned}."


def _better(user, key: str) -> tuple[str, str, float]:
    """Return the outcome's name, better direction and range (0-10 by default)."""
    metric = metric_for(user, key)
    if metric is None:
        return key, "lower", 10.0
    return metric.name, "higher" if metric.worse == "lower" else "lower", metric.high - metric.low


def result(exp: Experiment, today: date) -> ExperimentResult | None:
    """Analyse the days done so far by the first locked plan's rule (None for a draft)."""
    versions = list(exp.versions.order_by("number"))
    if not versions:
        return None
    first, latest = Plan.from_json(versions[0].plan), Plan.from_json(versions[-1].plan)
    schedule = list(exp.days.order_by("day"))
    last = min(today, exp.stopped_on or today, latest.end)
    done = [d for d in schedule if d.day <= last]
    paused = paused_days(exp, last)
    taken = dict(exp.adherence.values_list("day", "taken"))
    outcomes = []
    missing = 0
    for key in latest.outcomes:
        name, better, span = _better(exp.user, key)
        values = daily_series(exp.user, key, exp.start, max(last, exp.start))
        days = [
            TrialDay(d.day, d.arm, d.phase, None if d.day in paused else values[i])
            for i, d in enumerate(done)
        ]
        primary_span = _better(exp.user, first.outcomes[0])[2]
        scale = span / primary_span if primary_span else 1.0
        fit = analyze_trial(
            days,
            design=first.design,
            outcome=name,
            better=better,
            mcid=first.mcid * scale,
            rope=first.rope * scale,
        )
        outcomes.append(OutcomeResult(key, name, fit))
        if key == latest.outcomes[0]:
            analysable = [i for i, d in enumerate(done) if _analysable(d, first, paused)]
            missing = sum(values[i] is None for i in analysable)
    as_planned = sum(1 for d in done if d.day in taken and taken[d.day] == (d.arm == "B"))
    logged = sum(1 for d in done if d.day in taken)
    adherence = Adherence(as_planned, logged - as_planned, len(done) - logged)
    deviations = list(exp.deviations.all())
    final = exp.status in (Experiment.STOPPED, Experiment.COMPLETED)
    caveats = _caveats(exp, versions, outcomes[0].result, adherence, len(done), len(schedule))
    if done and missing > MISSING * len(done):
        caveats.append(
            f"{missing} of the days analysed so far have no {outcomes[0].name.lower()} logged."
        )
    caveats += [f"{len(paused)} paused days were left out."] if paused else []
    return ExperimentResult(
        exp,
        versions[0],
        versions[-1],
        final,
        len(done),
        len(schedule),
        adherence,
        outcomes,
        caveats,
        deviations,
    )


def _analysable(day, plan: Plan, paused: set[date]) -> bool:
    baseline = plan.design == "fast" and day.phase == "baseline"
    return day.phase != "washout" and not baseline and day.day not in paused


def _caveats(
    exp: Experiment,
    versions: list[PlanVersion],
    primary: TrialResult,
    adherence: Adherence,
    done: int,
    planned: int,
) -> list[str]:
    out = []
    if exp.status == Experiment.STOPPED:
        out.append(
            f"Stopped early on {exp.stopped_on:%d %b %Y}, after {done} of {planned} days: "
            "the result covers only the days done and is less certain than planned."
        )
    if adherence.rate is not None and adherence.rate < POOR_ADHERENCE:
        out.append(
            f"The plan was followed on only {adherence.rate:.0%} of logged days: the result "
            "compares the planned arms, so it understates what B does when taken."
        )
    if adherence.not_logged > done / 2:
        out.append(
            "Adherence was not logged on most days: it is unknown whether the plan was kept."
        )
    if primary.p_harms is not None and primary.p_harms >= 0.8:
        out.append("B looks worse than A by the meaningful change or more.")
    if len(versions) > 1:
        changes = "; ".join(
            f"v{v.number} from {v.effective_from:%d %b %Y} ({v.reason})" for v in versions[1:]
        )
        out.append(
            f"The plan was changed after it was locked: {changes}. The verdict uses the rule "
            f"locked at the start (v1, {versions[0].sha256[:12]})."
        )
    notes = exp.deviations.filter(kind="note").count()
    if notes:
        out.append(f"{notes} deviation{'s' if notes > 1 else ''} from the plan recorded.")
    if exp.design == "slow":
        out.append(
            "Slow design: B is compared with the weeks before it started, so a change that "
            "happened anyway (season, a flare ending) could look like an effect."
        )
    return out


@dataclass(frozen=True)
class ReportRow:
    """One experiment, in plain words, for the clinician report."""

    title: str
    design: str
    status: str
    dates: str
    verdict: str
    effect: str
    chances: str
    adherence: str
    rule: str
    caveats: tuple[str, ...]
    plan_sha256: str


def report_rows(user, today: date | None = None) -> list[ReportRow]:
    """Return a row per started experiment, newest first (interim looks show progress only)."""
    from fibrolog.accounts.services import today_for

    today = today or today_for(user)
    rows = []
    for exp in Experiment.objects.filter(user=user).exclude(status=Experiment.DRAFT):
        res = result(exp, today)
        if res is None:
            continue
        p = res.primary
        shown = res.show_effect and p.estimate is not None
        lines = p.summary() if shown else [res.progress()]
        rows.append(
            ReportRow(
                title=f"{exp.tested} vs {exp.comparison}, on {res.outcomes[0].name.lower()}",
                design=exp.get_design_display(),
                status=exp.get_status_display(),
                dates=f"{exp.start:%d %b %Y} to {_last_day(exp, res, today):%d %b %Y}",
                verdict=WORDS[p.verdict] if res.show_effect else "Still running",
                effect=lines[0],
                chances=" ".join(lines[1:4]) if shown else "",
                adherence=res.adherence.words(),
                rule=p.rule(),
                caveats=tuple(res.caveats),
                plan_sha256=res.first.sha256,
            )
        )
    return rows


def _last_day(exp: Experiment, res: ExperimentResult, today: date) -> date:
    return min(today, exp.stopped_on or today, Plan.from_json(res.latest.plan).end)
