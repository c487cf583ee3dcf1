"""A de-identified research copy of the consented people in the database, one person at a time."""

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

import pandas as pd
from django.contrib.auth import get_user_model

from fibrolog.audit.services import record
from fibrolog.catalogue.treatments import TREATMENTS
from fibrolog.cohort.export import MAX_SHIFT_DAYS, ExportReport
from fibrolog.cohort.services.consent import consented_people
from fibrolog.cohort.services.people import ALL, CohortError, choose
from fibrolog.diary.models import DailyValue, Metric
from fibrolog.diary.services.frame import diary_frame

__all__ = ["export_people"]

LEFT_OUT = ("notes", "tags", "own metrics", "own treatments", "flares", "questionnaires")


def export_people(names: Sequence[str], out: str | Path) -> ExportReport:
    """Export the chosen consented people (or all), de-identified, as Parquet.

    Writes ``diary.parquet`` (research id, shifted date, built-in metrics, catalogue
    treatments as 0/1), ``people.parquet`` (research ids) and ``data_dictionary.json``.
    Each person is read, shifted and written before the next is read (one Parquet row group
    each), so memory holds one diary at a time. Free-text names never leave: the person's own
    metrics and treatments, tags and notes are left out.

    Raises
    ------
    CohortError
        Unknown person, no consent, nobody consented.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    ids = _chosen(names)
    if not ids:
        raise CohortError("nobody has consented to research use yet: nothing to export")
    builtin = sorted(
        DailyValue.objects.filter(user_id__in=ids, metric__owner__isnull=True)
        .values_list("metric__key", flat=True)
        .distinct()
    )
    catalogue = sorted(t.key for t in TREATMENTS)
    columns = builtin + [c for c in catalogue if c not in builtin]
    schema = pa.schema(
        [("research_id", pa.string()), ("date", pa.date32())] + [(c, pa.float64()) for c in columns]
    )
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    order = sorted(ids, key=lambda _: secrets.randbits(64))  # no trace of account order
    research = [f"r{i + 1:05d}" for i in range(len(order))]
    users = get_user_model().objects
    with pq.ParquetWriter(target / "diary.parquet", schema) as writer:
        for user_id, rid in zip(order, research, strict=True):
            user = users.get(pk=user_id)
            record(None, "read", "diary for a de-identified research export", subject=user)
            frame, _ = diary_frame(user)
            shift = timedelta(days=secrets.randbelow(2 * MAX_SHIFT_DAYS + 1) - MAX_SHIFT_DAYS)
            table = pd.DataFrame(index=range(len(frame.index)))
            table["research_id"] = rid
            table["date"] = [(d + shift).date() for d in frame.index]
            for c in columns:
                table[c] = frame[c].to_numpy() if c in frame else float("nan")
            writer.write_table(pa.Table.from_pandas(table, schema=schema, preserve_index=False))
    people = pa.table({"research_id": pa.array(sorted(research))})
    pq.write_table(people, target / "people.parquet")
    (target / "data_dictionary.json").write_text(json.dumps(_dictionary(columns), indent=2) + "\n")
    everyone = users.filter(profile__role="person").count()
    return ExportReport(
        people=len(order),
        left_out=everyone - len(order),
        dropped_columns=LEFT_OUT,
        suppressed_cells=0,
        smallest_group=len(order),
        files=("diary.parquet", "people.parquet", "data_dictionary.json"),
    )


def _chosen(names: Sequence[str]) -> list[int]:
    """Return everyone who consented (``all``) or the named consented people."""
    if list(names) == [ALL]:
        return list(consented_people().values_list("pk", flat=True))
    return choose(names, "")


def _dictionary(columns: list[str]) -> dict[str, object]:
    """Return the data dictionary of the database export."""
    names = {m.key: m.name for m in Metric.objects.filter(owner__isnull=True)}
    names.update({t.key: f"{t.name}: 1 on days on it, 0 off" for t in TREATMENTS})
    return {
        "about": (
            "De-identified research export from fibrolog's database (docs/methods.md, 'Many "
            "people'): only people who consented to research use. Dates are shifted by a "
            "secret random offset per person; research ids are random and no link to an "
            "account is kept. Left out: " + ", ".join(LEFT_OUT) + "."
        ),
        "tables": {
            "diary": {
                "research_id": "random id of the person",
                "date": "the diary day, shifted by the person's secret offset",
                **{c: names.get(c, c) + " (empty = not logged)" for c in columns},
            },
            "people": {"research_id": "as in diary (no covariates are exported yet)"},
        },
    }
