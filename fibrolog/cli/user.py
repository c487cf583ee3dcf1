"""`fibrolog user create`."""

from __future__ import annotations

import sys

import click

from fibrolog.cli import _django


def _passphrase(from_stdin: bool, prompt: str) -> str:
    """Read a passphrase from the first line of stdin, or ask for it twice."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(click.prompt(prompt, hide_input=True, confirmation_prompt=True))


@click.group()
def user() -> None:
    """Manage accounts.

    Example: fibrolog user create alice --password-stdin < passphrase.txt
    """


@user.command("create")
@click.argument("name")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the passphrase from the first line of standard input.",
)
def create(name: str, password_stdin: bool) -> None:
    """Create an account called NAME.

    Without --password-stdin you are asked for the passphrase twice.

    Example: echo "correct horse battery staple" | fibrolog user create alice --password-stdin
    """
    password = _passphrase(password_stdin, "Passphrase")
    _django.setup()
    from fibrolog.accounts.services import AccountError, create_account

    try:
        create_account(name, password)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Created {name}. Start the app with: fibrolog serve")


@user.command("password")
@click.argument("name")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the passphrase from the first line of standard input.",
)
def password(name: str, password_stdin: bool) -> None:
    """Set a new passphrase for NAME (this ends nothing else; log in again in the browser).

    Example: echo "a new long passphrase" | fibrolog user password demo --password-stdin
    """
    secret = _passphrase(password_stdin, "New passphrase")
    _django.setup()
    from fibrolog.accounts.services import AccountError, set_password

    try:
        set_password(_django.person(name), secret)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Passphrase set for {name}.")
