"""Collect everything a person entered or imported, by natural keys, in a stable order."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fibrolog.archive.codec import dump
from fibrolog.archive.registry import TABLES, Table

FORMAT = "fibrolog"
VERSION = 1


def table_rows(table: Table, user) -> list[dict[str, Any]]:
    """Return the person's rows of `table` as plain JSON values, sorted by natural key."""
    fields = table.fields()
    lookups = [
        f"{f.name}__{table.refs[f.name]}" if f.name in table.refs else f.attname for f in fields
    ]
    rows = [
        {
            f.name: raw if f.name in table.refs else dump(f, raw)
            for f, raw in zip(fields, values, strict=True)
        }
        for values in table.rows(user).values_list(*lookups)
    ]
    rows.sort(key=lambda row: _order(table, row))
    return rows


def _order(table: Table, row: dict[str, Any]) -> tuple:
    natural = tuple("" if row[k] is None else str(row[k]) for k in table.key)
    return (*natural, json.dumps(row, sort_keys=True, default=str))


def document(user, exported_at: datetime | None = None) -> dict[str, Any]:
    """Return the whole export as one JSON-ready dict."""
    moment = (exported_at or datetime.now(UTC)).astimezone(UTC)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": moment.isoformat(timespec="seconds").replace("+00:00", "Z"),
        "account": {"username": user.get_username()},
        "tables": {t.name: table_rows(t, user) for t in TABLES},
    }


def dumps(doc: dict[str, Any]) -> str:
    """Return a document as stable, readable JSON text."""
    return json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def write_private(path: Path, data: bytes) -> None:
    """Write `data` to `path` readable by its owner only (it is health data)."""
    tmp = path.with_name(path.name + ".part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)


def counts(doc: dict[str, Any]) -> dict[str, int]:
    """Return the number of rows per table."""
    return {name: len(rows) for name, rows in doc["tables"].items()}


def write_json(user, path: Path) -> dict[str, int]:
    """Write the JSON export to `path` and return the rows written per table."""
    doc = document(user)
    write_private(path, dumps(doc).encode("utf-8"))
    return counts(doc)
