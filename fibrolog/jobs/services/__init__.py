"""Queue jobs, run workers, report their health."""

from fibrolog.jobs.services.beats import Health, health
from fibrolog.jobs.services.periodic import daily, every
from fibrolog.jobs.services.queue import (
    Depth,
    depth,
    durable,
    enqueue,
    forget_when_done,
    pending,
)
from fibrolog.jobs.services.recovery import requeue_abandoned
from fibrolog.jobs.services.worker import Worker, run_worker

__all__ = [
    "Depth",
    "Health",
    "Worker",
    "daily",
    "depth",
    "durable",
    "enqueue",
    "every",
    "forget_when_done",
    "health",
    "pending",
    "requeue_abandoned",
    "run_worker",
]
