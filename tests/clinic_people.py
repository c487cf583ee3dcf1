"""People for the clinic tests: a diary, questionnaires and a share, written straight to the DB."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from fibrolog.accounts.services import create_account, today_for
from fibrolog.diary.models import DailyValue, Metric
from fibrolog.questionnaires.models import Response
from fibrolog.sharing.services import share

ALL = ["report", "diary", "questionnaires", "insights"]


def person(name: str, clinician=None, parts=ALL):
    """Make a person (sharing `parts` with the clinician when one is given)."""
    user = create_account(name, None)
    if clinician is not None:
        share(user, clinician, list(parts))
    return user


def diary(
    user, *, recent: float, before: float, today: date | None = None, keys=("pain", "fatigue")
):
    """Log `before` for the 90 days before the last 30, and `recent` for the last 30."""
    today = today or today_for(user)
    metrics = Metric.objects.filter(owner__isnull=True, key__in=keys)
    rows = []
    for back in range(120):
        value = recent if back < 30 else before
        for m in metrics:
            rows.append(DailyValue(user=user, metric=m, day=today - timedelta(back), value=value))
    DailyValue.objects.bulk_create(rows)


def answered(user, name: str, day: date, answers: dict) -> Response:
    """Store a completed response on `day`."""
    return Response.objects.create(
        user=user,
        instrument=name,
        version="test",
        answers=answers,
        completed_at=datetime.combine(day, datetime.min.time(), tzinfo=UTC),
        day=day,
    )


def phq9(user, day: date, each: int, q9: int = 0) -> Response:
    return answered(user, "phq9", day, {**{f"q{n}": each for n in range(1, 9)}, "q9": q9})


def fiqr(user, day: date, each: int) -> Response:
    return answered(user, "fiqr", day, {f"q{n}": each for n in range(1, 22)})
