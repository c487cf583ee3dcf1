"""Make, check and revoke API tokens: the token is shown once, only its digest is kept."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from fibrolog.accounts.access import role_of
from fibrolog.accounts.models import CLINICIAN
from fibrolog.audit.services import record
from fibrolog.fhirapi.models import ApiToken

PREFIX = "fl_"  # recognisable in a leaked-secret scan
TOUCH_EVERY = timedelta(minutes=1)  # "last used" is written at most this often per token


@dataclass(frozen=True)
class Issued:
    token: ApiToken
    secret: str  # shown to the clinician once, never stored


def digest(secret: str) -> str:
    """Return the hex SHA-256 of a token."""
    return hashlib.sha256(secret.encode()).hexdigest()


def issue(clinician, label: str, *, address: str = "") -> Issued:
    """Make a token for the clinician; the secret is in the result and nowhere else."""
    if role_of(clinician) != CLINICIAN:
        raise PermissionError("only clinicians have API tokens")
    label = " ".join(label.split())[:80] or "API token"
    secret = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(clinician=clinician, label=label, digest=digest(secret))
    record(clinician, "api token", f"created {label!r}", address=address)
    return Issued(token, secret)


def tokens_of(clinician) -> list[ApiToken]:
    """Return the clinician's tokens, newest first."""
    return list(ApiToken.objects.filter(clinician=clinician))


def revoke(clinician, pk: int, *, address: str = "") -> bool:
    """Delete one of the clinician's tokens; it stops working on the next request."""
    token = ApiToken.objects.filter(clinician=clinician, pk=pk).first()
    if token is None:
        return False
    token.delete()
    record(clinician, "api token", f"revoked {token.label!r}", address=address)
    return True


def authenticate(secret: str):
    """Return the active clinician a token belongs to, or None."""
    if not secret.startswith(PREFIX) or len(secret) > 200:
        return None
    token = ApiToken.objects.select_related("clinician").filter(digest=digest(secret)).first()
    if token is None:
        return None
    clinician = token.clinician
    if not clinician.is_active or role_of(clinician) != CLINICIAN:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return clinician
