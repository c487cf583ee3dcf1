"""`fibrolog import KIND PATH`: bring data into a diary.

Each importer is one entry of IMPORTERS: a function (user, path, opts) -> (summary line, summary
dict), raising a ValueError whose message a person can act on. The file kinds, their options and
their help come from the one registry, `fibrolog.ingest.kinds.KINDS`: add a kind there.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from fibrolog.cli import _django
from fibrolog.ingest.kinds import KINDS

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


def _answers_help() -> str:
    """Return each option that answers what a file does not say, with the kinds that take it."""
    takers: dict[str, list[str]] = {}
    helps: dict[str, str] = {}
    for kind in KINDS.values():
        for answer in kind.answers:
            takers.setdefault(answer.usage, []).append(kind.name)
            helps[answer.usage] = answer.help
    lines = ["\b", "What a file does not say, given as options (the web asks in a form):"]
    for usage, kinds in takers.items():
        lines.append(f"  {usage:<26} {', '.join(kinds)}: {helps[usage]}")
    return "\n".join(lines)


@click.command("import", epilog=_answers_help())
@click.argument("kind", type=click.Choice(sorted(IMPORTERS)))
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--user", "username", default=None, help="Account (default: the only one).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--yes", is_flag=True, help="Accept the proposed scales without asking.")
@click.option(
    "--map", "mapping", multiple=True, metavar="ANSWER", help="An answer about the file (repeat)."
)
@click.option(
    "--person",
    "person_id",
    default="",
    metavar="ID",
    help="Whose rows to import from a file of several people.",
)
@click.option(
    "--date-format", default="", metavar="FORMAT", help="csv: how dates are written (%d/%m/%Y)."
)
def import_(
    kind: str,
    path: Path,
    username: str | None,
    as_json: bool,
    yes: bool,
    mapping: tuple[str, ...],
    person_id: str,
    date_format: str,
) -> None:
    """Import data of KIND from PATH into your diary.

    Re-importing the same or a newer export adds only what is new. Bearable, Flaredown and
    Daylio files do not say their scales: you are shown the proposal and asked to confirm
    (--yes accepts it); --map and --person change it (below). A csv needs --map.

    KIND fibrolog: a fibrolog export (JSON, or the CSV folder or .zip); it goes into an empty
    account only, all or nothing.

    Example: fibrolog import apple-health export.zip --json

    Example: fibrolog import daylio daylio.csv --map mood:super=9 --map mood:blah=3 --yes
    """
    _django.setup()
    person = _django.person(username)
    opts = {
        "yes": yes,
        "map": mapping,
        "person": person_id,
        "date_format": date_format,
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
