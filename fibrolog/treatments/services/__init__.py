"""Start, change the dose of, and stop a treatment; summarise its history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from fibrolog.catalogue import TREATMENTS
from fibrolog.treatments.models import Intake, Regimen, Treatment

CATALOGUE = {t.key: t for t in TREATMENTS}


class TreatmentError(ValueError):
    """A person-readable reason, starting with the field it is about ("Dose: ...")."""


@transaction.atomic
def start_treatment(
    user, *, name: str, start: date, dose: Decimal | None = None, unit: str = "", key: str = ""
) -> Treatment:
    """Start a treatment (from the catalogue when `key` is given) on `start`."""
    spec = CATALOGUE.get(key)
    name = (name or (spec.name if spec else "")).strip()
    if not name:
        raise TreatmentError("Treatment: choose one from the list or type a name.")
    treatment, created = Treatment.objects.get_or_create(
        user=user,
        name=name,
        defaults={
            "key": key if spec else "",
            "unit": unit or (spec.unit if spec else ""),
            "kind": spec.kind if spec else "medication",
            "onset": spec.onset if spec else "slow",
        },
    )
    if not created and treatment.current_regimen(start):
        raise TreatmentError(f"Start: {name} is already running on {start.isoformat()}.")
    if treatment.regimens.filter(start__gt=start).exists():
        raise TreatmentError(f"Start: {name} has a later period already; edit that instead.")
    Regimen.objects.create(treatment=treatment, start=start, dose=dose)
    return treatment


@transaction.atomic
def change_dose(treatment: Treatment, *, dose: Decimal, on: date) -> Regimen:
    """Close the running regimen the day before `on` and open one at the new dose."""
    current = treatment.current_regimen(on)
    if current is None:
        raise TreatmentError(f"From: {treatment.name} is not running on {on.isoformat()}.")
    if current.start == on:
        current.dose = dose
        current.save(update_fields=["dose"])
        return current
    stop = current.stop
    current.stop = on - timedelta(days=1)
    current.save(update_fields=["stop"])
    return Regimen.objects.create(treatment=treatment, start=on, stop=stop, dose=dose)


@transaction.atomic
def stop_treatment(treatment: Treatment, *, on: date) -> None:
    """Stop the treatment after `on` (the last day it was taken)."""
    current = treatment.current_regimen(on)
    if current is None:
        raise TreatmentError(f"Last day: {treatment.name} is not running on {on.isoformat()}.")
    current.stop = on
    current.save(update_fields=["stop"])


@dataclass(frozen=True)
class Adherence:
    taken: int
    not_taken: int
    days: int

    @property
    def logged(self) -> int:
        return self.taken + self.not_taken

    @property
    def not_logged(self) -> int:
        return self.days - self.logged


def adherence(treatment: Treatment, end: date, days: int = 30) -> Adherence:
    """Count taken / not taken over the last `days` days."""
    rows = Intake.objects.filter(
        treatment=treatment, day__range=(end - timedelta(days=days - 1), end)
    )
    taken = rows.filter(taken=True).count()
    return Adherence(taken, rows.count() - taken, days)
