"""Invite someone with a role: a one-time sign-up address whose token only the invitee holds."""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from fibrolog.accounts.models import ROLES, Invitation
from fibrolog.accounts.services import AccountError, create_account
from fibrolog.lib.env import site_url

DEFAULT_LIFETIME = timedelta(days=7)
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_lifetime(text: str) -> timedelta:
    """Return "30m", "12h", "7d" or "2w" as a time span; raise AccountError otherwise."""
    match = re.fullmatch(r"\s*(\d{1,4})\s*([mhdw])\s*", text.lower())
    if not match or int(match.group(1)) == 0:
        raise AccountError(f"Expires: {text!r} is not a time like 30m, 12h, 7d or 2w.")
    return timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def invite(role: str, lifetime: timedelta = DEFAULT_LIFETIME, by=None) -> tuple[Invitation, str]:
    """Create an invitation and return it with its sign-up address (shown once, never stored)."""
    if role not in dict(ROLES):
        raise AccountError(f"Role: {role!r} is not one of {', '.join(dict(ROLES))}.")
    token = secrets.token_urlsafe(32)  # 256 random bits; only the SHA-256 is kept
    invitation = Invitation.objects.create(
        token_hash=_digest(token),
        role=role,
        created_by=by,
        expires_at=timezone.now() + lifetime,
    )
    return invitation, site_url() + reverse("signup", kwargs={"token": token})


def open_invitation(token: str) -> Invitation | None:
    """Return the invitation for this token while it can still be used, else None."""
    if not token or len(token) > 100:
        return None
    invitation = Invitation.objects.filter(token_hash=_digest(token)).first()
    if invitation is None or invitation.state != "open":
        return None
    return invitation


def accept(token: str, username: str, password: str):
    """Create the invited account and use the invitation up, both or neither."""
    with transaction.atomic():
        invitation = open_invitation(token)
        if invitation is not None:  # lock it, then look again: two tabs cannot both use it
            invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation is None or invitation.state != "open":
            raise AccountError("Invitation: this sign-up link is used up, expired or revoked.")
        user = create_account(username, password, role=invitation.role)
        invitation.used_at = timezone.now()
        invitation.used_by = user
        invitation.save(update_fields=["used_at", "used_by"])
    return user


def revoke(pk: int) -> bool:
    """Revoke an open invitation; return False when there was none to revoke."""
    changed = Invitation.objects.filter(pk=pk, used_at=None, revoked_at=None).update(
        revoked_at=timezone.now()
    )
    return bool(changed)
