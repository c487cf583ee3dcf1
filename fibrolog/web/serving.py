"""Serve the WSGI app (waitress, or gunicorn with several processes) with a job worker beside it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

RESTART_SECONDS = 5.0  # a worker that exits unexpectedly is started again after this pause
STOP_SECONDS = 10.0  # a worker asked to stop gets this long to finish its job


@dataclass(frozen=True)
class Plan:
    """How `fibrolog serve` runs: address, processes, threads, and whether a worker comes along."""

    host: str
    port: int
    processes: int
    threads: int
    worker: bool
    server_mode: bool

    @property
    def use_gunicorn(self) -> bool:
        """Return True for several processes or a server (gunicorn); waitress serves a laptop."""
        return self.processes > 1 or (self.server_mode and os.name == "posix")


def default_processes(server_mode: bool) -> int:
    """Return one process on a laptop, one per core on a server."""
    return max(os.cpu_count() or 1, 1) if server_mode else 1


def serve(plan: Plan, application: Callable[..., Any]) -> None:
    """Serve until interrupted, with a supervised worker process unless told otherwise."""
    if plan.use_gunicorn and os.name != "posix":
        raise RuntimeError("several web processes need gunicorn, which runs on Unix only")
    worker = WorkerProcess() if plan.worker else None
    if worker is not None:
        worker.start()
    try:
        if plan.use_gunicorn:
            _gunicorn(plan, application)
        else:
            _waitress(plan, application)
    finally:
        if worker is not None:
            worker.stop()


def _waitress(plan: Plan, application: Callable[..., Any]) -> None:
    from waitress import serve as waitress_serve

    # Ctrl+C raises KeyboardInterrupt; make SIGTERM (systemd, kill) end as cleanly.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    waitress_serve(
        application, host=plan.host, port=plan.port, threads=plan.threads, ident="fibrolog"
    )


def _gunicorn(plan: Plan, application: Callable[..., Any]) -> None:
    from django.db import connections
    from gunicorn.app.base import BaseApplication

    host = f"[{plan.host}]" if ":" in plan.host else plan.host
    options = {
        "bind": f"{host}:{plan.port}",
        "workers": plan.processes,
        "threads": plan.threads,
        "worker_class": "gthread",
        "preload_app": True,  # Django loads once, then forks: less memory, faster start
        "accesslog": None,  # never a request line: paths carry dates and ids of health data
        "errorlog": "-",
        "loglevel": "warning",
        "timeout": 120,  # the PDF report of a long diary takes a while
        "graceful_timeout": 30,
        # Django alone decides what a proxy may claim (SECURE_PROXY_SSL_HEADER), not gunicorn.
        "secure_scheme_headers": {},
        "control_socket_disable": True,
        "proc_name": "fibrolog",
    }

    class App(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Callable[..., Any]:
            return application

    connections.close_all()  # no connection may be shared by the forked processes
    App().run()


class WorkerProcess:
    """`fibrolog worker` as a child process: restarted if it dies, stopped with the server."""

    def __init__(self, command: list[str] | None = None) -> None:
        self.command = command or [sys.executable, "-m", "fibrolog", "worker", "--with-parent"]
        self.process: subprocess.Popen[bytes] | None = None
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._watcher = threading.Thread(target=self._watch, daemon=True, name="fibrolog-worker")

    def start(self) -> None:
        """Start the worker and a thread that starts it again whenever it exits."""
        self._spawn()
        self._watcher.start()

    def _spawn(self) -> None:
        with self._lock:
            if not self._stopping.is_set():
                self.process = subprocess.Popen(self.command)

    def _watch(self) -> None:
        while not self._stopping.is_set():
            process = self.process
            if process is not None and process.poll() is not None:
                if self._stopping.wait(RESTART_SECONDS):
                    return
                print("fibrolog: the job worker stopped; starting it again", file=sys.stderr)
                self._spawn()
            self._stopping.wait(1.0)

    def stop(self) -> None:
        """Ask the worker to finish its job and exit; kill it if it takes too long."""
        with self._lock:
            self._stopping.set()
            process = self.process
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()  # its job goes back to the queue at the next start
            process.wait()
