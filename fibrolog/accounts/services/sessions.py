"""Each account's signed-in browsers: recorded at log-in, listed, and ended on request."""

from __future__ import annotations

from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from fibrolog.accounts.models import UserSession
from fibrolog.lib.clients import device_name, short_address

SEEN_EVERY = timedelta(minutes=1)  # write "last seen" at most this often per session
_SEEN = "fibrolog_seen"


def _store(session_key: str | None = None):
    return import_module(settings.SESSION_ENGINE).SessionStore(session_key=session_key)


def record(request: HttpRequest, user) -> None:
    """Remember the session a log-in just made, with a device name and a shortened address."""
    key = request.session.session_key
    if not key:
        return
    meta = getattr(request, "META", {})
    UserSession.objects.update_or_create(
        session_key=key,
        defaults={
            "user": user,
            "device": device_name(meta.get("HTTP_USER_AGENT", ""))[:80],
            "ip": short_address(meta.get("REMOTE_ADDR", "") or ""),
            "last_seen": timezone.now(),
        },
    )
    request.session[_SEEN] = timezone.now().timestamp()


def touch(request: HttpRequest) -> None:
    """Update "last seen" for this session, at most once a minute."""
    session = request.session
    now = timezone.now()
    seen = session.get(_SEEN)
    if seen is not None and now.timestamp() - seen < SEEN_EVERY.total_seconds():
        return
    if session.session_key:
        if not UserSession.objects.filter(session_key=session.session_key).update(last_seen=now):
            record(request, request.user)  # a session from before sessions were recorded
        session[_SEEN] = now.timestamp()


def forget(session_key: str | None) -> None:
    """Drop the record of a session that has logged out."""
    if session_key:
        UserSession.objects.filter(session_key=session_key).delete()


def sessions_of(user) -> list[UserSession]:
    """Return the account's recorded sessions, most recently seen first."""
    return list(UserSession.objects.filter(user=user))


def end(user, pks: list[int] | None = None, keep: str | None = None) -> int:
    """End the account's sessions (all, or those with these ids), except `keep`; return how many."""
    rows = UserSession.objects.filter(user=user)
    if pks is not None:
        rows = rows.filter(pk__in=pks)
    if keep:
        rows = rows.exclude(session_key=keep)
    keys = list(rows.values_list("session_key", flat=True))
    for key in keys:
        _store(key).delete()
    UserSession.objects.filter(session_key__in=keys).delete()
    return len(keys)
