"""Write an import into a person's diary: batched, idempotent, safe to kill and re-run.

Raw samples and diary-app records are stored under their natural keys, one transaction per
batch, so a re-import (or a re-run after a crash) adds only what is new. Daily values are then
derived from the whole file and upserted with the import's name as their source.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from fibrolog import ingest
from fibrolog.accounts.services import ensure_profile
from fibrolog.imports import writers
from fibrolog.imports.options import choices_from_json, mapping_from_json
from fibrolog.ingest import DayEntry, DayNote, DayTag, Intake, Sample
from fibrolog.ingest.kinds import Context
from fibrolog.ingest.kinds import kind as import_kind

BATCH = 10000  # one transaction (one fsync) per batch; bounded memory
Progress = Callable[[int, "int | None"], None]


@dataclass
class ImportSummary:
    """What an import did; `to_dict()` gives the CLI's --json keys."""

    records_read: int = 0
    records_new: int = 0
    records_duplicate: int = 0
    days: set = field(default_factory=set)
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "records_read": self.records_read,
            "records_new": self.records_new,
            "records_duplicate": self.records_duplicate,
            "days_affected": len(self.days),
            "errors": list(self.errors),
        }


def records(
    kind: str,
    path: str,
    *,
    tz: str,
    day_start_hour: int,
    options: dict[str, Any],
    progress: Progress | None,
) -> Iterator[Any]:
    """Open `path` with the parser for `kind`, using the person's confirmed options."""
    context = Context(
        tz=tz,
        day_start_hour=day_start_hour,
        choices=choices_from_json(options.get("choices", {})),
        mapping=mapping_from_json(options["mapping"]) if "mapping" in options else None,
        progress=progress,
    )
    return import_kind(kind).parse(path, context)


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_import(
    user,
    kind: str,
    path: str,
    *,
    options: dict[str, Any] | None = None,
    progress: Progress | None = None,
    batch_size: int = BATCH,
) -> ImportSummary:
    """Import `path` as `kind` for `user`; raise ingest.IngestError on a broken file.

    Everything committed before an error stays (it is keyed, so a re-run adds only the rest).
    """
    profile = ensure_profile(user)
    summary = ImportSummary()
    aggregator = ingest.DailyAggregator(profile.timezone, profile.day_start_hour)
    stream = records(
        kind,
        path,
        tz=profile.timezone,
        day_start_hour=profile.day_start_hour,
        options=options or {},
        progress=progress,
    )
    for batch in _batches(stream, batch_size):
        samples = [r for r in batch if isinstance(r, Sample)]
        for sample in samples:
            aggregator.add(sample)
        with transaction.atomic():
            new = writers.samples(user, samples)
            new += writers.keys(user, [r for r in batch if not isinstance(r, Sample)])
            summary.days |= writers.diary_records(
                user, [r for r in batch if isinstance(r, DayEntry | DayTag | DayNote | Intake)]
            )
        summary.records_read += len(batch)
        summary.records_new += new
    summary.records_duplicate = summary.records_read - summary.records_new
    with transaction.atomic():
        summary.days |= writers.daily_values(user, aggregator.result())
    return summary
