"""A person's questionnaire responses (raw answers only) and reminder schedule."""

from __future__ import annotations

from django.conf import settings
from django.db import models

User = settings.AUTH_USER_MODEL


class Response(models.Model):
    """One filling-in of an instrument; in progress until `completed_at` is set."""

    user = models.ForeignKey(User, on_delete=models.CASCADE)
    instrument = models.CharField(max_length=20)
    version = models.CharField(max_length=120)
    answers = models.JSONField(default=dict)  # item key -> int (booleans as 0/1); absent = not yet
    page = models.PositiveSmallIntegerField(default=0)
    started_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    day = models.DateField(null=True, blank=True, help_text="Diary day it was completed.")

    class Meta:
        ordering = ["-started_at"]
        indexes = [
            models.Index(
                fields=["user", "instrument", "completed_at"], name="response_user_instrument"
            )
        ]

    def __str__(self) -> str:
        state = f"completed {self.day}" if self.completed_at else "in progress"
        return f"{self.instrument} ({state})"


class Schedule(models.Model):
    """How often a person wants to be reminded of an instrument."""

    user = models.ForeignKey(User, on_delete=models.CASCADE)
    instrument = models.CharField(max_length=20)
    every_days = models.PositiveSmallIntegerField()
    enabled = models.BooleanField(default=True)
    dismissed_on = models.DateField(
        null=True, blank=True, help_text='Diary day its suggestion was last put off ("not now").'
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "instrument"], name="schedule_user_instrument")
        ]

    def __str__(self) -> str:
        return f"{self.instrument} every {self.every_days} days"
