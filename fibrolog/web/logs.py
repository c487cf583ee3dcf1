"""Keep request paths (which hold dates and ids of health data) out of every log line."""

from __future__ import annotations

import logging
from http import HTTPStatus


class WithoutPath(logging.Filter):
    """Rewrite django.request records to the status alone, dropping the path and the request."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if status is None:  # django.server's request lines without a status: drop them
            return record.name != "django.server"
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = "HTTP error"
        record.msg, record.args = f"{phrase} ({status})", ()
        record.__dict__.pop("request", None)
        return True
