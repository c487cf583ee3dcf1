"""A worker: claim the next due job from the database queue, run it, and keep a heartbeat."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable

from django.db import OperationalError, close_old_connections, connection
from django.utils.crypto import get_random_string

from fibrolog.jobs.services import beats
from fibrolog.jobs.services.periodic import enqueue_due
from fibrolog.jobs.services.recovery import requeue_abandoned

log = logging.getLogger(__name__)
HOUSEKEEPING_SECONDS = 15.0  # how often a worker looks for lost jobs and periodic turns


class Worker:
    """Run jobs until stopped (or, with `burst`, until none is due)."""

    def __init__(
        self,
        *,
        burst: bool = False,
        interval: float = 1.0,
        keep_going: Callable[[], bool] = lambda: True,
    ) -> None:
        from django_tasks import DEFAULT_TASK_BACKEND_ALIAS
        from django_tasks_db.management.commands.db_worker import Worker as Runner

        self.worker_id = get_random_string(32)
        self.burst, self.interval, self.keep_going = burst, interval, keep_going
        self.backend = DEFAULT_TASK_BACKEND_ALIAS
        self.stopping = threading.Event()
        self.done = 0
        # django-tasks-db's own worker runs one claimed job (signals, success, failure).
        self._runner = Runner(
            queue_names=["*"],
            interval=interval,
            batch=burst,
            backend_name=self.backend,
            startup_delay=False,
            max_tasks=None,
            worker_id=self.worker_id,
            excluded_queue_names=[],
        )

    def run(self) -> int:
        """Run jobs; return how many ran."""
        beats.register(self.worker_id)
        heart = threading.Thread(target=self._beat, daemon=True, name="fibrolog-heartbeat")
        heart.start()
        log.info("worker %s started (pid %s)", self.worker_id, os.getpid())
        try:
            self._loop()
        finally:
            self.stopping.set()
            heart.join(timeout=beats.BEAT_SECONDS * 2)
            beats.stopped(self.worker_id)
            connection.close()
        return self.done

    def stop(self) -> None:
        """Stop after the job that is running now."""
        self.stopping.set()

    def _loop(self) -> None:
        next_housekeeping = 0.0
        while not self.stopping.is_set() and self.keep_going():
            close_old_connections()
            if time.monotonic() >= next_housekeeping:
                requeue_abandoned()
                if not self.burst:  # periodic turns belong to the long-running workers
                    enqueue_due()
                next_housekeeping = time.monotonic() + HOUSEKEEPING_SECONDS
            claimed, locked = self._claim()
            if claimed is not None:
                self._runner.run_task(claimed)
                self.done += 1
                continue
            if self.burst and not locked:
                return
            self.stopping.wait(self.interval)

    def _claim(self):
        """Return the next due job, now marked as ours, and whether the database was busy."""
        from django_tasks_db.models import DBTaskResult
        from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

        due = DBTaskResult.objects.ready().filter(backend_name=self.backend)
        with exclusive_transaction(due.db):
            try:
                claimed = due.get_locked()
                if claimed is not None:
                    claimed.claim(self.worker_id)
            except OperationalError as exc:
                if is_locked_database_exception(exc):
                    return None, True
                raise
        return claimed, False

    def _beat(self) -> None:
        """Say the worker is alive every few seconds, from its own thread and connection."""
        try:
            while not self.stopping.wait(beats.BEAT_SECONDS):
                try:
                    beats.beat(self.worker_id)
                except OperationalError:  # the database is busy or restarting: next time
                    log.warning("worker heartbeat could not be written; retrying")
        finally:
            connection.close()


def run_worker(*, burst: bool = False, interval: float = 1.0) -> int:
    """Run a worker in this thread; return how many jobs it ran."""
    return Worker(burst=burst, interval=interval).run()
