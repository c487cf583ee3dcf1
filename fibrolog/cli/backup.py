"""`fibrolog backup` and `fibrolog restore` (SQLite; PostgreSQL uses pg_dump)."""

from __future__ import annotations

from pathlib import Path

import click

from fibrolog.cli import _django


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
def backup(file: Path, force: bool) -> None:
    """Copy the database to FILE, safely while the app is running (SQLite online backup).

    Example: fibrolog backup ~/fibrolog-backup.sqlite3
    """
    _django.setup()
    from fibrolog.archive.backup import BackupError
    from fibrolog.archive.backup import backup as run_backup

    try:
        run_backup(file, overwrite=force)
    except (BackupError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Backed up to {file} (integrity check: ok).")


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def restore(file: Path, yes: bool) -> None:
    """Replace the database with the backup FILE, after checking it is a sound fibrolog database.

    The database as it was is kept beside it, as a .before-restore copy. Stop the app first.

    Example: fibrolog restore ~/fibrolog-backup.sqlite3
    """
    _django.setup()
    from django.core.management import call_command

    from fibrolog.archive.backup import BackupError, check, database_path
    from fibrolog.archive.backup import restore as run_restore

    try:
        live = database_path()
        check(file)
        if not yes:
            click.confirm(f"Replace {live} with {file}?", abort=True)
        done = run_restore(file)
    except (BackupError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    call_command("migrate", interactive=False, verbosity=0)
    click.echo(f"Restored {done.source}; the previous database is kept as {done.previous}.")
