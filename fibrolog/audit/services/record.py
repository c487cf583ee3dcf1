"""Append an entry to a chain, safely when several processes write at once."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from fibrolog.accounts.access import role_of
from fibrolog.audit.models import SYSTEM, AuditEntry
from fibrolog.audit.services.chain import GENESIS, entry_hash, fields_of

TRIES = 5


def chain_of(subject) -> str:
    """Return the chain an entry about this person (or about no one) belongs to."""
    return f"person:{subject.pk}" if subject is not None else SYSTEM


def record(actor, action: str, what: str, *, subject=None, address: str = "") -> AuditEntry:
    """Append "actor did action on what (of subject) from address" to the subject's chain."""
    chain = chain_of(subject)
    for attempt in range(TRIES):
        try:
            with transaction.atomic():
                last = (
                    AuditEntry.objects.select_for_update()
                    .filter(chain=chain)
                    .order_by("-seq")
                    .first()
                )
                entry = AuditEntry(
                    chain=chain,
                    seq=(last.seq + 1) if last else 1,
                    at=timezone.now(),
                    subject=subject,
                    actor=actor if actor is not None and actor.pk else None,
                    actor_name=actor.get_username() if actor is not None else "",
                    actor_role=role_of(actor) if actor is not None and actor.pk else "",
                    action=action,
                    what=what[:300],
                    address=address[:64],
                    prev_hash=last.hash if last else GENESIS,
                )
                entry.hash = entry_hash(entry.prev_hash, fields_of(entry))
                entry.save()
                return entry
        except IntegrityError:  # another process took this seq first: read the new end, retry
            if attempt == TRIES - 1:
                raise
    raise AssertionError("unreachable")


def entries_for(person):
    """Return the person's trail, newest first (what they see under "who looked at my data")."""
    return AuditEntry.objects.filter(subject=person).order_by("-seq")
