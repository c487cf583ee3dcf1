"""`fibrolog import KIND PATH`: bring data into a diary.

Each importer is one entry of IMPORTERS: a function (user, path) -> summary line, raising a
ValueError whose message a person can act on. Add an entry to add a KIND.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from fibrolog.cli import _django


def import_fibrolog(user, path: Path) -> str:
    """Import a fibrolog export (JSON file, CSV folder or .zip) into an empty account."""
    from fibrolog.archive.csv_import import read_csv_export
    from fibrolog.archive.importer import import_document, read_json

    is_csv = path.is_dir() or path.suffix.lower() == ".zip"
    doc = read_csv_export(path) if is_csv else read_json(path)
    counts = import_document(user, doc)
    return f"Imported {sum(counts.values())} rows in {len(counts)} tables into {user.username!r}."


IMPORTERS: dict[str, Callable[..., str]] = {
    "fibrolog": import_fibrolog,
}


@click.command("import")
@click.argument("kind", type=click.Choice(sorted(IMPORTERS)))
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--user", "username", default=None, help="Account (default: the only one).")
def import_(kind: str, path: Path, username: str | None) -> None:
    """Import data of KIND from PATH into your diary.

    KIND fibrolog: a fibrolog export (JSON, or the CSV folder or .zip); it goes into an empty
    account only, all or nothing.

    Example: fibrolog import fibrolog maya.json --user maya
    """
    _django.setup()
    person = _django.person(username)
    try:
        click.echo(IMPORTERS[kind](person, path))
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
