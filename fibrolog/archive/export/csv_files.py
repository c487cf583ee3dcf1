"""Write the export as RFC 4180 CSV files: one per table, a wide diary.csv and a manifest.

A path ending in .zip gets one zip file (entries in a fixed order with a fixed date, so two
exports of the same data differ only in the manifest's `exported_at`); any other path a folder.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

from django.db.models import F, Q

from fibrolog.archive.codec import cell
from fibrolog.archive.export.document import document, dumps, write_private
from fibrolog.archive.registry import TABLES
from fibrolog.diary.models import DailyValue, Metric

MANIFEST = "fibrolog.json"
WIDE = "diary.csv"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def _csv(header: list[str], rows: list[list[Any]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def files(user) -> tuple[dict[str, bytes], dict[str, int]]:
    """Return every file of the CSV export by name, in writing order, and the rows per table."""
    doc = document(user)
    out: dict[str, bytes] = {}
    columns: dict[str, list[str]] = {}
    for table in TABLES:
        fields = table.fields()
        names = [f.name for f in fields]
        columns[table.name] = names
        rows = [
            [cell(None if f.name in table.refs else f, row[f.name]) for f in fields]
            for row in doc["tables"][table.name]
        ]
        out[f"{table.name}.csv"] = _csv(names, rows)
    out[WIDE] = wide(user)
    manifest = {k: v for k, v in doc.items() if k != "tables"}
    manifest["tables"] = columns
    manifest["wide"] = WIDE
    counts = {name: len(rows) for name, rows in doc["tables"].items()}
    return {MANIFEST: dumps(manifest).encode("utf-8"), **out}, counts


def wide(user) -> bytes:
    """Return diary.csv: a date column and one column per metric (empty: not logged)."""
    rows = DailyValue.objects.for_user(user).preferred()
    best = {
        (day.isoformat(), key): value
        for day, key, value in rows.values_list("day", "metric__key", "value")
    }
    used = {metric for _, metric in best}
    order = Metric.objects.filter(Q(owner__isnull=True) | Q(owner=user)).order_by(
        F("owner_id").asc(nulls_first=True), "position", "key"
    )  # built-in metrics first on every database
    metrics = [k for k in order.values_list("key", flat=True) if k in used]
    days = sorted({day for day, _ in best})
    table = [[day, *(cell(None, best.get((day, k))) for k in metrics)] for day in days]
    return _csv(["date", *metrics], table)


def write_csv(user, path: Path) -> dict[str, int]:
    """Write the CSV export to a folder or, when `path` ends in .zip, one zip file."""
    parts, counts = files(user)
    if path.suffix.lower() == ".zip":
        write_private(path, zip_bytes(parts))
    else:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        for name, data in parts.items():
            write_private(path / name, data)
    return counts


def zip_bytes(parts: dict[str, bytes]) -> bytes:
    """Return the files as one zip, entries in order with a fixed date (a stable archive)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
