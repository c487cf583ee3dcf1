"""Queue a task with the data it belongs to, and ask what is waiting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone


@dataclass(frozen=True)
class Depth:
    """How many jobs wait (due now), wait for later, and run."""

    waiting: int
    later: int
    running: int


def durable() -> bool:
    """Return whether jobs wait in the database for a worker (else they run at once)."""
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
    from django_tasks_db import DatabaseBackend

    return isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend)


def enqueue(task: Any, *args: Any, delay: timedelta | None = None, once: bool = False) -> None:
    """Queue `task(*args)` so that it runs only once the current transaction has committed.

    A database queue takes the job inside the transaction, so the data and its job are committed
    together (neither without the other); a backend that runs jobs at once runs it after commit.
    `delay` lets later requests join a job that is still waiting; `once` skips the job when the
    same one is already waiting.
    """
    if durable():
        _send(task, args, delay, once)
    else:
        transaction.on_commit(lambda: _send(task, args, None, False))


def _send(task: Any, args: tuple[Any, ...], delay: timedelta | None, once: bool) -> None:
    if once and pending(task, *args, running=False):
        return
    if delay is not None and task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + delay)
    task.enqueue(*args)


_FORGET: set[str] = set()


def forget_when_done(task: Any) -> None:
    """Delete the task's queue record once it has run: its arguments are personal."""
    _FORGET.add(task.module_path)


def forget_finished(sender: Any, task_result: Any, **kwargs: Any) -> None:
    """Delete a finished job's record if its task asked to be forgotten (on `task_finished`)."""
    if task_result.task.module_path in _FORGET and durable():
        from django_tasks_db.models import DBTaskResult

        DBTaskResult.objects.filter(pk=task_result.id).delete()


def pending(task: Any, *args: Any, running: bool = True) -> bool:
    """Return whether `task(*args)` waits in the queue (or, with `running`, runs now)."""
    if not durable():
        return False
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    states = [TaskResultStatus.READY, *([TaskResultStatus.RUNNING] if running else [])]
    same = {f"args_kwargs__args__{i}": value for i, value in enumerate(args)}
    return DBTaskResult.objects.filter(
        status__in=states, task_path=task.module_path, **same
    ).exists()


def depth() -> Depth:
    """Return the queue's depth (zeros when jobs run at once)."""
    if not durable():
        return Depth(0, 0, 0)
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    ready = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    due = ready.ready().count()
    return Depth(
        waiting=due,
        later=ready.count() - due,
        running=DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).count(),
    )
