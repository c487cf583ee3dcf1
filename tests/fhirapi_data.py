"""A year of one person's check-ins, shared with a clinician, for the FHIR API tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from django.test import Client

from fibrolog.diary.models import DailyValue, Flare, Metric
from fibrolog.fhirapi.services import issue
from fibrolog.questionnaires.models import Response
from fibrolog.sharing.services import share

FIRST = date(2026, 1, 1)
DAYS = 365
KEYS = ("pain", "fatigue", "fog", "sleep_hours")
PAIN_LOINC = "72514-3"
PHQ9_TOTAL_LOINC = "44261-6"


def year_of_checkins(person) -> int:
    """Give the person a check-in of four metrics every day of 2026, monthly PHQ-9s and two
    flares; return the number of Observations they make."""
    metrics = {m.key: m for m in Metric.objects.filter(owner__isnull=True, key__in=KEYS)}
    rows = [
        DailyValue(user=person, metric=metrics[key], day=FIRST + timedelta(days=i), value=v)
        for i in range(DAYS)
        for key, v in zip(KEYS, (i % 11, (i * 3) % 11, (i * 7) % 11, 5 + i % 4), strict=True)
    ]
    DailyValue.objects.bulk_create(rows)
    Flare.objects.create(user=person, start=date(2026, 3, 30), end=date(2026, 4, 2), severity=2)
    Flare.objects.create(user=person, start=date(2026, 8, 1), end=date(2026, 8, 3), severity=3)
    for month in range(1, 13):
        day = date(2026, month, 15)
        done = datetime(2026, month, 15, 19, 0, tzinfo=UTC)
        r = Response.objects.create(
            user=person,
            instrument="phq9",
            version="PHQ-9 (2001)",
            answers={f"q{n}": (month + n) % 3 if n < 9 else 0 for n in range(1, 10)},
            completed_at=done,
            day=day,
        )
        Response.objects.filter(pk=r.pk).update(started_at=done - timedelta(minutes=5))
    # each PHQ-9 gives a total score and a panel Observation
    return DAYS * len(KEYS) + 2 + 12 * 2


def api_client(clinician) -> Client:
    """Return a client that sends a fresh API token of the clinician's."""
    secret = issue(clinician, "EHR").secret
    return Client(headers={"Authorization": f"Bearer {secret}"})


def shared(person, clinician, parts=("diary", "questionnaires")):
    return share(person, clinician, list(parts))


def bearer_headers(clinician) -> dict[str, str]:
    """Return request headers with a fresh API token of the clinician's (for the persona
    matrix's CREDENTIALS in tests/test_access.py)."""
    return {"HTTP_AUTHORIZATION": f"Bearer {issue(clinician, 'persona matrix').secret}"}
