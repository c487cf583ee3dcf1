"""Append an entry to a chain, safely when several processes write at once."""

from __future__ import annotations

import hashlib

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from fibrolog.accounts.access import role_of
from fibrolog.audit.models import SYSTEM, AuditEntry
from fibrolog.audit.services.chain import GENESIS, entry_hash, fields_of

TRIES = 5


def chain_of(subject) -> str:
    """Return the chain an entry about this person (or about no one) belongs to."""
    return f"person:{subject.pk}" if subject is not None else SYSTEM


def lock_key(chain: str) -> int:
    """Return a signed 64-bit number naming the chain, for PostgreSQL's advisory lock."""
    return int.from_bytes(hashlib.sha256(chain.encode()).digest()[:8], "big", signed=True)


def lock_chains(chains) -> None:
    """Hold these chains for this transaction (PostgreSQL), in one query, in a fixed order."""
    if connection.vendor == "postgresql":
        keys = sorted({lock_key(chain) for chain in chains})
        with connection.cursor() as cursor:
            ordered = "SELECT unnest(%s::bigint[]) AS k ORDER BY 1"
            cursor.execute(f"SELECT pg_advisory_xact_lock(k) FROM ({ordered}) s", [keys])


def _lock(chain: str) -> None:
    """Hold the chain for this transaction, so appends to it queue up one after another.

    On PostgreSQL `SELECT ... FOR UPDATE` locks the last entry, but an empty chain has none,
    so two first entries would race: an advisory lock on the chain's name covers that too. On
    SQLite every write transaction starts IMMEDIATE (one writer at a time), and the retry in
    `record` covers any other database.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock_key(chain)])


def record(actor, action: str, what: str, *, subject=None, address: str = "") -> AuditEntry:
    """Append "actor did action on what (of subject) from address" to the subject's chain.

    `actor` may be None (no account: a failed login, the command line); the entry then has no
    name, and the person's page says "someone".
    """
    chain = chain_of(subject)
    known = actor is not None and actor.pk is not None
    for attempt in range(TRIES):
        try:
            with transaction.atomic():
                _lock(chain)
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
                    actor=actor if known else None,
                    actor_name=actor.get_username()[:150] if known else "",
                    actor_role=role_of(actor) if known else "",
                    action=action[:24],
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
