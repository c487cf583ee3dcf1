"""Gather everyone's reminder rules and what is already done, and ask the schedule who is due."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings

from fibrolog.diary.models import DailyValue
from fibrolog.reminders.models import Reminder, ReminderSent
from fibrolog.reminders.schedule import Due, Rule, due


def window() -> timedelta:
    """Return how late a reminder may still go out (a sender that missed its minute catches up)."""
    return timedelta(minutes=getattr(settings, "FIBROLOG_REMINDER_WINDOW_MINUTES", 15))


def rules() -> list[Rule]:
    """Return every switched-on reminder as a schedule rule."""
    rows = Reminder.objects.exclude(channel=Reminder.OFF).select_related("user__profile")
    return [
        Rule(
            r.user.get_username(),
            r.user.profile.timezone,
            r.user.profile.day_start_hour,
            r.at,
            r.channel,
        )
        for r in rows
        if hasattr(r.user, "profile")
    ]


def due_at(now: datetime, within: timedelta | None = None) -> list[Due]:
    """Return who is due a reminder at `now`: not yet checked in, not yet reminded that day."""
    span = within or window()
    wanted = rules()
    names = [r.user for r in wanted]
    first, last = (now - span - timedelta(days=2)).date(), (now + timedelta(days=2)).date()
    checked = DailyValue.objects.filter(
        user__username__in=names, source=DailyValue.MANUAL, day__range=(first, last)
    ).values_list("user__username", "day")
    sent = ReminderSent.objects.filter(
        user__username__in=names, day__range=(first, last)
    ).values_list("user__username", "day")
    return due(wanted, now, span, set(checked) | set(sent))
