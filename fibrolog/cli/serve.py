"""`fibrolog serve` and `fibrolog migrate`."""

from __future__ import annotations

import click

from fibrolog.cli import _django
from fibrolog.lib.env import env_str


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Keep 127.0.0.1 unless you know you need another.",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 64))
@click.option(
    "--processes",
    type=click.IntRange(1, 64),
    help="Web processes (default: 1 on a laptop; in server mode, FIBROLOG_PUBLIC_URL set, "
    "one per core). More than one runs gunicorn (Unix only).",
)
@click.option(
    "--no-worker", is_flag=True, help="Run no job worker inside (run `fibrolog worker` apart)."
)
@click.option("--no-migrate", is_flag=True, help="Do not bring the database up to date first.")
def serve(
    host: str, port: int, threads: int, processes: int | None, no_worker: bool, no_migrate: bool
) -> None:
    """Serve the app, with a job worker beside it (imports, insight refits).

    The database is migrated first (safe to repeat), so this one command is enough. One
    process is served by waitress; several (or a server) by gunicorn.

    Example: fibrolog serve --port 8000
    """
    _django.setup(migrate=not no_migrate)
    from fibrolog.web.serving import Plan, default_processes
    from fibrolog.web.serving import serve as run

    if not no_migrate:
        from fibrolog.imports.jobs import sweep_uploads

        sweep_uploads()  # uploads left behind by a crash or never confirmed

    from fibrolog.jobs.services import durable
    from fibrolog.web.wsgi import application

    server_mode = bool(env_str("FIBROLOG_PUBLIC_URL"))
    plan = Plan(
        host=host,
        port=port,
        processes=processes or default_processes(server_mode),
        threads=threads,
        worker=durable() and not no_worker,
        server_mode=server_mode,
    )
    how = f"{plan.processes} processes" if plan.processes > 1 else "1 process"
    worker = ", with a job worker" if plan.worker else ""
    click.echo(f"fibrolog is running at http://{host}:{port}/  ({how}{worker}; Ctrl+C to stop)")
    try:
        run(plan, application)
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from None


@click.command()
def migrate() -> None:
    """Create or update the database tables (safe to run again).

    Example: fibrolog migrate
    """
    _django.setup()
    from django.conf import settings

    click.echo(f"Database ready: {settings.DATABASES['default']['NAME']}")
