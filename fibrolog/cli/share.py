"""`fibrolog share PERSON --with CLINICIAN` and `fibrolog share PERSON --revoke CLINICIAN`."""

from __future__ import annotations

import click

from fibrolog.cli import _django

ALL_PARTS = "report,diary,questionnaires,insights"


def _account(name: str):
    from fibrolog.accounts.services import AccountError, resolve_user

    try:
        return resolve_user(name)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None


@click.command("share")
@click.argument("person")
@click.option("--with", "with_", metavar="CLINICIAN", help="The clinician to share with.")
@click.option("--revoke", metavar="CLINICIAN", help="Stop sharing with this clinician now.")
@click.option(
    "--days",
    type=int,
    default=180,
    show_default=True,
    help="How long the share lasts, in days (at least 1).",
)
@click.option(
    "--what",
    default=ALL_PARTS,
    show_default=True,
    help="What the clinician may see, separated by commas.",
)
def share(person: str, with_: str | None, revoke: str | None, days: int, what: str) -> None:
    """Let a clinician see parts of PERSON's data for a while, or stop it.

    The share is written in PERSON's audit trail ("from the command line").

    Example: fibrolog share maya --with drchen --days 90 --what report,diary
    """
    if bool(with_) == bool(revoke):
        raise click.UsageError("say either --with CLINICIAN or --revoke CLINICIAN")
    if days < 1:
        raise click.BadParameter(f"share for at least 1 day (not {days})", param_hint="--days")
    _django.setup()
    from fibrolog.sharing.models import PARTS
    from fibrolog.sharing.services import SharingError
    from fibrolog.sharing.services import revoke as end
    from fibrolog.sharing.services import share as make
    from fibrolog.sharing.services.words import sentence

    parts = [p.strip() for p in what.split(",") if p.strip()]
    unknown = [p for p in parts if p not in PARTS]
    if unknown:
        raise click.BadParameter(
            f"unknown part {unknown[0]!r}: choose from {', '.join(PARTS)}", param_hint="--what"
        )
    owner, clinician = _account(person), _account(with_ or revoke or "")
    try:
        if revoke:
            ended = end(owner, clinician, address="command line")
            if not ended:
                click.echo(f"{owner.get_username()} shares nothing with {revoke}: nothing to stop.")
            else:
                click.echo(f"{clinician.get_username()} can no longer see {person}'s data.")
            return
        made = make(owner, clinician, parts, days, address="command line")
    except SharingError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(sentence(made).replace("your", f"{owner.get_username()}'s", 1) + ".")
