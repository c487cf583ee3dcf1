"""Send the reminders due now: a plain function for a periodic task or `fibrolog reminders send`.

Each (person, diary day) is recorded before sending, so a reminder goes at most once even when
two senders run at the same moment; a failure is recorded with its reason and not retried.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

from fibrolog.reminders.models import PushSubscription, Reminder, ReminderSent
from fibrolog.reminders.schedule import Due
from fibrolog.reminders.services.channels import (
    Gone,
    Message,
    Poster,
    SendError,
    configured_poster,
    send_email,
    send_ntfy,
    send_webpush,
)
from fibrolog.reminders.services.due import due_at
from fibrolog.reminders.services.vapid import vapid


@dataclass(frozen=True)
class Outcome:
    due: Due
    ok: bool
    error: str = ""

    def to_dict(self) -> dict[str, object]:
        return {**self.due.to_dict(), "ok": self.ok, "error": self.error}


def message() -> Message:
    """Return the reminder's words (short, and kind on a bad day)."""
    base = getattr(settings, "FIBROLOG_BASE_URL", "")
    return Message(
        "Time for your check-in",
        "How was today? A few taps is enough; a bad day can be a short one.",
        f"{base.rstrip('/')}/today/" if base else "/today/",
    )


def deliver(reminder: Reminder, poster: Poster) -> None:
    """Send one reminder through the person's channel; raise SendError when it cannot go."""
    if reminder.channel == Reminder.NTFY:
        if not reminder.ntfy_url:
            raise SendError("no ntfy topic URL set")
        send_ntfy(reminder.ntfy_url, message(), poster)
    elif reminder.channel == Reminder.EMAIL:
        if not reminder.email:
            raise SendError("no e-mail address set")
        send_email(reminder.email, message())
    elif reminder.channel == Reminder.WEBPUSH:
        subscriptions = list(PushSubscription.objects.filter(user=reminder.user))
        if not subscriptions:
            raise SendError("no phone or browser has turned notifications on")
        delivered = 0
        for sub in subscriptions:
            try:
                send_webpush(sub.info(), message(), poster, vapid())
                delivered += 1
            except Gone:
                sub.delete()
        if not delivered:
            raise SendError("every subscribed browser has turned notifications off")


def _claim(user, item: Due) -> ReminderSent | None:
    try:
        with transaction.atomic():
            return ReminderSent.objects.create(user=user, day=item.day, channel=item.channel)
    except IntegrityError:
        return None  # another sender has it


def send_due(now: datetime, poster: Poster | None = None) -> list[Outcome]:
    """Send every reminder due at `now` and return what happened to each."""
    post = poster or configured_poster()
    User = get_user_model()
    outcomes = []
    for item in due_at(now):
        user = User.objects.get(username=item.user)
        record = _claim(user, item)
        if record is None:
            continue
        try:
            deliver(Reminder.objects.get(user=user), post)
        except SendError as exc:
            record.error = str(exc)[:300]
            outcomes.append(Outcome(item, False, record.error))
        else:
            record.ok = True
            outcomes.append(Outcome(item, True))
        record.save(update_fields=["ok", "error"])
    return outcomes
