"""`fibrolog import KIND PATH`: bring data into a diary.

Each importer is one entry of IMPORTERS: a function (user, path, opts) -> (summary line, summary
dict), raising a ValueError whose message a person can act on. Add an entry to add a KIND.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from fibrolog.cli import _django
from fibrolog.ingest import KINDS

Summary = tuple[str, dict[str, Any]]


def import_fibrolog(user, path: Path, opts: dict[str, Any]) -> Summary:
    """Import a fibrolog export (JSON file, CSV folder or .zip) into an empty account."""
    from fibrolog.archive.restore.csv_files import read_csv_export
    from fibrolog.archive.restore.document import import_document, read_json

    is_csv = path.is_dir() or path.suffix.lower() == ".zip"
    doc = read_csv_export(path) if is_csv else read_json(path)
    counts = import_document(user, doc)
    line = f"Imported {sum(counts.values())} rows in {len(counts)} tables into {user.username!r}."
    return line, {"tables": counts}


def import_file(kind: str) -> Callable[..., Summary]:
    """Return the importer of a wearable or diary-app export."""

    def run(user, path: Path, opts: dict[str, Any]) -> Summary:
        from fibrolog.imports.cli import import_for_cli

        summary = import_for_cli(user, kind, path, opts)
        line = (
            f"Read {summary['records_read']} records: {summary['records_new']} new, "
            f"{summary['records_duplicate']} already here; "
            f"{summary['days_affected']} days changed."
        )
        return line, summary

    return run


FILE_KINDS = tuple(KINDS)
IMPORTERS: dict[str, Callable[..., Summary]] = {
    "fibrolog": import_fibrolog,
    **{kind: import_file(kind) for kind in FILE_KINDS},
}


@click.command("import")
@click.argument("kind", type=click.Choice(sorted(IMPORTERS)))
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--user", "username", default=None, help="Account (default: the only one).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--yes", is_flag=True, help="Accept the proposed scales without asking.")
@click.option(
    "--map",
    "mapping",
    multiple=True,
    metavar="COLUMN=METRIC",
    help="csv: a column and the metric it holds (repeat); also date=COLUMN, "
    "tags=COLUMN, note=COLUMN.",
)
def import_(
    kind: str, path: Path, username: str | None, as_json: bool, yes: bool, mapping: tuple[str, ...]
) -> None:
    """Import data of KIND from PATH into your diary.

    Re-importing the same or a newer export adds only what is new. Bearable, Flaredown and
    Daylio files do not say their scales: you are shown the proposal and asked to confirm
    (--yes accepts it). A csv needs --map.

    KIND fibrolog: a fibrolog export (JSON, or the CSV folder or .zip); it goes into an empty
    account only, all or nothing.

    Example: fibrolog import apple-health export.zip --json
    """
    _django.setup()
    person = _django.person(username)
    opts = {
        "yes": yes,
        "map": mapping,
        "interactive": not as_json and sys.stdin.isatty(),
        "progress": not as_json and sys.stderr.isatty(),
    }
    try:
        line, summary = IMPORTERS[kind](person, path, opts)
    except ValueError as exc:
        if as_json:
            click.echo(json.dumps({"errors": [str(exc)]}))
            sys.exit(1)
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(summary, sort_keys=True) if as_json else line)
