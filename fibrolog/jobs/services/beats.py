"""Worker heartbeats: who is alive, who died, and what /healthz says about them."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from fibrolog.jobs.models import WorkerBeat
from fibrolog.jobs.services.queue import Depth, depth, durable

BEAT_SECONDS = 5.0  # how often a worker says it is alive, even in the middle of a long job


def timeout() -> timedelta:
    """Return how long a silent worker is trusted before its jobs are given to another."""
    return timedelta(seconds=float(getattr(settings, "FIBROLOG_WORKER_TIMEOUT", 60)))


def host() -> str:
    """Return this machine's name as workers record it."""
    return socket.gethostname()[:255]


def register(worker_id: str) -> WorkerBeat:
    """Record a worker starting in this process."""
    now = timezone.now()
    beat, _ = WorkerBeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "host": host(),
            "pid": os.getpid(),
            "started_at": now,
            "seen_at": now,
            "stopped_at": None,
        },
    )
    return beat


def beat(worker_id: str) -> None:
    """Record that the worker is alive now."""
    WorkerBeat.objects.filter(worker_id=worker_id).update(seen_at=timezone.now())


def stopped(worker_id: str) -> None:
    """Record that the worker stopped on purpose."""
    now = timezone.now()
    WorkerBeat.objects.filter(worker_id=worker_id).update(seen_at=now, stopped_at=now)


def is_dead(beat: WorkerBeat | None, now: datetime) -> bool:
    """Return whether the worker can no longer be running a job.

    Dead: no record, stopped, silent longer than the timeout, or (on this machine) its process
    is gone; the last lets a restart on a laptop take over at once instead of after the timeout.
    """
    if beat is None or beat.stopped_at is not None or now - beat.seen_at > timeout():
        return True
    return beat.host == host() and not _alive(beat.pid)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive, just not ours to signal
        return True
    return True


@dataclass(frozen=True)
class Health:
    """What /healthz reports: the queue's depth and how long ago a worker was last seen."""

    expected: bool
    last_seen_seconds: float | None
    workers: int
    queue: Depth

    @property
    def ok(self) -> bool:
        """Return True when no worker is needed or one was seen within the timeout."""
        if not self.expected:
            return True
        return self.last_seen_seconds is not None and self.last_seen_seconds <= (
            timeout().total_seconds()
        )

    def to_dict(self) -> dict[str, object]:
        """Return the JSON /healthz sends (counts and ages only, nothing about any person)."""
        return {
            "status": "ok" if self.ok else "no worker",
            "worker": {
                "expected": self.expected,
                "last_seen_seconds": self.last_seen_seconds,
                "running": self.workers,
            },
            "queue": {
                "waiting": self.queue.waiting,
                "later": self.queue.later,
                "running": self.queue.running,
            },
        }


def health() -> Health:
    """Return the workers' and the queue's state now."""
    now = timezone.now()
    live = WorkerBeat.objects.filter(stopped_at__isnull=True)
    last = live.order_by("-seen_at").values_list("seen_at", flat=True).first()
    fresh = live.filter(seen_at__gte=now - timeout()).count()
    age = None if last is None else round(max((now - last).total_seconds(), 0.0), 1)
    return Health(expected=durable(), last_seen_seconds=age, workers=fresh, queue=depth())
