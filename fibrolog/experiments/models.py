"""A self-experiment, its locked plan versions, schedule, daily adherence and deviations."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q

User = settings.AUTH_USER_MODEL


def new_seed() -> str:
    return secrets.token_hex(8)


class Experiment(models.Model):
    """What is tested (arm B) against what (arm A), on which outcomes, by which design."""

    DRAFT, RUNNING, PAUSED, STOPPED, COMPLETED = (
        "draft",
        "running",
        "paused",
        "stopped",
        "completed",
    )
    STATUSES = [
        (DRAFT, "Draft"),
        (RUNNING, "Running"),
        (PAUSED, "Paused"),
        (STOPPED, "Stopped early"),
        (COMPLETED, "Completed"),
    ]
    DESIGNS = [
        ("fast", "Fast on/off: randomised pairs of periods"),
        ("slow", "Slow onset: a baseline, then weeks on treatment"),
    ]

    user = models.ForeignKey(User, on_delete=models.CASCADE)
    tested = models.CharField(max_length=80, help_text="Arm B: what is tested.")
    tested_key = models.SlugField(max_length=40, blank=True, help_text="Catalogue key, if any.")
    comparison = models.CharField(max_length=80, default="Nothing (usual care)")
    primary = models.CharField(max_length=40, default="pain")
    secondary = models.JSONField(default=list, blank=True)
    design = models.CharField(max_length=4, choices=DESIGNS, default="fast")
    params = models.JSONField(default=dict, blank=True)  # pairs, period, baseline, washout, ...
    mcid = models.FloatField(default=1.0)
    start = models.DateField()
    status = models.CharField(max_length=10, choices=STATUSES, default=DRAFT)
    seed = models.CharField(max_length=64, default=new_seed)
    stopped_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(mcid__gt=0), name="experiment_mcid_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.tested} vs {self.comparison}"

    @property
    def locked(self) -> bool:
        return self.status != self.DRAFT

    @property
    def active(self) -> bool:
        return self.status in (self.RUNNING, self.PAUSED)


class PlanVersion(models.Model):
    """A locked plan: its canonical JSON, that text's SHA-256 and when it was locked."""

    experiment = models.ForeignKey(Experiment, related_name="versions", on_delete=models.CASCADE)
    number = models.PositiveSmallIntegerField()
    plan = models.TextField()
    sha256 = models.CharField(max_length=64)
    locked_at = models.DateTimeField()
    effective_from = models.DateField()
    reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["experiment", "number"], name="planversion_number")
        ]

    def __str__(self) -> str:
        return f"plan v{self.number} {self.sha256[:12]}"


class ScheduleDay(models.Model):
    """One scheduled day: its phase and arm."""

    PHASES = [(p, p.title()) for p in ("baseline", "washout", "treatment", "withdrawal")]

    experiment = models.ForeignKey(Experiment, related_name="days", on_delete=models.CASCADE)
    day = models.DateField()
    phase = models.CharField(max_length=10, choices=PHASES)
    arm = models.CharField(max_length=1, choices=[("A", "A"), ("B", "B")])

    class Meta:
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(fields=["experiment", "day"], name="scheduleday_day")
        ]

    def __str__(self) -> str:
        return f"{self.day}: {self.arm} ({self.phase})"


class Adherence(models.Model):
    """Whether B (what is tested) was taken or done on a day; no row means not logged."""

    experiment = models.ForeignKey(Experiment, related_name="adherence", on_delete=models.CASCADE)
    day = models.DateField()
    taken = models.BooleanField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["experiment", "day"], name="adherence_day")]

    def __str__(self) -> str:
        return f"{self.day}: {'taken' if self.taken else 'not taken'}"


class Deviation(models.Model):
    """Something that departed from the plan: a note, a pause, a resume, a stop, a plan change."""

    KINDS = [
        ("note", "Note"),
        ("pause", "Paused"),
        ("resume", "Resumed"),
        ("stop", "Stopped early"),
        ("plan", "Plan changed"),
    ]

    experiment = models.ForeignKey(Experiment, related_name="deviations", on_delete=models.CASCADE)
    day = models.DateField()
    kind = models.CharField(max_length=6, choices=KINDS, default="note")
    text = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["day", "created_at"]

    def __str__(self) -> str:
        return f"{self.day} {self.kind}: {self.text[:40]}"
