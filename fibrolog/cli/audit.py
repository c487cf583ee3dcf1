"""`fibrolog audit verify` and `fibrolog audit PERSON [--json]`."""

from __future__ import annotations

import json

import click

from fibrolog.cli import _django


@click.command("audit")
@click.argument("target", metavar="verify|PERSON")
@click.option("--json", "as_json", is_flag=True, help="Print PERSON's trail as a JSON list.")
def audit(target: str, as_json: bool) -> None:
    """Check every audit chain, or show who looked at PERSON's data.

    `verify` walks every chain and exits non-zero naming the first entry that was changed;
    PERSON prints their trail, newest first: when, who, what, from which address.

    Example: fibrolog audit verify; fibrolog audit maya --json
    """
    _django.setup()
    if target == "verify":
        _verify()
        return
    from fibrolog.accounts.services import AccountError, resolve_user
    from fibrolog.audit.services import entries_for
    from fibrolog.audit.services.words import line

    try:
        person = resolve_user(target)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    lines = [line(entry) for entry in entries_for(person).iterator()]
    if as_json:
        click.echo(json.dumps([ln.as_json() for ln in lines], indent=1, ensure_ascii=False))
        return
    for ln in lines:
        role = f" ({ln.role})" if ln.role else ""
        where = f" from {ln.address}" if ln.address else ""
        click.echo(f"{ln.when:%Y-%m-%d %H:%M}  {ln.who}{role} {ln.doing} {ln.what}{where}")
    if not lines:
        click.echo(f"Nothing recorded for {person.get_username()}.")


def _verify() -> None:
    from fibrolog.audit.services import check

    verdict = check()
    if verdict.problems:
        first = verdict.problems[0]
        more = len(verdict.problems) - 1
        extra = f" ({more} more problem{'s' if more != 1 else ''})" if more else ""
        raise click.ClickException(f"the audit trail was tampered with: {first}{extra}")
    click.echo(f"The audit trail is intact: {verdict.checked} entries checked.")
