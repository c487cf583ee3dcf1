"""`fibrolog erase`: remove a person and everything they own."""

from __future__ import annotations

import click

from fibrolog.cli import _django


@click.command()
@click.option("--user", "username", required=True, help="The account to erase.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def erase(username: str, yes: bool) -> None:
    """Erase an account: every row it owns, the account itself and its sessions.

    This cannot be undone: export first if you may want the data back.

    Example: fibrolog erase --user maya --yes
    """
    _django.setup()
    from fibrolog.archive.erase import erase_person

    person = _django.person(username)
    name = person.get_username()
    if not yes:
        click.confirm(f"Erase {name!r} and all of their data? This cannot be undone", abort=True)
    removed = erase_person(person)
    files = removed.pop("files", 0)
    click.echo(f"Erased {name!r}: {sum(removed.values())} rows and {files} uploaded files removed.")
