"""Append one entry to each of many people's chains in a constant number of queries.

A page that shows many people's data at once (the clinic dashboard) records a view for each
of them; one entry per person still, but read and written in bulk rather than person by person.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from fibrolog.accounts.access import role_of
from fibrolog.audit.models import AuditEntry
from fibrolog.audit.services.chain import GENESIS, entry_hash, fields_of
from fibrolog.audit.services.record import TRIES, chain_of


def record_each(actor, action: str, whats: dict, *, address: str = "") -> list[AuditEntry]:
    """Append "actor did action on what" to each subject's chain; `whats` maps subject -> what."""
    if not whats:
        return []
    chains = {chain_of(subject): subject for subject in whats}
    role = role_of(actor) if actor is not None and actor.pk else ""
    for attempt in range(TRIES):
        try:
            with transaction.atomic():
                last = _last_entries(list(chains))
                now = timezone.now()
                entries = []
                for chain, subject in chains.items():
                    seq, prev = last.get(chain, (0, GENESIS))
                    entry = AuditEntry(
                        chain=chain,
                        seq=seq + 1,
                        at=now,
                        subject=subject,
                        actor=actor if actor is not None and actor.pk else None,
                        actor_name=actor.get_username() if actor is not None else "",
                        actor_role=role,
                        action=action,
                        what=whats[subject][:300],
                        address=address[:64],
                        prev_hash=prev,
                    )
                    entry.hash = entry_hash(entry.prev_hash, fields_of(entry))
                    entries.append(entry)
                return AuditEntry.objects.bulk_create(entries)
        except IntegrityError:  # another writer took a seq first: read the new ends, retry
            if attempt == TRIES - 1:
                raise
    raise AssertionError("unreachable")


def _last_entries(chains: list[str]) -> dict[str, tuple[int, str]]:
    """Return each chain's last (seq, hash), in one query."""
    newest = Window(RowNumber(), partition_by=[F("chain")], order_by=[F("seq").desc()])
    rows = (
        AuditEntry.objects.filter(chain__in=chains)
        .alias(newest=newest)
        .filter(newest=1)
        .values_list("chain", "seq", "hash")
    )
    return {chain: (seq, hash_) for chain, seq, hash_ in rows}
