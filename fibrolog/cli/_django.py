"""Start Django for commands that touch the database, and report errors the same way."""

from __future__ import annotations

import os
import sys

import click


class Main(click.Group):
    """The command group: database faults become one clear line instead of a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except Exception as exc:
            message = _database_fault(exc)
            if message is None:
                raise
            raise click.ClickException(message) from None


def _database_fault(exc: Exception) -> str | None:
    """Return one line for a database fault, None for anything else (Django may be unloaded)."""
    if "django.db.utils" not in sys.modules:  # file-only commands never start Django
        return None
    from django.core.exceptions import ImproperlyConfigured
    from django.db.utils import InterfaceError, OperationalError

    if isinstance(exc, OperationalError | InterfaceError):
        return f"cannot reach the {_database()}: {_first_line(exc)}"
    if isinstance(exc, ImproperlyConfigured):
        return _first_line(exc)
    return None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _database() -> str:
    """Name the database in use, without its password."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    if "sqlite" in db["ENGINE"]:
        return f"SQLite database {db['NAME']}"
    where = db.get("HOST") or db.get("OPTIONS", {}).get("host") or "the local socket"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"PostgreSQL database {db['NAME']!r} at {where}{port}"


def setup(*, migrate: bool = True) -> None:
    """Configure Django once and, unless told not to, bring the database up to date.

    A wrong setting (DATABASE_URL, FIBROLOG_PUBLIC_URL, ...) stops the command with one line.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fibrolog.settings")
    import django
    from django.conf import settings

    try:
        settings.INSTALLED_APPS  # noqa: B018  (reads the environment: DATABASE_URL and the rest)
    except ValueError as exc:  # DatabaseUrlError, or another variable that cannot be read
        raise click.ClickException(str(exc)) from None
    django.setup()
    if migrate:
        bring_up_to_date()


def bring_up_to_date() -> None:
    """Apply any migration not yet applied (a fresh data directory gets its tables here)."""
    from django.core.management import call_command
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", interactive=False, verbosity=0)


def person(name: str | None):
    """Return the account a command works on (`--user`, or the only one)."""
    from fibrolog.accounts.services import AccountError, resolve_user

    try:
        return resolve_user(name)
    except AccountError as exc:
        raise click.UsageError(str(exc)) from None
