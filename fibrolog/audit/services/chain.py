"""The hash that links each entry to the one before, and the check that walks the chains."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

GENESIS = "0" * 64


def entry_hash(prev_hash: str, fields: dict[str, object]) -> str:
    """Return the SHA-256 of the previous hash and the entry's fields in a canonical form."""
    body = json.dumps(fields, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(f"{prev_hash}\n{body}".encode()).hexdigest()


def fields_of(entry) -> dict[str, object]:
    """Return what the hash covers: everything an edit could change."""
    return {
        "chain": entry.chain,
        "seq": entry.seq,
        "at": entry.at.isoformat(),
        "subject": entry.subject_id,
        "actor": entry.actor_name,
        "role": entry.actor_role,
        "action": entry.action,
        "what": entry.what,
        "address": entry.address,
    }


@dataclass(frozen=True)
class Problem:
    chain: str
    seq: int
    reason: str

    def __str__(self) -> str:
        return f"{self.chain} entry {self.seq}: {self.reason}"


@dataclass(frozen=True)
class Verdict:
    """What a walk of the chains found: how many entries, and each one that does not hold."""

    checked: int
    problems: tuple[Problem, ...]

    @property
    def intact(self) -> bool:
        return not self.problems


def check(chain: str | None = None) -> Verdict:
    """Walk one chain (or all); return how many entries were checked and what broke."""
    from fibrolog.audit.models import AuditEntry

    entries = AuditEntry.objects.all() if chain is None else AuditEntry.objects.filter(chain=chain)
    problems: list[Problem] = []
    checked = 0
    current, prev, expected_seq = None, GENESIS, 1
    for entry in entries.order_by("chain", "seq").iterator(chunk_size=2000):
        checked += 1
        if entry.chain != current:
            current, prev, expected_seq = entry.chain, GENESIS, 1
        if entry.seq != expected_seq:
            problems.append(Problem(entry.chain, entry.seq, f"expected entry {expected_seq}"))
        if entry.prev_hash != prev:
            problems.append(Problem(entry.chain, entry.seq, "does not follow the entry before"))
        if entry.hash != entry_hash(entry.prev_hash, fields_of(entry)):
            problems.append(Problem(entry.chain, entry.seq, "was changed after it was written"))
        prev, expected_seq = entry.hash, entry.seq + 1
    return Verdict(checked, tuple(problems))


def verify() -> list[Problem]:
    """Walk every chain in order; return each entry whose link or hash does not hold."""
    return list(check().problems)
