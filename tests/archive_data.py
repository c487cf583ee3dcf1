"""A diary with a row in every exported table, for the archive tests (not a test module)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from django.apps import apps

from fibrolog.accounts.services import ensure_profile
from fibrolog.diary.models import DailyValue, DayTag, Flare, Metric, Note, PainSites, Tag
from fibrolog.diary.services.checkin_settings import add_metric
from fibrolog.questionnaires.models import Response, Schedule
from fibrolog.treatments.models import Intake, Regimen, Treatment

DAY = date(2026, 1, 5)
RISKY_NOTE = '=HYPERLINK("http://evil.example","click") and "quotes", commas\r\nnew line'


def fill(user, *, secret: str = "maya-secret") -> None:
    """Give `user` a row in every table the export covers."""
    profile = ensure_profile(user)
    profile.timezone, profile.day_start_hour, profile.theme = "Europe/London", 5, "dark"
    profile.save()
    own = add_metric(
        user,
        name=f"{secret} knee",
        kind="symptom",
        low=0,
        high=10,
        step=1,
        unit="",
        worse="higher",
    )
    pain = Metric.objects.get(owner__isnull=True, key="pain")
    for i in range(10):
        day = DAY + timedelta(days=i)
        DailyValue.objects.create(user=user, metric=pain, day=day, value=(i % 7) + 0.5)
        DailyValue.objects.create(user=user, metric=own, day=day, value=i % 4)
    DailyValue.objects.create(user=user, metric=pain, day=DAY, value=9, source="demo")
    tag = Tag.objects.create(user=user, name=f"-{secret}-tag")
    DayTag.objects.create(user=user, tag=tag, day=DAY)
    Tag.objects.filter(user=user, name="travel").update(archived=True)
    Note.objects.create(user=user, day=DAY, text=RISKY_NOTE)
    Note.objects.create(user=user, day=DAY + timedelta(days=1), text=f"{secret} note")
    PainSites.objects.create(user=user, day=DAY, sites=["neck", "hip_left"])
    Flare.objects.create(user=user, start=DAY, end=DAY + timedelta(days=2), severity=3)
    ldn = Treatment.objects.create(user=user, name="LDN", key="ldn", unit="mg")
    Regimen.objects.create(
        treatment=ldn, start=DAY, stop=DAY + timedelta(days=3), dose=Decimal("1.5")
    )
    Regimen.objects.create(
        treatment=ldn, start=DAY + timedelta(days=4), dose=Decimal("4.5"), note="titrated"
    )
    Treatment.objects.create(user=user, name="Tai chi", key="tai_chi", kind="exercise")
    for i in range(6):
        Intake.objects.create(treatment=ldn, day=DAY + timedelta(days=i), taken=i != 2)
    done = Response.objects.create(
        user=user,
        instrument="phq9",
        version="PHQ-9 (2001)",
        answers={f"q{n}": 1 for n in range(1, 10)},
        completed_at=datetime(2026, 1, 6, 20, 15, 1, 250000, tzinfo=UTC),
        day=DAY + timedelta(days=1),
    )
    Response.objects.filter(pk=done.pk).update(started_at=datetime(2026, 1, 6, 20, 10, tzinfo=UTC))
    Response.objects.create(
        user=user, instrument="peg", version="PEG (2009)", answers={"pain": 6}, page=1
    )
    Schedule.objects.create(user=user, instrument="fiqr", every_days=60, enabled=False)
    if apps.is_installed("fibrolog.imports"):
        from fibrolog.imports.models import ImportedKey, RawSample

        RawSample.objects.create(
            user=user,
            source="apple-health",
            natural_key="hr-1",
            kind="heart_rate",
            start=datetime(2026, 1, 5, 7, 0, tzinfo=UTC),
            end=datetime(2026, 1, 5, 7, 1, tzinfo=UTC),
            value=61,
            unit="count/min",
        )
        ImportedKey.objects.create(user=user, source="daylio", natural_key="2026-01-05 21:00")
