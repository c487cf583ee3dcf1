"""`fibrolog demo`."""

from __future__ import annotations

import click

from fibrolog.cli import _django


@click.command()
@click.option(
    "--user",
    "username",
    default="demo",
    show_default=True,
    help="Account to fill; created (without a password) if it does not exist.",
)
@click.option("--years", default=5.0, show_default=True, type=click.FloatRange(0.1, 30))
@click.option("--seed", default=1, show_default=True, type=int)
def demo(username: str, years: float, seed: int) -> None:
    """Write a realistic demo diary with known effects (see docs/demo-data.md).

    Example: fibrolog demo --user demo --years 5 --seed 1
    """
    _django.setup()
    from django.contrib.auth import get_user_model

    from fibrolog.accounts.services import AccountError
    from fibrolog.diary.services.demo import create_demo_account, load_demo

    existing = get_user_model().objects.filter(username__iexact=username).first()
    try:
        if existing:
            diary = load_demo(existing, years=years, seed=seed)
        else:
            create_demo_account(username, years=years, seed=seed)
            diary = None
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    span = f"{years:g} years" if diary is None else f"{len(diary.days)} days"
    click.echo(f"Wrote {span} of demo data into {username!r} (seed {seed}).")
    if not existing:
        click.echo(f"To log in as {username}, set a passphrase: fibrolog user password {username}")
