"""Worker heartbeats and periodic turns already queued (the queue is django-tasks-db's table)."""

from __future__ import annotations

from django.db import models


class WorkerBeat(models.Model):
    """One worker process: where it runs and when it last said it was alive."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)
    stopped_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"worker {self.pid}@{self.host}"


class PeriodicSlot(models.Model):
    """A periodic job's turn (a day, or an interval's number) once some worker has queued it."""

    name = models.CharField(max_length=64)
    slot = models.CharField(max_length=32)
    queued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["name", "slot"], name="one_queue_per_slot")]

    def __str__(self) -> str:
        return f"{self.name} {self.slot}"
