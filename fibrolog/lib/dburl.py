"""Turn a DATABASE_URL into a Django DATABASES entry (sqlite:/// and postgres:// only)."""

from __future__ import annotations

import importlib.util
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit


class DatabaseUrlError(ValueError):
    """A DATABASE_URL fibrolog cannot use, said in one line."""


SQLITE_OPTIONS: dict[str, Any] = {
    # WAL lets the page read while an import writes; FULL makes every commit durable.
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
    # Take the write lock at BEGIN, so two writers queue instead of failing mid-transaction.
    "transaction_mode": "IMMEDIATE",
    "timeout": 30,
}


def sqlite_database(path: str) -> dict[str, Any]:
    """Return the settings for a durable SQLite file at `path`."""
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        "OPTIONS": dict(SQLITE_OPTIONS),
    }


def parse_database_url(url: str) -> dict[str, Any]:
    """Return a DATABASES entry for `url`; raise DatabaseUrlError naming what is wrong."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in {"sqlite", "sqlite3"}:
        # sqlite:///relative.db and sqlite:////absolute/path.db, as dj-database-url reads them.
        path = unquote(parts.path)[1:]
        if parts.netloc:
            raise DatabaseUrlError(
                "DATABASE_URL: a SQLite URL has no host: use sqlite:////absolute/path"
            )
        if not path:
            raise DatabaseUrlError("DATABASE_URL: the SQLite URL names no file")
        return sqlite_database(path)
    if scheme in {"postgres", "postgresql", "pgsql"}:
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise DatabaseUrlError("DATABASE_URL: the PostgreSQL URL names no database")
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "OPTIONS": dict(parse_qsl(parts.query)),
            "CONN_MAX_AGE": 60,
        }
    raise DatabaseUrlError(f"DATABASE_URL: unsupported scheme {scheme!r} (use sqlite or postgres)")


def require_driver(entry: dict[str, Any]) -> dict[str, Any]:
    """Return `entry`, or raise DatabaseUrlError if its database needs a driver not installed."""
    postgres = entry["ENGINE"] == "django.db.backends.postgresql"
    if postgres and not any(importlib.util.find_spec(m) for m in ("psycopg", "psycopg2")):
        raise DatabaseUrlError(
            "DATABASE_URL: PostgreSQL is not supported yet (no PostgreSQL driver is installed); "
            "fibrolog uses SQLite for now: unset DATABASE_URL or use sqlite:////absolute/path"
        )
    return entry
