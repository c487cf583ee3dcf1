"""The jobs app's own periodic job: forget finished jobs after a while."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

KEEP_DONE = timedelta(days=7)
KEEP_FAILED = timedelta(days=30)  # long enough to read why


@task()
def prune_finished() -> int:
    """Delete finished job records past their keeping time; return how many."""
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    done = DBTaskResult.objects.filter(
        status=TaskResultStatus.SUCCESSFUL, finished_at__lt=now - KEEP_DONE
    )
    failed = DBTaskResult.objects.filter(
        status=TaskResultStatus.FAILED, finished_at__lt=now - KEEP_FAILED
    )
    return done.delete()[0] + failed.delete()[0]
