"""`fibrolog reminders due` and `fibrolog reminders send`."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import click

from fibrolog.cli import _django


def _instant(value: str | None) -> datetime:
    if not value:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an instant: use 2026-12-04T20:00:00Z") from None
    if moment.tzinfo is None:
        raise click.BadParameter("give the instant with its zone, e.g. 2026-12-04T20:00:00Z")
    return moment.astimezone(UTC)


@click.group()
def reminders() -> None:
    """Check-in reminders: who is due, and sending them.

    Example: fibrolog reminders due --at 2026-12-04T20:00:00Z --json
    """


@reminders.command("due")
@click.option("--at", "at", default=None, help="The instant (ISO 8601 with zone; default now).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of {user, channel, ...}.")
def due(at: str | None, as_json: bool) -> None:
    """List who would be reminded at an instant, and how, without sending anything.

    Example: fibrolog reminders due --at 2026-12-04T20:00:00Z --json
    """
    moment = _instant(at)
    _django.setup()
    from fibrolog.reminders.services import due_at

    items = due_at(moment)
    if as_json:
        click.echo(json.dumps([d.to_dict() for d in items], indent=2))
        return
    for d in items:
        click.echo(f"{d.user}: {d.channel} at {d.local_time} {d.zone} (for {d.day:%d %b %Y})")
    if not items:
        click.echo("Nobody is due a reminder then.")


@reminders.command("send")
@click.option("--json", "as_json", is_flag=True, help="Print what was sent as JSON.")
def send(as_json: bool) -> None:
    """Send the reminders due now (run it every few minutes, e.g. from cron or a task queue).

    Example: fibrolog reminders send
    """
    _django.setup()
    from fibrolog.reminders.services import send_due

    outcomes = send_due(datetime.now(UTC))
    if as_json:
        click.echo(json.dumps([o.to_dict() for o in outcomes], indent=2))
        return
    for o in outcomes:
        state = "sent" if o.ok else f"not sent ({o.error})"
        click.echo(f"{o.due.user}: {o.due.channel} {state}")
    if not outcomes:
        click.echo("Nothing due.")
