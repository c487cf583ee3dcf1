"""What `fibrolog import KIND PATH` does for the file kinds: confirm, import with progress."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from fibrolog.imports.loader import run_import
from fibrolog.imports.options import PREVIEWED, choices_to_json


def _options(kind: str, path: Path, opts: dict[str, Any]) -> dict[str, Any]:
    if kind == "csv":
        return {"mapping": parse_map(opts.get("map", ()))}
    if kind not in PREVIEWED:
        return {}
    preview = PREVIEWED[kind](str(path))
    click.echo(preview.summary(), err=True)
    if not opts.get("yes"):
        if not opts.get("interactive"):
            raise ValueError(
                f"{kind}: the file does not state its scales; check the proposal "
                "above and run again with --yes to accept it"
            )
        if not click.confirm("Import with these scales and names?", err=True):
            raise ValueError("Nothing imported.")
    return {"choices": choices_to_json(preview.proposed)}


def parse_map(pairs: tuple[str, ...]) -> dict[str, Any]:
    """Turn ("date=Day", "Pain=pain", ...) into a generic-CSV column mapping."""
    mapping: dict[str, Any] = {"metrics": {}}
    for pair in pairs:
        left, sep, right = pair.partition("=")
        if not sep or not left or not right:
            raise ValueError(f"--map {pair!r}: write COLUMN=METRIC, or date=COLUMN")
        if left in ("date", "tags", "note"):
            mapping[left] = right
        else:
            mapping["metrics"][left] = right
    if "date" not in mapping or not mapping["metrics"]:
        raise ValueError("csv: give --map date=COLUMN and at least one --map COLUMN=METRIC")
    return mapping


def import_for_cli(user, kind: str, path: Path, opts: dict[str, Any]) -> dict[str, Any]:
    """Run an import from the terminal, with a progress bar when it has one."""
    from fibrolog.ingest import IngestError

    options = _options(kind, path, opts)
    size = path.stat().st_size if path.is_file() else None
    try:
        if opts.get("progress") and size:
            with click.progressbar(length=size, label="Importing", file=sys.stderr) as bar:
                seen = {"n": 0}

                def progress(done: int, total: int | None) -> None:
                    bar.update(max(0, done - seen["n"]))
                    seen["n"] = done

                summary = run_import(user, kind, str(path), options=options, progress=progress)
        else:
            summary = run_import(user, kind, str(path), options=options)
    except IngestError as exc:
        raise ValueError(str(exc)) from None
    return summary.to_dict()
