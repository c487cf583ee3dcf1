"""Write a check-in that waited on a phone, exactly once, by the id the phone gave it.

The queued check-in is the check-in form's fields as the phone had them, including the value
each field showed, so it merges by the same "only what changed" rule as a check-in sent at once.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from django.db import IntegrityError, transaction
from django.http import QueryDict

from fibrolog.accounts.services import today_for
from fibrolog.diary.forms import CheckinForm
from fibrolog.diary.services.checkin import save_day
from fibrolog.diary.services.checkin_page import checkin_page
from fibrolog.diary.validation import check_day
from fibrolog.phone.models import SyncedCheckin

SAVED, ALREADY, INVALID = "saved", "already", "invalid"


@dataclass(frozen=True)
class SyncResult:
    """What became of one queued check-in: saved now, saved before, or refused (with why)."""

    status: str
    day: date | None = None
    errors: Mapping[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {
            "status": self.status,
            "day": self.day.isoformat() if self.day else None,
            "errors": {k: list(v) for k, v in self.errors.items()},
        }


def _query(fields: Mapping[str, object]) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, value in fields.items():
        values = value if isinstance(value, list) else [value]
        data.setlist(str(name), [str(v) for v in values if isinstance(v, str | int | float)])
    return data


def apply_queued(user, client_id: uuid.UUID, fields: Mapping[str, object]) -> SyncResult:
    """Save the queued check-in `client_id` unless it was saved before; refuse a bad one whole."""
    done = SyncedCheckin.objects.filter(user=user, client_id=client_id).first()
    if done is not None:
        return SyncResult(ALREADY, done.day)
    data = _query(fields)
    try:
        when: date | None = check_day(date.fromisoformat(data.get("day", "")), today_for(user))
    except ValueError:
        when = None  # the form names what is wrong with the day
    page = checkin_page(user, when)
    form = CheckinForm(data, **page.form_kwargs())
    if not form.is_valid():
        return SyncResult(INVALID, None, {k: list(v) for k, v in form.errors.items()})
    day = form.cleaned_data["day"]
    with transaction.atomic():
        try:
            with transaction.atomic():
                SyncedCheckin.objects.create(user=user, client_id=client_id, day=day)
        except IntegrityError:  # the same id sent twice at once: the other request wrote it
            return SyncResult(ALREADY, day)
        save_day(user, day, form.changes())
    return SyncResult(SAVED, day)
