"""`fibrolog report`: the clinician report as PDF or HTML."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from fibrolog.cli import _django

SECTION_KEYS = ("symptoms", "questionnaires", "treatments", "evidence", "notes")


@click.command()
@click.option("--from", "start", type=click.DateTime(["%Y-%m-%d"]), help="First day (YYYY-MM-DD).")
@click.option("--to", "end", type=click.DateTime(["%Y-%m-%d"]), help="Last day (default: today).")
@click.option("--user", "username", default=None, help="Account (default: the only one).")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="FILE.pdf or FILE.html.",
)
@click.option(
    "--section",
    "sections",
    multiple=True,
    type=click.Choice(SECTION_KEYS),
    help="A section to include (repeat; default: all but notes).",
)
@click.option("--notes", is_flag=True, help="Include your notes (left out unless you ask).")
@click.option("--name", default="", help="A name to print on the report (default: none).")
def report(start, end, username: str | None, out: Path, sections, notes: bool, name: str) -> None:
    """Write the clinician report for a period as PDF or HTML.

    The default period is the last 6 months, reaching back to 4 weeks before the latest
    treatment start when that is earlier.

    Example: fibrolog report --from 2026-01-01 --to 2026-06-30 --out report.pdf
    """
    if out.suffix.lower() not in (".pdf", ".html"):
        raise click.UsageError("--out must end in .pdf or .html")
    _django.setup()
    from fibrolog.reports.render import render_html, render_pdf
    from fibrolog.reports.services import ReportError, Request, build_report

    chosen = set(sections or ("symptoms", "questionnaires", "treatments", "evidence"))
    if notes:
        chosen.add("notes")
    person = _django.person(username)
    try:
        request = Request.for_period(
            person,
            start=start.date() if start else None,
            end=end.date() if end else None,
            sections=frozenset(chosen),
            name=name,
        )
        built = build_report(request)
    except ReportError as exc:
        raise click.ClickException(str(exc)) from None
    data = render_pdf(built) if out.suffix.lower() == ".pdf" else render_html(built).encode()
    from fibrolog.archive.export.document import write_private

    write_private(out, data)
    click.echo(f"Wrote the report for {_span(built.start, built.end)} to {out}")


def _span(start: date, end: date) -> str:
    return f"{start.isoformat()} to {end.isoformat()}"
