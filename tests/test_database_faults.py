"""Database faults get words: the 503 page's reason, and one line from `serve` and `worker`.

The full disk is tested for real on SQLite (tests/test_web_hard_edges.py fills the file up to
`max_page_count`). Filling a PostgreSQL server's disk is not something a test can do safely, so
here PostgreSQL's disk-full and shutdown errors are made as psycopg makes them (with their
SQLSTATE) and wrapped as Django wraps them: what is simulated is the disk, not the reading.
A stopped PostgreSQL under a running server is tested for real in test_database_restart.py.
"""

from __future__ import annotations

import sqlite3

import psycopg
import psycopg.errors
import pytest
from django.db import IntegrityError, InterfaceError, OperationalError

from fibrolog.web.errors import NOT_ANSWERING, STORAGE, trouble
from tests.server_env import SERVER, clean_env, fibrolog


def _as_django(error: Exception, wrapper: type[Exception] = OperationalError) -> Exception:
    """Return `error` as Django raises it: its own class, the driver's error as the cause."""
    try:
        try:
            raise error
        except (psycopg.Error, sqlite3.Error) as exc:
            raise wrapper(*exc.args) from exc
    except wrapper as wrapped:
        return wrapped
    raise AssertionError("not raised")


@pytest.mark.parametrize(
    ("error", "kind", "says"),
    [
        (psycopg.errors.DiskFull('could not extend file "base/1/2": No space left on device'),
         STORAGE, "The disk is full"),
        (psycopg.errors.AdminShutdown("terminating connection due to administrator command"),
         NOT_ANSWERING, "not answering"),
        (psycopg.errors.CannotConnectNow("the database system is starting up"),
         NOT_ANSWERING, "not answering"),
        (psycopg.OperationalError('connection failed: connection to server on socket "/x" failed'),
         NOT_ANSWERING, "not answering"),
        (sqlite3.OperationalError("database or disk is full"), STORAGE, "The disk is full"),
        (sqlite3.OperationalError("attempt to write a readonly database"), STORAGE, "read-only"),
    ],
)  # fmt: skip
def test_it_names_the_trouble(error, kind, says):
    found = trouble(_as_django(error))
    assert found is not None and found.kind == kind and says in found.reason


def test_a_closed_connection_is_the_database_not_answering():
    closed = _as_django(psycopg.InterfaceError("the connection is closed"), InterfaceError)
    assert trouble(closed).kind == NOT_ANSWERING  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "error",
    [
        _as_django(sqlite3.OperationalError("database is locked")),
        _as_django(psycopg.errors.UniqueViolation("duplicate key"), IntegrityError),
        ValueError("not the database"),
    ],
)
def test_other_errors_stay_errors(error):
    assert trouble(error) is None  # a bug is not dressed up as the database's fault


@pytest.mark.parametrize("command", [["serve", "--port", "8"], ["worker"]])
@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("postgres://fib:hunter2@127.0.0.1:9/fibrolog", "Error: cannot reach the PostgreSQL"),
        ("mysql://fib@db/fibrolog", "Error: DATABASE_URL: unsupported scheme 'mysql'"),
    ],
)
def test_serve_and_worker_stop_with_one_line(tmp_path, command, url, said):
    done = fibrolog(clean_env(tmp_path, DATABASE_URL=url, **SERVER), *command)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "hunter2" not in done.stderr
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert done.stderr.startswith(said)
