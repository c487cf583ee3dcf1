"""Jobs that come round by the clock: apps declare them in `apps.py`, workers queue them.

Each turn (a day, or the n-th interval since the epoch) is a row with a unique key, so however
many workers look, exactly one queues it. Reminders join with `every(...)` from their app.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from fibrolog.jobs.models import PeriodicSlot

KEEP = timedelta(days=3)  # slots older than this are forgotten


@dataclass(frozen=True)
class Periodic:
    """A task queued once a day after `at` (server time), or once every `interval`."""

    name: str
    task: Any
    at: time | None = None
    interval: timedelta | None = None

    def slot(self, now: datetime) -> str | None:
        """Return the key of the turn due at `now`, or None when nothing is due yet today."""
        if self.interval is not None:
            return str(int(now.timestamp() // self.interval.total_seconds()))
        local = timezone.localtime(now)
        assert self.at is not None
        return local.date().isoformat() if local.time() >= self.at else None


_REGISTRY: dict[str, Periodic] = {}


def daily(name: str, task: Any, *, at: time) -> None:
    """Queue `task()` once a day, after `at` in the server's time zone."""
    _REGISTRY[name] = Periodic(name, task, at=at)


def every(name: str, task: Any, *, interval: timedelta) -> None:
    """Queue `task()` once every `interval`."""
    _REGISTRY[name] = Periodic(name, task, interval=interval)


def registered() -> tuple[Periodic, ...]:
    """Return the periodic jobs the installed apps declared."""
    return tuple(_REGISTRY.values())


def enqueue_due(now: datetime | None = None) -> list[str]:
    """Queue every periodic job whose turn has come and no worker has queued; return names."""
    now = now or timezone.now()
    queued = []
    for job in registered():
        slot = job.slot(now)
        if slot is None:
            continue
        try:
            with transaction.atomic():
                _, created = PeriodicSlot.objects.get_or_create(name=job.name, slot=slot)
                if created:
                    job.task.enqueue()
        except IntegrityError:  # another worker took this turn a moment ago
            continue
        if created:
            queued.append(job.name)
    PeriodicSlot.objects.filter(queued_at__lt=now - KEEP).delete()
    return queued
