"""Copy the SQLite database with the online backup API, and restore such a copy.

The backup API reads a consistent snapshot while the app keeps running (WAL: writers are not
blocked). PostgreSQL is refused with a pointer to pg_dump, its own tool for the same job.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from django.db import connections

NEEDED_APPS = {"accounts", "diary", "treatments", "questionnaires"}
PG_HINT = (
    "The database is PostgreSQL: back it up with pg_dump, e.g. "
    "`pg_dump --format=custom --file fibrolog.dump DBNAME`, and restore with "
    "`pg_restore --clean --dbname DBNAME fibrolog.dump` (see docs/your-data.md)."
)


class BackupError(ValueError):
    """A person-readable reason a backup or restore could not be done."""


@dataclass(frozen=True)
class Restored:
    source: Path
    database: Path
    previous: Path  # the database as it was before, kept beside it


def database_path() -> Path:
    """Return the SQLite file in use, or raise BackupError for any other database."""
    settings = connections["default"].settings_dict
    if "sqlite3" not in settings["ENGINE"]:
        raise BackupError(PG_HINT)
    return Path(settings["NAME"])


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """Copy `source` into a new self-contained file at `target` (mode 0600)."""
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    os.close(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    copy = sqlite3.connect(part)
    try:
        source.backup(copy)  # one step: a consistent snapshot, however busy the app is
        copy.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
    finally:
        copy.close()
    os.replace(part, target)


def backup(target: Path, *, overwrite: bool = False) -> Path:
    """Write a consistent copy of the live database to `target` and check it."""
    live = database_path()
    if target.exists() and not overwrite:
        raise BackupError(f"{target} exists: choose another name (or --force to replace it)")
    if target.resolve() == live.resolve():
        raise BackupError("the backup cannot be the database itself")
    source = sqlite3.connect(f"file:{live}?mode=ro", uri=True, timeout=30)
    try:
        _copy(source, target)
    finally:
        source.close()
    check(target)
    return target


def check(path: Path) -> None:
    """Raise BackupError unless `path` is a sound SQLite file holding a fibrolog database."""
    if not path.is_file():
        raise BackupError(f"{path} is not a file")
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            status = db.execute("PRAGMA integrity_check").fetchone()[0]
            if status != "ok":
                raise BackupError(f"{path} is damaged (integrity check: {status})")
            apps = {row[0] for row in db.execute("SELECT DISTINCT app FROM django_migrations")}
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a fibrolog database ({exc})") from None
    if not apps.issuperset(NEEDED_APPS):
        raise BackupError(f"{path} is a Django database, but not fibrolog's")


def restore(source: Path) -> Restored:
    """Check `source`, keep the live database as .before-restore, then copy `source` over it."""
    live = database_path()
    check(source)
    if source.resolve() == live.resolve():
        raise BackupError("that file is the database in use")
    previous = live.with_name(live.name + ".before-restore")
    connections.close_all()
    current = sqlite3.connect(live, timeout=30)
    try:
        _copy(current, previous)
        backup_file = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            backup_file.backup(current)
        finally:
            backup_file.close()
        current.execute("PRAGMA journal_mode=WAL")
    finally:
        current.close()
    return Restored(source, live, previous)
