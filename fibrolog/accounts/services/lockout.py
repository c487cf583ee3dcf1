"""Limits on password guessing, on top of django-axes' per-account lockout.

django-axes counts failed logins per account name (from any address) and refuses that name,
even with the right passphrase, for `AXES_COOLOFF_TIME` after `AXES_FAILURE_LIMIT` failures.
This module adds the per-address rule (many names tried from one address) and the unlock.
"""

from __future__ import annotations

from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog
from axes.utils import reset
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest
from django.utils import timezone

from fibrolog.lib.env import env_bool

ADDRESS_LIMIT = 50  # failed logins from one address, across all names, within the window
WINDOW = timedelta(minutes=15)
KEEP_FAILURES = timedelta(days=1)


def client_ip(request: HttpRequest) -> str:
    """Return the client's address: the proxy's last X-Forwarded-For entry when behind one."""
    if env_bool("FIBROLOG_BEHIND_PROXY"):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.split(",")[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR", "") or ""


def address_blocked(request: HttpRequest) -> bool:
    """Return True when this address failed ADDRESS_LIMIT logins within the window."""
    since = timezone.now() - WINDOW
    # The failure log holds addresses and browsers: keep it a day, not for ever.
    AccessFailureLog.objects.filter(attempt_time__lt=timezone.now() - KEEP_FAILURES).delete()
    failures = AccessFailureLog.objects.filter(
        ip_address=client_ip(request) or None, attempt_time__gte=since
    )
    return failures.count() >= ADDRESS_LIMIT


def locked_names() -> list[str]:
    """Return the account names locked out now (axes' window and limit)."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    rows = (
        AccessAttempt.objects.filter(attempt_time__gte=since)
        .values("username")
        .annotate(failures=Sum("failures_since_start"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
    )
    return sorted(row["username"] for row in rows if row["username"])


def unlock(username: str) -> int:
    """Forget the failed logins for this name (any letter case); return how many records went."""
    removed = 0
    names = set(
        AccessAttempt.objects.filter(username__iexact=username).values_list("username", flat=True)
    )
    for name in names | {username}:
        removed += reset(username=name)
    return removed


def username_of(request: HttpRequest, credentials: dict | None) -> str | None:
    """Return the name axes counts failures against: lower case, so Maya and maya are one."""
    name = (credentials or {}).get("username")
    if name is None and request is not None:
        name = request.POST.get("username")
    return name.strip().lower() if isinstance(name, str) else None
