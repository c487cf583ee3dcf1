"""`fibrolog user create|password|unlock` and `fibrolog invite`."""

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


ROLES = click.Choice(["person", "clinician", "admin"])


@user.command("create")
@click.argument("name")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the passphrase from the first line of standard input.",
)
@click.option(
    "--role",
    type=ROLES,
    default="person",
    show_default=True,
    help="person keeps a diary; clinician sees what people share; admin manages accounts.",
)
def create(name: str, password_stdin: bool, role: str) -> None:
    """Create an account called NAME.

    Without --password-stdin you are asked for the passphrase twice.

    Example: echo "correct horse battery staple" | fibrolog user create alice --password-stdin
    """
    password = _passphrase(password_stdin, "Passphrase")
    _django.setup()
    from fibrolog.accounts.services import AccountError, create_account

    try:
        create_account(name, password, role=role)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Created {name} ({role}). Start the app with: fibrolog serve")


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


@user.command("unlock")
@click.argument("name")
def unlock(name: str) -> None:
    """Let NAME log in again now, after too many failed logins locked the account.

    Example: fibrolog user unlock alice
    """
    _django.setup()
    from fibrolog.accounts.services.lockout import unlock as forget_failures

    account = _django.person(name)
    forget_failures(account.get_username())
    click.echo(f"{account.get_username()} can log in again.")


@click.command("invite")
@click.option("--role", type=ROLES, required=True, help="The role the new account will have.")
@click.option(
    "--expires",
    default="7d",
    show_default=True,
    help="How long the link works: 30m, 12h, 7d, 2w.",
)
def invite(role: str, expires: str) -> None:
    """Print a one-time sign-up link for a new account with ROLE.

    The address starts with FIBROLOG_PUBLIC_URL (or http://127.0.0.1:8000). Only a hash of the
    link's secret is stored, so it cannot be shown again: send it now.

    Example: fibrolog invite --role clinician --expires 2d
    """
    _django.setup()
    from fibrolog.accounts.services import AccountError
    from fibrolog.accounts.services.invitations import invite as make
    from fibrolog.accounts.services.invitations import parse_lifetime

    try:
        invitation, link = make(role, parse_lifetime(expires))
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(link)
    click.echo(f"Works once, until {invitation.expires_at:%Y-%m-%d %H:%M} UTC.", err=True)
