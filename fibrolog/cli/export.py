"""`fibrolog export`: everything a person entered or imported, as JSON, CSV or FHIR R4."""

from __future__ import annotations

from pathlib import Path

import click

from fibrolog.cli import _django


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv", "fhir"]),
    default="json",
    show_default=True,
    help="json: the complete export (it imports back); csv: one file per table plus a wide "
    "diary.csv, in a folder or a .zip; fhir: a FHIR R4 Bundle for clinical systems.",
)
@click.option("--out", type=click.Path(path_type=Path), required=True, help="File or folder.")
@click.option("--user", "username", default=None, help="Account (default: the only one).")
@click.option(
    "--patient-name",
    default="",
    help="FHIR only: the name to put on the Patient (default: none, just an id).",
)
def export(fmt: str, out: Path, username: str | None, patient_name: str) -> None:
    """Export your data in an open format (see docs/your-data.md).

    Example: fibrolog export --format json --out maya.json
    """
    _django.setup()
    from fibrolog.archive.export.csv_files import write_csv
    from fibrolog.archive.export.document import write_json
    from fibrolog.archive.export.fhir_bundle import write_fhir

    person = _django.person(username)
    try:
        if fmt == "fhir":
            n = write_fhir(person, out, name=patient_name)
            click.echo(f"Wrote a FHIR R4 Bundle of {n} resources to {out}")
            return
        counts = write_csv(person, out) if fmt == "csv" else write_json(person, out)
    except OSError as exc:
        raise click.ClickException(f"cannot write {out}: {exc.strerror or exc}") from None
    rows = sum(counts.values())
    click.echo(f"Wrote {rows} rows in {len(counts)} tables to {out}")
