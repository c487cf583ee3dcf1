"""Start Django for commands that touch the database, and report errors the same way."""

from __future__ import annotations

import os

import click


class Main(click.Group):
    """The command group: database faults become one clear line instead of a traceback."""

    def invoke(self, ctx: click.Context):
        from django.core.exceptions import ImproperlyConfigured
        from django.db.utils import InterfaceError, OperationalError

        try:
            return super().invoke(ctx)
        except (OperationalError, InterfaceError) as exc:
            raise click.ClickException(f"cannot reach the {_database()}: {_first_line(exc)}") from None
        except ImproperlyConfigured as exc:
            raise click.ClickException(_first_line(exc)) from None


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


def setup() -> None:
    """Configure Django once (settings from the environment); stop with one line if they are wrong."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fibrolog.settings")
    import django
    from django.conf import settings

    try:
        settings.INSTALLED_APPS  # noqa: B018  (reads the environment: DATABASE_URL and the rest)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    django.setup()


def person(name: str | None):
    """Return the account a command works on (`--user`, or the only one)."""
    from fibrolog.accounts.services import AccountError, resolve_user

    try:
        return resolve_user(name)
    except AccountError as exc:
        raise click.UsageError(str(exc)) from None
