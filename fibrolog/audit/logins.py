"""Record every login, and every failed one, from Django's auth signals (connected in apps.py)."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from fibrolog.accounts.services.lockout import client_ip
from fibrolog.audit.services import record


def _address(request) -> str:
    return client_ip(request) if request is not None and hasattr(request, "META") else ""


def logged_in(sender, request, user, **kwargs) -> None:
    """Add "logged in" to the account's own trail."""
    record(user, "login", "", subject=user, address=_address(request))


def login_failed(sender, credentials, request=None, **kwargs) -> None:
    """Add a failed login to the trail of the account it named, or to the system chain."""
    typed = str(credentials.get("username", "") or "")[:150]
    account = get_user_model().objects.filter(username__iexact=typed).first() if typed else None
    if account is not None:
        what = f"as {account.get_username()}"
        record(None, "login failed", what, subject=account, address=_address(request))
    else:
        what = f"as {typed!r} (no such account)"
        record(None, "login failed", what, subject=None, address=_address(request))
