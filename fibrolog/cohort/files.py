"""Find the people of a cohort folder: one diary CSV per person, and an optional people.csv."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

__all__ = ["PEOPLE_FILE", "Folder", "read_folder"]

PEOPLE_FILE = "people.csv"


@dataclass(frozen=True)
class Folder:
    """A cohort folder: each person's diary file (id = file stem) and their covariates."""

    diaries: dict[str, Path]
    people: dict[str, dict[str, str]]

    def consented(self) -> list[str]:
        """Return the ids listed in people.csv with ``consent=yes`` that have a diary."""
        return sorted(
            pid
            for pid, row in self.people.items()
            if row.get("consent", "").strip().lower() == "yes" and pid in self.diaries
        )


def read_folder(folder: str | Path) -> Folder:
    """Return the diaries (``*.csv`` except people.csv) and covariates of a cohort folder."""
    path = Path(folder)
    if not path.is_dir():
        raise ValueError(f"{folder} is not a folder")
    diaries = {p.stem: p for p in sorted(path.glob("*.csv")) if p.name != PEOPLE_FILE}
    people: dict[str, dict[str, str]] = {}
    table = path / PEOPLE_FILE
    if table.exists():
        with table.open(newline="", encoding="utf-8-sig") as handle:
            for row in csv.DictReader(handle):
                clean = {str(k).strip(): (v or "").strip() for k, v in row.items() if k}
                if clean.get("id"):
                    people[clean["id"]] = clean
    return Folder(diaries, people)
