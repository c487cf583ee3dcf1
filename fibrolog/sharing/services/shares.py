"""Make, end and check shares; the single rule for "may this account see this person's part"."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from fibrolog.accounts.access import role_of
from fibrolog.accounts.models import CLINICIAN, PERSON
from fibrolog.audit.services import record
from fibrolog.sharing.models import DEFAULT_DAYS, PARTS, Share


class SharingError(ValueError):
    """A share that cannot be made: the message says why, in words a person understands."""


def share(
    person, clinician, parts: list[str], days: int = DEFAULT_DAYS, *, address: str = ""
) -> Share:
    """Share these parts with the clinician for `days` days, replacing any share in force.

    The person's audit trail records it (from `address`: an IP, or "command line").
    """
    unknown = [p for p in parts if p not in PARTS]
    if unknown:
        raise SharingError(f"unknown part {unknown[0]!r}: choose from {', '.join(PARTS)}")
    if not parts:
        raise SharingError("choose at least one part to share")
    if role_of(person) != PERSON:
        raise SharingError(f"{person.get_username()} does not keep a diary")
    if role_of(clinician) != CLINICIAN:
        raise SharingError(f"{clinician.get_username()} is not a clinician")
    if days < 1:
        raise SharingError(f"share for at least 1 day (not {days})")
    if days > 3660:
        raise SharingError("share for 1 to 3,660 days")
    now = timezone.now()
    with transaction.atomic():
        Share.objects.filter(person=person, clinician=clinician).active(now).update(revoked_at=now)
        made = Share.objects.create(
            person=person,
            clinician=clinician,
            parts=[p for p in PARTS if p in parts],
            created_at=now,
            expires_at=now + timedelta(days=days),
        )
        until = f"{made.expires_at:%Y-%m-%d}"
        what = f"{', '.join(made.parts)} with {clinician.get_username()} until {until}"
        record(person, "share", what, subject=person, address=address)
        return made


def revoke(person, clinician, *, address: str = "") -> int:
    """End every share in force from the person to the clinician; return how many ended."""
    now = timezone.now()
    with transaction.atomic():
        shares = Share.objects.filter(person=person, clinician=clinician).active(now)
        ended = shares.update(revoked_at=now)
        if ended:
            what = f"with {clinician.get_username()}"
            record(person, "revoke", what, subject=person, address=address)
    return ended


def clinicians() -> list:
    """Return the clinician accounts on this server, by name (the list a person chooses from)."""
    found = get_user_model().objects.filter(profile__role=CLINICIAN, is_active=True)
    return list(found.order_by("username"))


def history(person, limit: int = 50) -> list[Share]:
    """Return the person's shares that ended (revoked or expired), newest first."""
    now = timezone.now()
    ended = Share.objects.filter(person=person).exclude(revoked_at__isnull=True, expires_at__gt=now)
    return list(ended.select_related("clinician")[:limit])


def active_share(person, clinician) -> Share | None:
    """Return the share in force from the person to the clinician, if any."""
    return Share.objects.filter(person=person, clinician=clinician).active().first()


def can_see(viewer, person, part: str) -> bool:
    """Return True if the viewer may read this part of the person's data, on this request."""
    if not viewer.is_authenticated:
        return False
    if viewer.pk == person.pk:
        return role_of(viewer) == PERSON
    if role_of(viewer) != CLINICIAN:
        return False  # an admin sees no health data, nor does another person
    share_ = active_share(person, viewer)
    return share_ is not None and part in share_.parts


def people_for(clinician) -> list[Share]:
    """Return the shares in force to this clinician, one per person, by the person's name."""
    shares = Share.objects.filter(clinician=clinician).active().select_related("person")
    return sorted(shares, key=lambda s: s.person.get_username().lower())
