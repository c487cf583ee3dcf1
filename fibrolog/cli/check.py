"""`fibrolog check --deploy`."""

from __future__ import annotations

import click

from fibrolog.cli import _django


@click.command()
@click.option("--deploy", is_flag=True, help="Also run the checks for a server deployment.")
def check(deploy: bool) -> None:
    """Check the settings and the database; exit non-zero with a list of what is wrong.

    With --deploy, run Django's deployment checks and fibrolog's own (secret key, debug, database,
    worker): run it on the server, with the server's environment.

    Example: FIBROLOG_PUBLIC_URL=https://diary.example.org fibrolog check --deploy
    """
    _django.setup(migrate=False)  # a check changes nothing
    from django.core import checks as django_checks
    from django.db import connection

    from fibrolog.web.checks import deploy_report

    connection.ensure_connection()  # an unreachable database stops here, in one line

    found = (
        deploy_report()
        if deploy
        else [m for m in django_checks.run_checks(databases=["default"]) if not m.is_silenced()]
    )
    problems = [m for m in found if m.level >= django_checks.WARNING]
    for message in found:
        if message.level < django_checks.WARNING:
            click.echo(f"ok    {message.msg}")
    for message in problems:
        label = "ERROR" if message.level >= django_checks.ERROR else "WARN "
        hint = f"\n      hint: {message.hint}" if message.hint else ""
        click.echo(f"{label} {message.id}: {message.msg}{hint}", err=True)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) found")
    click.echo("No problems found.")
