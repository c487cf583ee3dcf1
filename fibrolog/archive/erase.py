"""Remove every trace of a person: their rows, their account and their sessions."""

from __future__ import annotations

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.db import transaction

from fibrolog.accounts import middleware


def erase_person(user) -> dict[str, int]:
    """Delete the person, their rows, sessions and uploads; return what was removed per model."""
    # Exports, reports and backups are written where the person asks: theirs to delete.
    pk = str(user.pk)
    files = uploads(user)
    with transaction.atomic():
        sessions = [
            s.session_key
            for s in Session.objects.iterator()
            if str(s.get_decoded().get(SESSION_KEY)) == pk
        ]
        removed_sessions, _ = Session.objects.filter(session_key__in=sessions).delete()
        _, removed = user.delete()
    for path in files:
        path.unlink(missing_ok=True)
    middleware.forget_users()
    return {**removed, "sessions.Session": removed_sessions, "files": len(files)}


def uploads(user) -> list[Path]:
    """Return the person's uploaded files still in the data directory (never a path outside)."""
    if not apps.is_installed("fibrolog.imports"):
        return []
    from fibrolog.imports.models import ImportJob

    root = Path(settings.DATA_DIR).resolve()
    found = []
    for raw in ImportJob.objects.filter(user=user).exclude(path="").values_list("path", flat=True):
        path = (root / raw).resolve()  # an absolute path stays itself
        if path.is_relative_to(root) and path.is_file():
            found.append(path)
    return found
