"""Design, lock, run, pause, change and stop a self-experiment; today's assignments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from fibrolog.analysis.trials import Plan, make_plan
from fibrolog.experiments.models import (
    Adherence,
    Deviation,
    Experiment,
    PlanVersion,
    ScheduleDay,
)

PARAMS = ("pairs", "period", "baseline", "washout", "treatment_days", "withdrawal")
CHANGEABLE = ("pairs", "treatment_days", "withdrawal", "mcid", "secondary")
ROPE = 0.5  # points on a 0-10 scale: "practically no difference" (analysis spec)


class ExperimentError(ValueError):
    """A person-readable reason the action was refused."""


def plan_for(exp: Experiment, **changes: Any) -> Plan:
    """Return the experiment's plan (with `changes` applied); raise ExperimentError if invalid."""
    params = {k: v for k, v in {**exp.params, **changes}.items() if k in PARAMS}
    secondary = changes.get("secondary", exp.secondary)
    mcid = float(changes.get("mcid", exp.mcid))
    try:
        return make_plan(
            exp.design,
            changes.get("start", exp.start),
            exp.seed,
            tested=exp.tested,
            comparison=exp.comparison,
            outcomes=(exp.primary, *[s for s in secondary if s != exp.primary]),
            mcid=mcid,
            rope=min(ROPE * _scale(exp.primary), mcid),
            **params,
        )
    except ValueError as exc:
        raise ExperimentError(str(exc)[:1].upper() + str(exc)[1:] + ".") from None


def _scale(key: str) -> float:
    """The ROPE is 0.5 on a 0-10 scale; other ranges are scaled (0-3 severities: 0.15)."""
    from fibrolog.diary.models import Metric

    metric = Metric.objects.filter(key=key, owner__isnull=True).first()
    return 1.0 if metric is None else (metric.high - metric.low) / 10


def save_draft(exp: Experiment) -> Experiment:
    """Validate and save a draft experiment."""
    if exp.locked:
        raise ExperimentError("This experiment has started; change its plan instead.")
    plan_for(exp)
    exp.save()
    return exp


def _write_schedule(exp: Experiment, plan: Plan, since: date) -> None:
    ScheduleDay.objects.filter(experiment=exp, day__gte=since).delete()
    ScheduleDay.objects.bulk_create(
        ScheduleDay(experiment=exp, day=d.date, phase=d.phase, arm=d.arm)
        for d in plan.schedule()
        if d.date >= since
    )


def _lock(exp: Experiment, plan: Plan, effective: date, reason: str = "") -> PlanVersion:
    number = exp.versions.count() + 1
    return PlanVersion.objects.create(
        experiment=exp,
        number=number,
        plan=plan.to_json(),
        sha256=plan.sha256(),
        locked_at=timezone.now(),
        effective_from=effective,
        reason=reason,
    )


@transaction.atomic
def start(exp: Experiment, today: date) -> PlanVersion:
    """Lock the plan (canonical JSON, SHA-256, time) and write the schedule; it starts then."""
    if exp.locked:
        raise ExperimentError("This experiment has already started.")
    if exp.start < today:
        exp.start = today
    plan = plan_for(exp)
    version = _lock(exp, plan, exp.start)
    _write_schedule(exp, plan, exp.start)
    exp.status = Experiment.RUNNING
    exp.save(update_fields=["start", "status"])
    return version


def current_plan(exp: Experiment) -> Plan | None:
    """Return the latest locked plan (None for a draft)."""
    version = exp.versions.order_by("-number").first()
    return Plan.from_json(version.plan) if version else None


@transaction.atomic
def change_plan(exp: Experiment, today: date, reason: str, **changes: Any) -> PlanVersion:
    """Lock a new plan version from `today`; the past schedule must not change."""
    if not exp.active:
        raise ExperimentError("Only a running or paused experiment's plan can be changed.")
    if not reason.strip():
        raise ExperimentError("Say why the plan changes: it is shown with the result.")
    unknown = set(changes) - set(CHANGEABLE)
    if unknown:
        raise ExperimentError(f"These cannot change once started: {', '.join(sorted(unknown))}.")
    before = current_plan(exp)
    params = {k: v for k, v in changes.items() if k in PARAMS}
    plan = plan_for(exp, **changes)
    if plan.end < today:
        raise ExperimentError("The new plan would already be over; stop the experiment instead.")
    past = [d for d in plan.schedule() if d.date < today]
    if before is None or past != [d for d in before.schedule() if d.date < today]:
        raise ExperimentError("That change would rewrite days already done.")
    exp.params = {**exp.params, **params}
    exp.mcid = plan.mcid
    exp.secondary = list(plan.outcomes[1:])
    exp.save(update_fields=["params", "mcid", "secondary"])
    version = _lock(exp, plan, today, reason.strip())
    _write_schedule(exp, plan, today)
    what = "; ".join(_differences(before, plan)) or "no change to the plan's content"
    Deviation.objects.create(
        experiment=exp, day=today, kind="plan", text=f"v{version.number}: {what}. {reason}"[:500]
    )
    return version


def _differences(before: Plan, after: Plan) -> list[str]:
    old, new = before.as_dict(), after.as_dict()
    out = []
    for key in ("mcid", "outcomes", "end"):
        if old[key] != new[key]:
            out.append(f"{key} {old[key]} -> {new[key]}")
    for key, value in new["schedule"].items():
        if key != "order" and old["schedule"].get(key) != value:
            out.append(f"{key} {old['schedule'].get(key)} -> {value}")
    return out


@transaction.atomic
def pause(exp: Experiment, day: date, text: str = "") -> None:
    """Pause from `day`: days until it resumes are analysed out."""
    if exp.status != Experiment.RUNNING:
        raise ExperimentError("Only a running experiment can be paused.")
    exp.status = Experiment.PAUSED
    exp.save(update_fields=["status"])
    Deviation.objects.create(experiment=exp, day=day, kind="pause", text=text[:500])


@transaction.atomic
def resume(exp: Experiment, day: date) -> None:
    """Resume on `day`, following the locked calendar (the schedule does not shift)."""
    if exp.status != Experiment.PAUSED:
        raise ExperimentError("Only a paused experiment can be resumed.")
    exp.status = Experiment.RUNNING
    exp.save(update_fields=["status"])
    Deviation.objects.create(experiment=exp, day=day, kind="resume")


@transaction.atomic
def stop(exp: Experiment, day: date, text: str = "") -> None:
    """Stop early after `day` (the last day of the trial); the result says so."""
    if not exp.active:
        raise ExperimentError("Only a running or paused experiment can be stopped.")
    exp.status = Experiment.STOPPED
    exp.stopped_on = day
    exp.save(update_fields=["status", "stopped_on"])
    Deviation.objects.create(experiment=exp, day=day, kind="stop", text=text[:500])


def note(exp: Experiment, day: date, text: str) -> Deviation:
    """Record a deviation from the plan on `day` (a missed switch, an extra dose, illness)."""
    if not exp.locked:
        raise ExperimentError("Deviations are recorded once the experiment has started.")
    if not text.strip():
        raise ExperimentError("Describe what happened.")
    return Deviation.objects.create(experiment=exp, day=day, kind="note", text=text.strip()[:500])


def record_taken(exp: Experiment, day: date, taken: bool | None) -> None:
    """Record whether B was taken (or done) on `day`; None clears it."""
    if not exp.days.filter(day=day).exists():
        raise ExperimentError(f"{day.isoformat()} is not a day of this experiment.")
    if taken is None:
        Adherence.objects.filter(experiment=exp, day=day).delete()
    else:
        Adherence.objects.update_or_create(experiment=exp, day=day, defaults={"taken": taken})


def refresh_status(exp: Experiment, today: date) -> Experiment:
    """Mark an active experiment completed once its last scheduled day has passed."""
    if exp.active:
        last = exp.days.order_by("-day").values_list("day", flat=True).first()
        if last is not None and today > last:
            exp.status = Experiment.COMPLETED
            exp.save(update_fields=["status"])
    return exp


def paused_days(exp: Experiment, until: date) -> set[date]:
    """Return the days the experiment was paused (pause day to the day before resuming)."""
    days: set[date] = set()
    since: date | None = None
    for d in exp.deviations.filter(kind__in=("pause", "resume")).order_by("day", "created_at"):
        if d.kind == "pause" and since is None:
            since = d.day
        elif d.kind == "resume" and since is not None:
            days |= {since + timedelta(i) for i in range((d.day - since).days)}
            since = None
    if since is not None:
        days |= {since + timedelta(i) for i in range((until - since).days + 1)}
    return days


@dataclass(frozen=True)
class Assignment:
    """What one running experiment asks for on a day, and what was logged."""

    experiment: Experiment
    day: date
    arm: str
    phase: str
    taken: bool | None

    @property
    def label(self) -> str:
        return self.experiment.tested if self.arm == "B" else self.experiment.comparison


def assignments(user, day: date) -> list[Assignment]:
    """Return the day's assignment for each of the person's running experiments."""
    rows = list(
        ScheduleDay.objects.filter(
            experiment__user=user, experiment__status=Experiment.RUNNING, day=day
        ).select_related("experiment")
    )
    if not rows:
        return []  # most days of most people: no experiment running, nothing more to read
    taken = dict(
        Adherence.objects.filter(experiment__user=user, day=day).values_list(
            "experiment_id", "taken"
        )
    )
    return [Assignment(r.experiment, day, r.arm, r.phase, taken.get(r.experiment_id)) for r in rows]
