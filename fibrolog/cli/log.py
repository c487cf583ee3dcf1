"""`fibrolog log`: a check-in from the terminal."""

from __future__ import annotations

import click

from fibrolog.cli import _django


@click.command()
@click.argument("values", nargs=-1, metavar="METRIC=VALUE...")
@click.option(
    "--date",
    "day",
    default="today",
    show_default=True,
    help="The diary day: YYYY-MM-DD, today or yesterday.",
)
@click.option("--tag", "tags", multiple=True, help="A tag for the day (repeat for more).")
@click.option("--note", default=None, help="A note for the day (added to any note already there).")
@click.option(
    "--flare",
    type=click.IntRange(0, 3),
    default=None,
    help="Flare severity: 0 none, 1 mild, 2 moderate, 3 severe.",
)
@click.option("--taken", multiple=True, help="A treatment taken that day (its name).")
@click.option("--skipped", multiple=True, help="A treatment not taken that day (its name).")
@click.option("--user", "username", default=None, help="Account (default: the only one).")
def log(
    values: tuple[str, ...],
    day: str,
    tags: tuple[str, ...],
    note: str | None,
    flare: int | None,
    taken: tuple[str, ...],
    skipped: tuple[str, ...],
    username: str | None,
) -> None:
    """Log values for a day; logging the same day again updates it.

    Metric keys: pain fatigue fog sleep_quality sleep_hours unrefreshed stiffness mood anxiety
    exertion stress caffeine sensitivity_sound sensitivity_light sensitivity_temperature, and
    your own metrics' keys.

    Example: fibrolog log pain=6 fatigue=7 sleep_hours=5.5 --tag "poor sleep" --note "Bad night"
    """
    _django.setup()
    from fibrolog.diary.services.cli_log import LogError, log_day

    try:
        saved = log_day(
            _django.person(username),
            values=values,
            day=day,
            tags=tags,
            note=note,
            flare=flare,
            taken=taken,
            skipped=skipped,
        )
    except LogError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Saved {saved.day.isoformat()}: {saved.summary}")
