"""Back up and restore a PostgreSQL database with its own tools, pg_dump and pg_restore.

The archive is pg_dump's custom format (`-Fc`): compressed, one file, restorable table by table.
Connection settings travel in libpq's environment variables, so a password never appears on a
command line (where `ps` would show it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

# Tables only fibrolog has: a dump without them is some other application's database.
NEEDED_TABLES = ("django_migrations", "accounts_profile", "diary_dailyvalue")
_OPTION_VARIABLES = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "host": "PGHOST",
}


class DumpError(ValueError):
    """A person-readable reason a dump or restore could not be done."""


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise DumpError(f"{name} not found: install the PostgreSQL client (postgresql-client)")
    return found


def environment(database: Mapping[str, object]) -> dict[str, str]:
    """Return the process environment with libpq's variables set from a Django DATABASES entry."""
    env = dict(os.environ)
    options = database.get("OPTIONS") or {}
    assert isinstance(options, Mapping)
    for key, variable in _OPTION_VARIABLES.items():
        if options.get(key):
            env[variable] = str(options[key])
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("NAME", "PGDATABASE"),
    ):
        if database.get(key):
            env[variable] = str(database[key])
    return env


def _run(command: list[str], database: Mapping[str, object]) -> str:
    done = subprocess.run(command, env=environment(database), capture_output=True, text=True)
    if done.returncode:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        raise DumpError(f"{Path(command[0]).name} failed: {lines[0] if lines else done.returncode}")
    return done.stdout


def dump(database: Mapping[str, object], target: Path) -> Path:
    """Write a consistent custom-format dump of the database to `target` (mode 0600)."""
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    os.close(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        _run([_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={part}"], database)
    except DumpError:
        part.unlink(missing_ok=True)
        raise
    os.replace(part, target)
    return target


def check(path: Path) -> None:
    """Raise DumpError unless `path` is a pg_dump archive of a fibrolog database."""
    if not path.is_file():
        raise DumpError(f"{path} is not a file")
    done = subprocess.run(
        [_tool("pg_restore"), "--list", str(path)], capture_output=True, text=True
    )
    if done.returncode:
        raise DumpError(f"{path} is not a pg_dump archive (pg_restore --list refused it)")
    listed = done.stdout
    missing = [t for t in NEEDED_TABLES if f" TABLE DATA public {t} " not in listed]
    if missing:
        raise DumpError(f"{path} is a PostgreSQL dump, but not of fibrolog's database")


def restore(database: Mapping[str, object], source: Path) -> None:
    """Replace the database's tables with those in `source`, in one transaction."""
    check(source)
    options = ["--clean", "--if-exists", "--single-transaction", "--no-owner", "--no-privileges"]
    _run(
        [_tool("pg_restore"), *options, f"--dbname={database.get('NAME')}", str(source)],
        database,
    )
