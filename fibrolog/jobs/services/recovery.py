"""Give the jobs of a worker that died back to the queue."""

from __future__ import annotations

import logging

from django.utils import timezone

from fibrolog.jobs.models import WorkerBeat
from fibrolog.jobs.services.beats import is_dead

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 3  # a job that took down this many workers is failed, not tried forever


class WorkerLost(Exception):
    """The job's worker died this many times while running it."""


def requeue_abandoned() -> int:
    """Put jobs whose worker died back in the queue (or fail them after MAX_ATTEMPTS); count them.

    A job is only taken back if it is still the same run (same start time), so two workers
    recovering at once never hand one job out twice.
    """
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    running = list(DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING))
    if not running:
        return 0
    ids = {r.worker_ids[-1] for r in running if r.worker_ids}
    beats = {b.worker_id: b for b in WorkerBeat.objects.filter(worker_id__in=ids)}
    count = 0
    for result in running:
        owner = result.worker_ids[-1] if result.worker_ids else ""
        if not is_dead(beats.get(owner), now):
            continue
        same_run = DBTaskResult.objects.filter(
            pk=result.pk, status=TaskResultStatus.RUNNING, started_at=result.started_at
        )
        if len(result.worker_ids) >= MAX_ATTEMPTS:
            lost = WorkerLost(f"its worker died {len(result.worker_ids)} times running it")
            changed = same_run.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=f"{__name__}.WorkerLost",
                traceback=f"{WorkerLost.__name__}: {lost}",
            )
        else:
            changed = same_run.update(status=TaskResultStatus.READY, started_at=None)
        if changed:
            log.warning(
                "job %s (%s) lost its worker; %s",
                result.pk,
                result.task_path,
                "failed" if len(result.worker_ids) >= MAX_ATTEMPTS else "queued again",
            )
        count += changed
    return count
