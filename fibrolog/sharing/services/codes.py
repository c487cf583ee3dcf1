"""A clinician's invitation code: made by the clinician, typed by one person to share with them."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from fibrolog.accounts.access import role_of
from fibrolog.accounts.models import CLINICIAN
from fibrolog.sharing.models import CODE_DAYS, ClinicianCode, Share
from fibrolog.sharing.services.shares import SharingError, share

# No 0/O, 1/I/L: a code is read aloud or copied from paper. 31**8 is about 8.5e11 codes; each
# works once and for a week, and logins are rate limited, so guessing one is hopeless.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 8


def _normalise(code: str) -> str:
    return "".join(c for c in code.upper() if c.isalnum())


def _hash(code: str) -> str:
    return hashlib.sha256(_normalise(code).encode()).hexdigest()


def new_code(clinician, days: int = CODE_DAYS) -> tuple[ClinicianCode, str]:
    """Make a code for the clinician; return it with its text (shown once, never stored)."""
    if role_of(clinician) != CLINICIAN:
        raise SharingError(f"{clinician.get_username()} is not a clinician")
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    now = timezone.now()
    code = ClinicianCode.objects.create(
        clinician=clinician,
        code_hash=_hash(raw),
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    return code, f"{raw[:4]}-{raw[4:]}"


def redeem(code: str, person):
    """Use the code once for this person; return the clinician it names, or raise SharingError."""
    if len(_normalise(code)) != LENGTH:
        raise SharingError("a clinician's code has 8 letters and digits, like ABCD-2345")
    with transaction.atomic():
        found = ClinicianCode.objects.select_for_update().filter(code_hash=_hash(code)).first()
        if found is None:
            raise SharingError("no clinician has that code: check it, or ask for a new one")
        if found.used_at is not None:
            raise SharingError("that code was used already: ask your clinician for a new one")
        if found.expires_at <= timezone.now():
            raise SharingError("that code has expired: ask your clinician for a new one")
        found.used_at, found.used_by = timezone.now(), person
        found.save(update_fields=["used_at", "used_by"])
        return found.clinician


def open_codes(clinician) -> list[ClinicianCode]:
    """Return the clinician's codes that still work, newest first."""
    return list(
        ClinicianCode.objects.filter(
            clinician=clinician, used_at__isnull=True, expires_at__gt=timezone.now()
        )
    )


def share_by_code(person, code: str, parts: list[str], days: int, *, address: str = "") -> Share:
    """Share with the clinician the code names; the code is used only if the share is made."""
    with transaction.atomic():
        clinician = redeem(code, person)
        return share(person, clinician, parts, days, address=address)
