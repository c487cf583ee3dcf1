"""Record an entry, read a person's trail, verify every chain."""

from __future__ import annotations

from fibrolog.audit.services.bulk import record_each
from fibrolog.audit.services.chain import Problem, Verdict, check, verify
from fibrolog.audit.services.record import chain_of, entries_for, record

__all__ = [
    "Problem",
    "Verdict",
    "chain_of",
    "check",
    "entries_for",
    "record",
    "record_each",
    "verify",
]
