"""Answer a database that cannot be written (read-only, disk full) with a calm page, not a 500."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

log = logging.getLogger(__name__)

# What SQLite says, and what the person can do about it.
REASONS = (
    ("readonly", "The diary's database cannot be written to (it is read-only)."),
    ("read-only", "The diary's database cannot be written to (it is read-only)."),
    ("disk is full", "The disk is full, so the diary cannot be saved."),
    ("disk i/o error", "The disk could not be written, so the diary cannot be saved."),
)


def reason(error: BaseException) -> str | None:
    """Return a person-readable reason for a storage error, or None for any other error."""
    if not isinstance(error, OperationalError):
        return None
    text = str(error).lower()
    return next((said for words, said in REASONS if words in text), None)


class DatabaseTrouble:
    """Turn a write the storage refused into a 503 page that says so; the transaction is undone."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        said = reason(exception)
        if said is None:
            return None
        log.error("Database write refused: %s", exception)  # no path: it can hold dates and ids
        page = render_to_string("database_trouble.html", {"reason": said})
        return HttpResponse(page, status=503, headers={"Retry-After": "60"})
