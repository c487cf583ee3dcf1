"""Append one entry to each of many people's chains in a constant number of queries.

A page that shows many people's data at once (the clinic dashboard) records a view for each
of them; one entry per person still, but read and written in bulk rather than person by person.
"""

from __future__ import annotations

from django.db import IntegrityError, connection, transaction
from django.db.models import CharField, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from fibrolog.accounts.access import role_of
from fibrolog.audit.models import AuditEntry
from fibrolog.audit.services.chain import GENESIS, entry_hash, fields_of
from fibrolog.audit.services.record import TRIES, chain_of, lock_chains


def record_each(actor, action: str, whats: dict, *, address: str = "") -> list[AuditEntry]:
    """Append "actor did action on what" to each subject's chain; `whats` maps subject -> what."""
    if not whats:
        return []
    if any(subject is None for subject in whats):
        raise ValueError("record_each records views of people's data: every entry needs a subject")
    chains = {chain_of(subject): subject for subject in whats}
    role = role_of(actor) if actor is not None and actor.pk else ""
    for attempt in range(TRIES):
        try:
            with transaction.atomic():
                lock_chains(chains)  # as record() does: appends to one chain queue up
                last = _last_entries(list(whats))
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
                _insert(entries)
                return entries
        except IntegrityError:  # another writer took a seq first: read the new ends, retry
            if attempt == TRIES - 1:
                raise
    raise AssertionError("unreachable")


def _last_entries(subjects: list) -> dict[str, tuple[int, str]]:
    """Return each person's chain's last (seq, hash), in one query.

    A correlated subquery per person walks the (chain, seq) index backwards to its first row,
    so the cost does not grow with the length of the chains.
    """
    from django.contrib.auth import get_user_model

    chain = Concat(Value("person:"), Cast(OuterRef("pk"), CharField()))
    newest = AuditEntry.objects.filter(chain=chain).order_by("-seq")
    rows = (
        get_user_model()
        .objects.filter(pk__in=[s.pk for s in subjects])
        .annotate(
            last_seq=Subquery(newest.values("seq")[:1]),
            last_hash=Subquery(newest.values("hash")[:1]),
        )
        .filter(last_seq__isnull=False)
        .values_list("pk", "last_seq", "last_hash")
    )
    return {f"person:{pk}": (seq, hash_) for pk, seq, hash_ in rows}


COLUMNS = ("chain", "seq", "at", "subject_id", "actor_id", "actor_name", "actor_role", "action")
COLUMNS += ("what", "address", "prev_hash", "hash")


def _insert(entries: list[AuditEntry]) -> None:
    """Write the entries with one executemany (bulk_create's SQL building cost more than the
    insert itself for a dashboard's 300 entries); plain SQL that SQLite and PostgreSQL share."""
    at = connection.ops.adapt_datetimefield_value
    sql = (
        f"INSERT INTO {connection.ops.quote_name(AuditEntry._meta.db_table)} "
        f"({', '.join(COLUMNS)}) VALUES ({', '.join(['%s'] * len(COLUMNS))})"
    )
    rows = [[getattr(e, c) for c in COLUMNS] for e in entries]
    for row in rows:
        row[2] = at(row[2])
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
