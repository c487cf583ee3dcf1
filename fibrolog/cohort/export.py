"""Write a de-identified research copy of a cohort folder: Parquet tables and a dictionary."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pandas as pd

from fibrolog.cohort.anonymity import K, band, min_class_size, suppress
from fibrolog.cohort.files import read_folder

__all__ = ["MAX_SHIFT_DAYS", "ExportReport", "export_folder"]

MAX_SHIFT_DAYS = 365  # each person's dates move by a secret offset in +-this many days
NOT_COVARIATES = frozenset({"id", "consent", "name", "email", "notes", "note"})


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote and left out."""

    people: int
    left_out: int
    dropped_columns: tuple[str, ...]
    suppressed_cells: int
    smallest_group: int
    files: tuple[str, ...]

    def words(self) -> str:
        """Return the report as plain sentences."""
        dropped = ", ".join(self.dropped_columns) or "none"
        return (
            f"Exported {self.people} people who consented ({self.left_out} left out: no "
            f"consent=yes in people.csv).\nText columns dropped: {dropped}.\n"
            f"Covariates banded; {self.suppressed_cells} cells suppressed so that every "
            f"combination is shared by at least {K} people (smallest group: "
            f"{self.smallest_group}).\nWrote: {', '.join(self.files)}."
        )


def _numeric_columns(table: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Split a raw diary's columns into numeric ones and text ones (free text, names)."""
    keep: list[str] = []
    drop: list[str] = []
    for column in table.columns:
        cells = table[column].str.strip()
        filled = cells[cells != ""]
        numbers = pd.to_numeric(filled, errors="coerce")
        (keep if numbers.notna().all() else drop).append(column)
    return keep, drop


def export_folder(folder: str | Path, out: str | Path) -> ExportReport:
    """Export the consenting people of a cohort folder, de-identified, as Parquet.

    Writes ``diary.parquet`` (research id, shifted date, numeric diary columns),
    ``people.parquet`` (research id, banded covariates, k-anonymous) and
    ``data_dictionary.json``. Ids become random research ids and each person's dates move
    by a random offset; neither mapping is written anywhere.

    Raises
    ------
    ValueError
        When no one in people.csv has consent=yes.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    found = read_folder(folder)
    chosen = found.consented()
    if not chosen:
        raise ValueError("no one in people.csv has consent=yes: nothing to export")
    order = sorted(chosen, key=lambda _: secrets.randbits(64))  # no trace of the file order
    research = {pid: f"r{i + 1:05d}" for i, pid in enumerate(order)}
    frames, dropped = [], set()
    for pid in order:
        raw = pd.read_csv(found.diaries[pid], dtype=str, keep_default_na=False,
                          encoding="utf-8-sig")  # fmt: skip
        raw.columns = [str(c).strip() for c in raw.columns]
        dates = pd.to_datetime(raw.pop("date").str.strip(), format="%Y-%m-%d", errors="coerce")
        keep, drop = _numeric_columns(raw)
        dropped.update(drop)
        values = raw[keep].apply(lambda c: pd.to_numeric(c.str.strip(), errors="coerce"))
        shift = timedelta(days=secrets.randbelow(2 * MAX_SHIFT_DAYS + 1) - MAX_SHIFT_DAYS)
        values.insert(0, "date", (dates + shift).dt.date)
        values.insert(0, "research_id", research[pid])
        frames.append(values[dates.notna().to_numpy()])
    diary = pd.concat(frames, ignore_index=True, sort=False)
    columns = sorted({c for pid in order for c in found.people[pid]} - NOT_COVARIATES)
    people = pd.DataFrame(
        [
            {"research_id": research[pid], **{c: band(c, found.people[pid].get(c, "")) or None
                                               for c in columns}}
            for pid in order
        ]
    )  # fmt: skip
    people, cells = suppress(people, columns) if columns else (people, 0)
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pandas(diary, preserve_index=False), target / "diary.parquet")
    pq.write_table(pa.Table.from_pandas(people, preserve_index=False), target / "people.parquet")
    dictionary = _dictionary(diary, columns)
    (target / "data_dictionary.json").write_text(json.dumps(dictionary, indent=2) + "\n")
    return ExportReport(
        people=len(order),
        left_out=len(found.diaries) - len(order),
        dropped_columns=tuple(sorted(dropped)),
        suppressed_cells=cells,
        smallest_group=min_class_size(people, columns),
        files=("diary.parquet", "people.parquet", "data_dictionary.json"),
    )


def _dictionary(diary: pd.DataFrame, covariates: list[str]) -> dict[str, object]:
    """Return the data dictionary: every table, every column, what it means."""
    series = [c for c in diary.columns if c not in ("research_id", "date")]
    return {
        "about": (
            "De-identified research export from fibrolog (docs/methods.md, 'Many people'). "
            "Dates are shifted by a secret random offset per person (intervals within a person "
            "are kept, calendar dates and seasons are not). Free text and names are removed. "
            f"Covariates are banded and suppressed (null) where fewer than {K} people share "
            "a combination."
        ),
        "tables": {
            "diary": {
                "research_id": "random id of the person (no link to any other id is kept)",
                "date": "the diary day, shifted by the person's secret offset",
                **{c: "a diary series as logged (empty = not logged); 0/1 for treatments "
                      "and tags" for c in series},
            },
            "people": {
                "research_id": "as in diary",
                **{c: "banded covariate from people.csv (null = suppressed or missing)"
                   for c in covariates},
            },
        },
    }  # fmt: skip
