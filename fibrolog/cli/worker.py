"""`fibrolog worker`: run background jobs from the database queue."""

from __future__ import annotations

import os
import signal

import click

from fibrolog.cli import _django


@click.command()
@click.option("--burst", is_flag=True, help="Run the jobs that are due, then exit.")
@click.option(
    "--interval",
    default=1.0,
    show_default=True,
    type=click.FloatRange(0.1, 60),
    help="Seconds between looks at an empty queue.",
)
@click.option("--with-parent", is_flag=True, hidden=True)  # `fibrolog serve`'s worker
def worker(burst: bool, interval: float, with_parent: bool) -> None:
    """Run background jobs: imports, insight refits, weather, nightly work.

    Workers on any machine that reaches the database share one queue. A job whose worker died
    is run again by another. The first Ctrl+C (or SIGTERM) stops after the current job.

    Example: fibrolog worker --burst
    """
    _django.setup()  # like every command: a fresh data directory works straight away
    from fibrolog.jobs.services import Worker, durable

    if not durable():
        raise click.ClickException("TASKS does not use the database queue: jobs run at once")
    parent = os.getppid()
    runner = Worker(
        burst=burst,
        interval=interval,
        keep_going=(lambda: os.getppid() == parent) if with_parent else (lambda: True),
    )

    def on_signal(signum: int, frame: object) -> None:
        if runner.stopping.is_set():
            raise SystemExit(1)  # asked twice: leave the job; another worker takes it back
        runner.stop()

    for name in ("SIGINT", "SIGTERM"):
        signal.signal(getattr(signal, name), on_signal)
    done = runner.run()
    if burst:
        click.echo(f"{done} job{'s' if done != 1 else ''} run")
