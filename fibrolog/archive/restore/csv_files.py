"""Read a CSV export (a folder or a .zip) back into the document the importer takes.

Only the files the export writes are read; a zip is checked entry by entry (count, names,
links, size, compression ratio) and read through a byte cap, so a hostile file cannot fill
the disk or reach outside.
"""

from __future__ import annotations

import csv
import io
import json
import stat
import zipfile
from pathlib import Path
from typing import Any

from fibrolog.archive import codec
from fibrolog.archive.export.csv_files import MANIFEST, WIDE
from fibrolog.archive.registry import BY_NAME
from fibrolog.archive.restore.document import ArchiveError, check_header

MAX_ENTRY = 256 * 1024 * 1024
MAX_RATIO = 200
MAX_ENTRIES = 64


def read_csv_export(path: Path) -> dict[str, Any]:
    """Return the document held in a CSV export folder or zip file."""
    raw = _zip(path) if path.is_file() else _folder(path)
    if MANIFEST not in raw:
        raise ArchiveError(f"{path} has no {MANIFEST}: not a fibrolog CSV export")
    try:
        doc = json.loads(raw[MANIFEST].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ArchiveError(f"{MANIFEST} is not JSON ({exc})") from None
    check_header(doc, MANIFEST)
    doc["tables"] = {
        name: _rows(name, raw.get(f"{name}.csv", b"")) for name in doc["tables"] if name in BY_NAME
    }
    return doc


def _wanted() -> set[str]:
    return {MANIFEST, WIDE, *(f"{name}.csv" for name in BY_NAME)}


def _folder(path: Path) -> dict[str, bytes]:
    if not path.is_dir():
        raise ArchiveError(f"{path} is neither a folder nor a zip file")
    out = {}
    for name in _wanted():
        file = path / name
        if file.is_symlink():
            raise ArchiveError(f"{file} is a link: refusing to follow it")
        if file.is_file():
            if file.stat().st_size > MAX_ENTRY:
                raise ArchiveError(f"{file} is too large")
            out[name] = file.read_bytes()
    return out


def _zip(path: Path) -> dict[str, bytes]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ArchiveError(f"{path} is not a zip file ({exc})") from None
    out = {}
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise ArchiveError(f"{path} has {len(entries)} entries; an export has far fewer")
        for info in entries:
            name = info.filename
            if name not in _wanted():
                raise ArchiveError(f"{path}: unexpected entry {name!r} (not written by fibrolog)")
            if stat.S_ISLNK(info.external_attr >> 16):
                raise ArchiveError(f"{path}: entry {name!r} is a link")
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > MAX_ENTRY or ratio > MAX_RATIO:
                raise ArchiveError(f"{path}: entry {name!r} is too large or too compressed")
            with archive.open(info) as handle:
                data = handle.read(MAX_ENTRY + 1)
            if len(data) > MAX_ENTRY:
                raise ArchiveError(f"{path}: entry {name!r} is larger than it says")
            out[name] = data
    return out


def _rows(name: str, data: bytes) -> list[dict[str, Any]]:
    table = BY_NAME[name]
    fields = {f.name: f for f in table.fields()}
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArchiveError(f"{name}.csv is not UTF-8 (byte {exc.start})") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        return []
    unknown = [c for c in header if c not in fields]
    if unknown:
        raise ArchiveError(f"{name}.csv: unknown column {unknown[0]!r}")
    rows = []
    try:
        for cells in reader:
            if len(cells) != len(header):
                raise ArchiveError(
                    f"{name}.csv line {reader.line_num}: {len(cells)} cells, header has "
                    f"{len(header)}"
                )
            row = {}
            for column, text_cell in zip(header, cells, strict=True):
                try:
                    if column in table.refs:  # a natural key: text, quoted like any text
                        row[column] = text_cell[1:] if text_cell.startswith("'") else text_cell
                    else:
                        row[column] = codec.uncell(fields[column], text_cell)
                except ValueError as exc:
                    raise ArchiveError(
                        f"{name}.csv line {reader.line_num}: {column} {exc}"
                    ) from None
            rows.append(row)
    except csv.Error as exc:
        raise ArchiveError(f"{name}.csv line {reader.line_num}: {exc}") from None
    return rows
