"""`fibrolog backup` and `fibrolog restore`: SQLite's online backup, or pg_dump on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import click

from fibrolog.cli import _django


def _postgres() -> dict | None:
    """Return the PostgreSQL settings in use, or None on SQLite."""
    from django.db import connections

    database = connections["default"].settings_dict
    return database if connections["default"].vendor == "postgresql" else None


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
def backup(file: Path, force: bool) -> None:
    """Copy the database to FILE, safely while the app is running.

    SQLite: the online backup API, then an integrity check. PostgreSQL: pg_dump's custom
    format (pg_dump -Fc), then a check that pg_restore can read it.

    Example: fibrolog backup ~/fibrolog-backup.sqlite3
    """
    _django.setup()
    from fibrolog.archive.backup import BackupError
    from fibrolog.archive.backup import backup as run_backup
    from fibrolog.lib import pgdump

    database = _postgres()
    try:
        if database is None:
            run_backup(file, overwrite=force)
        else:
            if file.exists() and not force:
                raise BackupError(f"{file} exists: choose another name (or --force to replace it)")
            pgdump.check(pgdump.dump(database, file))
    except (BackupError, pgdump.DumpError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Backed up to {file} (integrity check: ok).")


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def restore(file: Path, yes: bool) -> None:
    """Replace the database with the backup FILE, after checking it is a sound fibrolog database.

    The database as it was is kept as a .before-restore copy (SQLite: beside it; PostgreSQL: a
    pg_dump file in the data directory). Stop the app first.

    Example: fibrolog restore ~/fibrolog-backup.sqlite3
    """
    _django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from fibrolog.archive.backup import BackupError, check, database_path
    from fibrolog.archive.backup import restore as run_restore
    from fibrolog.lib import pgdump

    database = _postgres()
    try:
        if database is None:
            live = database_path()
            check(file)
        else:
            live = f"PostgreSQL database {database['NAME']!r}"
            pgdump.check(file)
        if not yes:
            click.confirm(f"Replace {live} with {file}?", abort=True)
        if database is None:
            done = run_restore(file)
            source, previous = done.source, done.previous
        else:
            previous = Path(settings.DATA_DIR) / "postgres.before-restore.dump"
            pgdump.dump(database, previous)
            from django.db import connections

            connections.close_all()
            pgdump.restore(database, file)
            source = file
    except (BackupError, pgdump.DumpError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    call_command("migrate", interactive=False, verbosity=0)
    click.echo(f"Restored {source}; the previous database is kept as {previous}.")
