"""A throwaway PostgreSQL cluster for the suite and the benchmarks: Unix socket only, removed after.

`FIBROLOG_TEST_DB=postgres` makes tests/settings.py call `cluster()`: the first process starts a
cluster with Debian's `initdb`/`pg_ctl` in a temporary folder (no TCP port: listen_addresses is
empty and the socket lives in that folder) and stops and deletes it at exit. Processes it starts
(pytest-xdist workers, CLI subprocesses) find the socket in FIBROLOG_TEST_PG_HOST and reuse it.
PostgreSQL refuses to run as root, so under root the server runs as `nobody`. `pause` stops a
cluster's server keeping its data and `resume` starts it again (tests/test_database_restart.py
uses a cluster of its own for that, never the suite's).
"""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

HOST_VAR = "FIBROLOG_TEST_PG_HOST"
USER = "postgres"  # the cluster's superuser name; trust authentication on the socket only
DATABASE = "fibrolog"
INITDB_OPTIONS = ("-E", "UTF8", "--locale=C.UTF-8", "--no-sync")


def binary(name: str) -> str:
    """Return the path of a PostgreSQL program, or raise RuntimeError saying how to get it."""
    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None
    )
    if not found:
        raise RuntimeError(f"{name} not found: install postgresql-15 (make system-deps)")
    return found


def _as_server_user(command: list[str]) -> list[str]:
    """Return `command` run as an unprivileged user when we are root (initdb refuses root)."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "nobody", "--", *command]


def start() -> Path:
    """Start a new cluster in a temporary folder; return that folder (also its socket's)."""
    folder = Path(tempfile.mkdtemp(prefix="fibrolog-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "nobody", "nogroup")
        folder.chmod(0o755)  # root (the tests) must reach the socket; nobody owns the data
    run = {"check": True, "capture_output": True, "text": True}
    subprocess.run(
        _as_server_user(
            [binary("initdb"), "-D", str(data), "-U", USER, "--auth=trust", *INITDB_OPTIONS]
        ),
        **run,
    )
    resume(folder)
    subprocess.run(
        [binary("createdb"), "-h", str(folder), "-U", USER, DATABASE], check=True, text=True
    )
    return folder


def _options(folder: Path) -> str:
    return (
        f"-c listen_addresses='' -c unix_socket_directories='{folder}' -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
    )


def pause(folder: Path) -> None:
    """Stop the server of the cluster in `folder` (clients are cut off), keeping its data."""
    subprocess.run(
        _as_server_user([binary("pg_ctl"), "-D", str(folder / "data"), "-m", "fast", "-w", "stop"]),
        check=True,
        capture_output=True,
    )


def resume(folder: Path) -> None:
    """Start the server of the cluster in `folder` again (or for the first time)."""
    subprocess.run(
        _as_server_user(
            [
                binary("pg_ctl"),
                "-D",
                str(folder / "data"),
                "-o",
                _options(folder),
                "-l",
                str(folder / "log"),
                "-w",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
        text=True,
    )


def stop(folder: Path) -> None:
    """Stop the cluster in `folder` and delete the folder."""
    subprocess.run(
        _as_server_user([binary("pg_ctl"), "-D", str(folder / "data"), "-m", "immediate", "stop"]),
        capture_output=True,
    )
    shutil.rmtree(folder, ignore_errors=True)


def cluster() -> Path:
    """Return the socket folder of the suite's cluster, starting it (once per test run)."""
    known = os.environ.get(HOST_VAR)
    if known:
        return Path(known)
    folder = start()
    os.environ[HOST_VAR] = str(folder)
    owner = os.getpid()
    atexit.register(lambda: os.getpid() == owner and stop(folder))
    if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        # A terminated run still stops its server: exit through atexit instead of dying at once.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    return folder


def database_url(folder: Path, name: str = DATABASE) -> str:
    """Return a DATABASE_URL reaching database `name` of the cluster in `folder`."""
    from urllib.parse import quote

    return f"postgres://{USER}@{quote(str(folder), safe='')}/{name}"


def database_settings(folder: Path) -> dict[str, object]:
    """Return a Django DATABASES entry for the cluster in `folder`."""
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE,
        "USER": USER,
        "HOST": str(folder),
        "PORT": "",
        "OPTIONS": {},
    }


ON_POSTGRES = os.environ.get("FIBROLOG_TEST_DB") == "postgres"
sqlite_only = pytest.mark.skipif(ON_POSTGRES, reason="about the SQLite file itself")
postgres_only = pytest.mark.skipif(not ON_POSTGRES, reason="runs with FIBROLOG_TEST_DB=postgres")
