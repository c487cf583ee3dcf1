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
    """Return a DATABASES entry for `url`; raise DatabaseUrlError naming what is wrong.

    The messages never repeat the URL itself: it may hold a password.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise DatabaseUrlError(f"DATABASE_URL cannot be read as a URL ({exc})") from None
    scheme = parts.scheme.lower()
    if not scheme:
        raise DatabaseUrlError(
            "DATABASE_URL is not a URL: use sqlite:////absolute/path.sqlite3 "
            "or postgres://user:password@host/database"
        )
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
            "HOST": _host(parts.netloc),
            "PORT": str(port or ""),
            "OPTIONS": dict(parse_qsl(parts.query)),
            "CONN_MAX_AGE": 60,
            # A kept connection is tested before reuse: a restarted server costs one reconnect.
            "CONN_HEALTH_CHECKS": True,
        }
    raise DatabaseUrlError(f"DATABASE_URL: unsupported scheme {scheme!r} (use sqlite or postgres)")


def _host(netloc: str) -> str:
    """Return the host of `netloc` as written: a %-encoded socket folder (/run/...) decoded."""
    host = netloc.rpartition("@")[2]
    if host.startswith("["):  # [::1]:5432
        return host[1:].partition("]")[0]
    return unquote(host.partition(":")[0])


def require_driver(entry: dict[str, Any]) -> dict[str, Any]:
    """Return `entry`, or raise DatabaseUrlError if its database needs a driver not installed."""
    postgres = entry["ENGINE"] == "django.db.backends.postgresql"
    if postgres and not any(importlib.util.find_spec(m) for m in ("psycopg", "psycopg2")):
        raise DatabaseUrlError(
            "DATABASE_URL: PostgreSQL needs its driver, which is not installed: "
            "pip install 'psycopg[binary]' (it comes with fibrolog's own install)"
        )
    return entry
