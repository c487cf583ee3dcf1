"""Reminders' job: send what is due, run by a worker every minute."""

from __future__ import annotations

from django_tasks import task


@task()
def send_reminders() -> int:
    """Send every reminder due now; return how many were tried."""
    from django.utils import timezone

    from fibrolog.reminders.services import send_due

    return len(send_due(timezone.now()))
