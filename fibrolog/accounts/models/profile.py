"""An account's role and a person's preferences: time zone, day start, check-in, theme."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from fibrolog.catalogue import DEFAULT_CHECKIN
from fibrolog.lib.days import diary_day, local_zone_name


def default_checkin() -> list[str]:
    return list(DEFAULT_CHECKIN)


PERSON, CLINICIAN, ADMIN = "person", "clinician", "admin"
ROLES = [
    (PERSON, "Person (keeps a diary)"),
    (CLINICIAN, "Clinician (sees only what people share)"),
    (ADMIN, "Admin (manages accounts, sees no health data)"),
]


class Profile(models.Model):
    THEMES = [("auto", "Follow my device"), ("dark", "Dark (calm)"), ("light", "Light")]

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    timezone = models.CharField(max_length=64, default=local_zone_name)
    day_start_hour = models.PositiveSmallIntegerField(
        default=4, validators=[MinValueValidator(0), MaxValueValidator(12)]
    )
    theme = models.CharField(max_length=8, choices=THEMES, default="auto")
    checkin_metrics = models.JSONField(default=default_checkin)
    body_map_on_checkin = models.BooleanField(
        default=False, help_text="Show the body map on the daily check-in."
    )
    is_demo = models.BooleanField(default=False, help_text="Holds made-up demo data.")
    role = models.CharField(max_length=16, choices=ROLES, default=PERSON)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Profile of {self.user}"

    def today(self) -> date:
        """Return the person's diary day now, in their time zone and with their day start."""
        return diary_day(timezone.now(), self.timezone, self.day_start_hour)

    @property
    def keeps_diary(self) -> bool:
        """Return True for a person: only they see health data, and only their own."""
        return self.role == PERSON
