"""Suggest at most one questionnaire at a time, below the check-in, and remember "not now"."""

from __future__ import annotations

from datetime import date, timedelta

from fibrolog.diary.models import DailyValue
from fibrolog.questionnaires.services import Due, due, schedules

QUIET_DAYS = 7  # "not now" hides that questionnaire's suggestion this long


def suggestion(user, today: date) -> Due | None:
    """Return the one questionnaire to suggest today, or None (always None on day one)."""
    if not DailyValue.objects.filter(user=user, day__lt=today).exists():
        return None  # day one: only the check-in
    plans = schedules(user)
    dismissed = {name: p.dismissed_on for name, p in plans.items() if p.dismissed_on is not None}
    if today in dismissed.values():
        return None  # one "not now" a day is enough: nothing else today
    for item in due(user, today, plans):
        last = dismissed.get(item.name)
        if last is None or last + timedelta(days=QUIET_DAYS) <= today:
            return item
    return None


def dismiss(user, name: str, today: date) -> None:
    """Record "not now" for a suggested questionnaire."""
    plan = schedules(user)[name]
    plan.dismissed_on = today
    plan.save()
