"""Answer a database that cannot be written or does not answer with a calm 503 page, not a 500.

Two kinds of trouble, each with what the person can do about it:

* storage: the database refused a write (read-only file, full disk): free space, try again;
* not answering: the connection failed or was cut (PostgreSQL stopped or restarting, its
  server unreachable): wait a minute and try again.

Either way the request's transaction was undone, so nothing typed was half-saved. A fault in a
view reaches `DatabaseTrouble.process_exception`; one in a middleware (the session, the login)
reaches Django's 500 handler, `server_error`, which answers the same page.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass

from django.db import Error, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

log = logging.getLogger(__name__)

STORAGE = "storage"
NOT_ANSWERING = "not answering"

READ_ONLY = "The diary's database cannot be written to (it is read-only)."
DISK_FULL = "The disk is full, so the diary cannot be saved."
# What SQLite and PostgreSQL say, and what that means for the person.
REASONS = (
    ("readonly", READ_ONLY),
    ("read-only", READ_ONLY),
    ("disk is full", DISK_FULL),
    ("no space left on device", DISK_FULL),  # PostgreSQL: could not extend file ...
    ("disk i/o error", "The disk could not be written, so the diary cannot be saved."),
)
# SQLSTATE classes of PostgreSQL (psycopg puts them on the error Django wraps).
SQLSTATE_STORAGE = {"53100": DISK_FULL, "25006": READ_ONLY}
SQLSTATE_NOT_ANSWERING = ("08", "57P01", "57P02", "57P03")  # connection lost; shut down; starting


@dataclass(frozen=True)
class Trouble:
    """What went wrong with the database, in words for the person."""

    kind: str
    reason: str


def trouble(error: BaseException) -> Trouble | None:
    """Return the database trouble behind `error`, or None when it is some other error."""
    if not isinstance(error, Error):  # Django's: DatabaseError, InterfaceError and the rest
        return None
    sqlstate = getattr(error.__cause__, "sqlstate", None)
    if sqlstate in SQLSTATE_STORAGE:
        return Trouble(STORAGE, SQLSTATE_STORAGE[sqlstate])
    text = str(error).lower()
    said = next((said for words, said in REASONS if words in text), None)
    if said is not None:
        return Trouble(STORAGE, said)
    if sqlstate is not None and sqlstate.startswith(SQLSTATE_NOT_ANSWERING):
        return Trouble(NOT_ANSWERING, "The database is not answering.")
    if sqlstate is None and _lost_connection(error):
        return Trouble(NOT_ANSWERING, "The database is not answering.")
    return None


def _lost_connection(error: Error) -> bool:
    """Return True for a connection that failed or broke (psycopg gives these no SQLSTATE)."""
    if isinstance(error, InterfaceError):  # "the connection is closed", "connection already closed"
        return True
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__
    module = type(cause).__module__ if cause is not None else ""
    return module.startswith("psycopg")  # SQLite's OperationalErrors are not about connections


def reason(error: BaseException) -> str | None:
    """Return a person-readable reason for a database fault, or None for any other error."""
    found = trouble(error)
    return found.reason if found else None


def page(found: Trouble) -> HttpResponse:
    """Return the 503 page for `found`; it uses no database (there may be none)."""
    log.error("Database trouble (%s): %s", found.kind, found.reason)  # no path: dates and ids
    html = render_to_string(
        "database_trouble.html",
        {"reason": found.reason, "not_answering": found.kind == NOT_ANSWERING},
    )
    response = HttpResponse(html, status=503, headers={"Retry-After": "60"})
    response._has_been_logged = True  # type: ignore[attr-defined]  # this line, no traceback
    return response


class DatabaseTrouble:
    """Turn a write the storage refused or a lost database into a 503 page that says so."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        found = trouble(exception)
        return page(found) if found else None


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's 500 handler: database trouble raised outside a view gets the same 503 page."""
    found = trouble(sys.exc_info()[1] or Exception())
    if found is not None:
        return page(found)
    return defaults.server_error(request)
