"""The person's notes in the period (only when they choose to include them)."""

from __future__ import annotations

from typing import Any

from fibrolog.diary.models import Note

MAX_NOTES = 30
MAX_CHARS = 400


def build(request) -> dict[str, Any]:
    """Return the most recent notes of the period, each shortened to a paragraph."""
    rows = Note.objects.filter(user=request.user, day__range=(request.start, request.end))
    total = rows.count()
    notes = [
        {"day": n.day, "text": n.text if len(n.text) <= MAX_CHARS else n.text[:MAX_CHARS] + "…"}
        for n in rows.order_by("-day")[:MAX_NOTES]
    ]
    return {"notes": notes, "left_out": total - len(notes)}
