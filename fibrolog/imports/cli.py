"""What `fibrolog import KIND PATH` does for the file kinds: answer, confirm, import."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from fibrolog.accounts.services import ensure_profile
from fibrolog.imports.loader import run_import
from fibrolog.imports.options import choices_to_json
from fibrolog.ingest.answers import answer_preview, column_map, missing
from fibrolog.ingest.kinds import COLUMNS, CONFIRM, Context, ImportKind
from fibrolog.ingest.kinds import kind as import_kind


def _refuse_unused(kind: ImportKind, opts: dict[str, Any]) -> None:
    takes = {a.usage.split()[0] for a in kind.answers}
    given = {"--map": opts.get("map"), "--person": opts.get("person")}
    given["--date-format"] = opts.get("date_format")
    for flag, value in given.items():
        if value and flag not in takes:
            raise ValueError(f"{flag}: a {kind.name} import takes no {flag} (see --help)")


def _options(user, kind: ImportKind, path: Path, opts: dict[str, Any]) -> dict[str, Any]:
    _refuse_unused(kind, opts)
    pairs = tuple(opts.get("map") or ())
    if kind.step == COLUMNS:
        return {"mapping": column_map(pairs, opts.get("date_format") or "")}
    if kind.step != CONFIRM or kind.preview is None:
        return {}
    context = Context(day_start_hour=ensure_profile(user).day_start_hour)
    preview = kind.preview(str(path), context)
    click.echo(preview.summary(), err=True)
    choices = answer_preview(preview, kind.answers, pairs, opts.get("person") or "")
    problems = missing(preview, choices)
    if problems:
        then = "" if opts.get("yes") else "; then --yes accepts the rest of the proposal"
        raise ValueError(f"{kind.name}: {'; '.join(problems)}{then}")
    if not opts.get("yes"):
        if not opts.get("interactive"):
            raise ValueError(
                f"{kind.name}: the file does not state its scales; check the proposal "
                "above and run again with --yes to accept it"
            )
        if not click.confirm("Import with these scales and names?", err=True):
            raise ValueError("Nothing imported.")
    return {"choices": choices_to_json(choices)}


def import_for_cli(user, kind: str, path: Path, opts: dict[str, Any]) -> dict[str, Any]:
    """Run an import from the terminal, with a progress bar when it has one."""
    from fibrolog.ingest import IngestError

    options = _options(user, import_kind(kind), path, opts)
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
