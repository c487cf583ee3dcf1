"""Record an entry, read a person's trail, verify every chain."""

from __future__ import annotations

from fibrolog.audit.services.bulk import record_each
from fibrolog.audit.services.chain import Problem, verify
from fibrolog.audit.services.record import entries_for, record

__all__ = ["Problem", "entries_for", "record", "record_each", "verify"]
