"""The clinic's use cases: the dashboard, a person's page, requests and proposals."""

from __future__ import annotations

from fibrolog.clinic.services.dashboard import Filters, Row, rows_for
from fibrolog.clinic.services.person import PersonPage, person_page, shared_person
from fibrolog.clinic.services.requests import (
    RequestError,
    accept,
    decline,
    due_requests,
    pending_proposals,
    propose,
    record_visit,
    request_questionnaire,
    withdraw_request,
)

__all__ = [
    "Filters",
    "PersonPage",
    "RequestError",
    "Row",
    "accept",
    "decline",
    "due_requests",
    "pending_proposals",
    "person_page",
    "propose",
    "record_visit",
    "request_questionnaire",
    "rows_for",
    "shared_person",
    "withdraw_request",
]
