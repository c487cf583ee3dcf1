"""`fibrolog serve` and `fibrolog migrate`."""

from __future__ import annotations

import click

from fibrolog.cli import _django


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Keep 127.0.0.1 unless you know you need another.",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 64))
@click.option("--no-migrate", is_flag=True, help="Do not bring the database up to date first.")
def serve(host: str, port: int, threads: int, no_migrate: bool) -> None:
    """Serve the app with waitress, a production-grade WSGI server.

    The database is migrated first (safe to repeat), so this one command is enough.

    Example: fibrolog serve --port 8000
    """
    _django.setup(migrate=not no_migrate)
    from waitress import serve as waitress_serve

    if not no_migrate:
        from fibrolog.imports.jobs import sweep_uploads

        sweep_uploads()  # uploads left behind by a crash or never confirmed

    from fibrolog.web.wsgi import application

    click.echo(f"fibrolog is running at http://{host}:{port}/  (Ctrl+C to stop)")
    waitress_serve(application, host=host, port=port, threads=threads, ident="fibrolog")


@click.command()
def migrate() -> None:
    """Create or update the database tables (safe to run again).

    Example: fibrolog migrate
    """
    _django.setup()
    from django.conf import settings

    click.echo(f"Database ready: {settings.DATABASES['default']['NAME']}")
