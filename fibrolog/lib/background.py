"""Run a job in a background thread after the current transaction commits.

fibrolog serves one person (or a small clinic) from one process, so a daemon thread is enough;
FIBROLOG_BACKGROUND=inline runs jobs at once (tests, scripts), =off skips them.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)
_running: set[str] = set()
_again: set[str] = set()
_lock = threading.Lock()


def mode() -> str:
    """Return "thread" (default), "inline" or "off"."""
    return os.environ.get("FIBROLOG_BACKGROUND", "thread")


def busy(key: str) -> bool:
    """Return whether the job under `key` is running in this process now."""
    with _lock:
        return key in _running


def run_later(key: str, job: Callable[[], None]) -> None:
    """Run `job` once the transaction commits; if it is already running, run it again after."""
    from django.db import transaction

    transaction.on_commit(lambda: _start(key, job))


def _start(key: str, job: Callable[[], None]) -> None:
    how = mode()
    if how == "off":
        return
    if how == "inline":
        job()
        return
    with _lock:
        if key in _running:
            _again.add(key)
            return
        _running.add(key)
    threading.Thread(target=_loop, args=(key, job), daemon=True, name=f"fibrolog-{key}").start()


def _loop(key: str, job: Callable[[], None]) -> None:
    from django.db import connection

    try:
        while True:
            try:
                job()
            except Exception:  # a background job must never take the server down
                log.exception("background job %s failed", key)
            with _lock:
                if key not in _again:
                    _running.discard(key)
                    return
                _again.discard(key)
    finally:
        connection.close()
