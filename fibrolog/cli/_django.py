"""Start Django for commands that touch the database, and report errors the same way."""

from __future__ import annotations

import os

import click


def setup(*, migrate: bool = True) -> None:
    """Configure Django once and, unless told not to, bring the database up to date."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fibrolog.settings")
    import django

    from fibrolog.lib.dburl import DatabaseUrlError

    try:
        django.setup()
    except DatabaseUrlError as exc:
        raise click.ClickException(str(exc)) from None
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
