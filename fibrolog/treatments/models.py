"""Treatments a person tries, their regimens (dose changes) and daily taken / not taken."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q

User = settings.AUTH_USER_MODEL


class Treatment(models.Model):
    KINDS = [
        ("medication", "Medication"),
        ("supplement", "Supplement"),
        ("exercise", "Exercise"),
        ("therapy", "Therapy"),
        ("lifestyle", "Lifestyle"),
    ]
    ONSETS = [("slow", "Slow: weeks"), ("fast", "Fast: days")]

    user = models.ForeignKey(User, on_delete=models.CASCADE)
    name = models.CharField(max_length=80)
    key = models.SlugField(max_length=40, blank=True, help_text="Catalogue key, if from it.")
    kind = models.CharField(max_length=12, choices=KINDS, default="medication")
    unit = models.CharField(max_length=20, blank=True)
    onset = models.CharField(max_length=4, choices=ONSETS, default="slow")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["user", "name"], name="treatment_user_name")]

    def __str__(self) -> str:
        return self.name

    def current_regimen(self, day: date) -> Regimen | None:
        """Return the regimen running on `day`, if any."""
        for regimen in self.regimens.all():
            if regimen.start <= day and (regimen.stop is None or regimen.stop >= day):
                return regimen
        return None


class Regimen(models.Model):
    """A period on one dose. A dose change closes one regimen and opens the next."""

    treatment = models.ForeignKey(Treatment, related_name="regimens", on_delete=models.CASCADE)
    start = models.DateField()
    stop = models.DateField(null=True, blank=True)
    dose = models.DecimalField(max_digits=9, decimal_places=3, null=True, blank=True)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(stop__isnull=True) | Q(stop__gte=models.F("start")),
                name="regimen_order",
            ),
            models.CheckConstraint(
                condition=Q(dose__isnull=True) | Q(dose__gte=0), name="regimen_dose_nonnegative"
            ),
            models.UniqueConstraint(fields=["treatment", "start"], name="regimen_treatment_start"),
        ]

    def __str__(self) -> str:
        return f"{self.label()} from {self.start}"

    def label(self) -> str:
        unit = self.treatment.unit
        if self.dose is None:
            return self.treatment.name
        return f"{self.treatment.name} {self.dose.normalize():f} {unit}".strip()


class Intake(models.Model):
    """Taken or not taken on a day; no row means not logged."""

    treatment = models.ForeignKey(Treatment, related_name="intakes", on_delete=models.CASCADE)
    day = models.DateField()
    taken = models.BooleanField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["treatment", "day"], name="intake_day")]

    def __str__(self) -> str:
        return f"{self.treatment_id} on {self.day}: {'taken' if self.taken else 'not taken'}"
