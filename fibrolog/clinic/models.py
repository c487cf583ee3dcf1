"""A clinician's visits, questionnaire requests and proposed self-experiments; kept verdicts."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from fibrolog.experiments.models import Experiment

User = settings.AUTH_USER_MODEL


class Visit(models.Model):
    """A clinician saw the person on `day` (red flags count from the latest visit on)."""

    clinician = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="clinic_visits")
    day = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-day"]
        indexes = [models.Index(fields=["clinician", "person", "day"], name="visit_who_day")]

    def __str__(self) -> str:
        return f"visit on {self.day}"


class QuestionnaireRequest(models.Model):
    """A clinician asks the person to fill an instrument every `every_days` days."""

    clinician = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="questionnaire_requests"
    )
    instrument = models.CharField(max_length=20)
    every_days = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)  # the clinician withdrew it

    class Meta:
        ordering = ["instrument"]

    def __str__(self) -> str:
        return f"{self.instrument} every {self.every_days} days"


class ExperimentProposal(models.Model):
    """A self-experiment plan a clinician proposes; the person accepts (a draft) or declines."""

    PENDING, ACCEPTED, DECLINED = "pending", "accepted", "declined"
    STATES = [(PENDING, "Waiting"), (ACCEPTED, "Accepted"), (DECLINED, "Declined")]

    clinician = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="clinic_proposals")
    tested = models.CharField(max_length=80)
    comparison = models.CharField(max_length=80, default="Nothing (usual care)")
    primary = models.CharField(max_length=40, default="pain")
    design = models.CharField(max_length=4, choices=Experiment.DESIGNS, default="fast")
    params = models.JSONField(default=dict, blank=True)  # as Experiment.params
    message = models.CharField(max_length=300, blank=True)
    state = models.CharField(max_length=10, choices=STATES, default=PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    experiment = models.ForeignKey(
        Experiment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.tested} vs {self.comparison} ({self.state})"


class ExperimentVerdict(models.Model):
    """The final verdict of an ended self-experiment, kept so the dashboard reads it in one query.

    Derived data: written when the experiment is completed or stopped, never edited by hand.
    """

    experiment = models.OneToOneField(Experiment, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    ended_on = models.DateField()
    words = models.CharField(max_length=300)
    computed_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.words
