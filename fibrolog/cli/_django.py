"""Start Django for commands that touch the database, and report errors the same way."""

from __future__ import annotations

import os

import click


def setup() -> None:
    """Configure Django once (settings from the environment)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fibrolog.settings")
    import django

    django.setup()


def person(name: str | None):
    """Return the account a command works on (`--user`, or the only one)."""
    from fibrolog.accounts.services import AccountError, resolve_user

    try:
        return resolve_user(name)
    except AccountError as exc:
        raise click.UsageError(str(exc)) from None
