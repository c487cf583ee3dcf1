"""`fibrolog analyze`: what seems linked to your symptoms, and are your treatments working."""

from __future__ import annotations

import json
from typing import Any

import click

DEFAULT_OUTCOMES = ("pain", "fatigue", "fog", "sleep_quality", "mood", "anxiety")
HIGHER_IS_BETTER = ("sleep_quality", "mood", "sleep_hours")  # the catalogue's; others: lower


@click.command()
@click.argument(
    "file", metavar="[FILE.csv]", required=False, type=click.Path(dir_okay=False, exists=True)
)
@click.option(
    "--outcome", "outcomes", multiple=True, metavar="NAME", help="A symptom to explain (repeat)."
)
@click.option(
    "--treatment",
    "treatments",
    multiple=True,
    metavar="NAME",
    help="A column that is a treatment: 1 (or a dose) on the days you took it (repeat).",
)
@click.option(
    "--higher-is-better",
    "higher_better",
    multiple=True,
    metavar="NAME",
    help="A column where higher is better (FILE mode; sleep_quality and mood already are).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON: shown and collecting.")
@click.option("--user", "username", default=None, help="Whose diary (without FILE).")
def analyze(
    file: str | None,
    outcomes: tuple[str, ...],
    treatments: tuple[str, ...],
    higher_better: tuple[str, ...],
    as_json: bool,
    username: str | None,
) -> None:
    """Show what seems linked to your symptoms and whether your treatments are working.

    FILE.csv has a `date` column (YYYY-MM-DD) and one column per series: an empty cell is a
    day not logged; tags and treatments are 0/1. FILE mode needs no database. Without FILE,
    the diary of --user (or the only account) is analysed.

    Outcomes default to those of pain, fatigue, fog, sleep_quality, mood and anxiety that
    are present; every other column that is not a treatment is screened as a factor. Scales
    are taken as 0-10 unless the values go beyond that (then their observed range).
    Associations are from your own diary, not tested effects (docs/methods.md).

    Example: fibrolog analyze diary.csv --outcome pain --treatment ldn --json
    """
    from fibrolog.analysis import insights

    if file is not None:
        frame, options = _from_file(file, outcomes, treatments, higher_better)
    else:
        frame, options = _from_database(username, outcomes, treatments)
    result = insights(frame, **options)
    if as_json:
        click.echo(json.dumps(result.summary_dict(), indent=2))
        return
    _print(result)


def _from_file(
    file: str, outcomes: tuple[str, ...], treatments: tuple[str, ...], higher: tuple[str, ...]
) -> tuple[Any, dict[str, Any]]:
    from fibrolog.analysis import read_diary_csv

    try:
        frame = read_diary_csv(file)
    except (ValueError, UnicodeDecodeError, OSError) as exc:
        raise click.ClickException(f"cannot read {file}: {exc}") from None
    chosen = list(outcomes) or [c for c in DEFAULT_OUTCOMES if c in frame.columns]
    if not chosen:
        raise click.UsageError("no pain, fatigue, ... column in the file: name one with --outcome")
    absent = [t for t in treatments if t not in frame.columns]
    if absent:
        raise click.UsageError(f"no column {', '.join(absent)} in {file}")
    scale = {}
    for column in frame.columns:
        low, high = float(frame[column].min()), float(frame[column].max())
        if low == low and (low < 0 or high > 10):  # a number (not NaN) outside 0-10
            scale[column] = (low, high)
    worse = {c: "lower" for c in (*HIGHER_IS_BETTER, *higher)}
    return frame, {
        "outcomes": chosen,
        "treatments": list(treatments),
        "worse": worse,
        "scale": scale,
    }


def _from_database(
    username: str | None, outcomes: tuple[str, ...], treatments: tuple[str, ...]
) -> tuple[Any, dict[str, Any]]:
    from fibrolog.cli import _django

    _django.setup()
    user = _django.person(username)
    try:
        from fibrolog.diary.services.frame import diary_frame
    except ImportError:
        raise click.ClickException(
            "this version cannot read the diary from the database yet; export it as a CSV "
            "and run: fibrolog analyze FILE.csv"
        ) from None
    frame, meta = diary_frame(user)
    chosen_treatments = list(treatments) or list(meta.get("treatments", meta.get("slow", ())))
    return frame, {
        "outcomes": list(outcomes) or list(meta["outcomes"]),
        "treatments": chosen_treatments,
        "worse": dict(meta["worse"]),
        "scale": {k: tuple(v) for k, v in meta["scale"].items()},
        "slow": set(meta["slow"]),
    }


def _print(result: Any) -> None:
    if result.window:
        first, last = result.window
        click.echo(f"Diary {first} to {last}.\n")
    treated = [i for i in result.shown if i.kind == "treatment"]
    linked = [i for i in result.shown if i.kind == "association"]
    if treated:
        click.echo("Is it working?")
        for item in treated:
            lo, hi = item.interval80
            click.echo(
                f"  {item.factor} on {item.outcome}: {item.estimate:+.2f} "
                f"(likely {lo:+.2f} to {hi:+.2f}) - {item.verdict}"
            )
        click.echo("")
    click.echo("What seems linked to your symptoms (associations, not tested effects):")
    if not linked:
        click.echo("  Nothing stands out yet.")
    for item in linked:
        click.echo("")
        for line in item.summary().splitlines():
            click.echo(f"  {line}")
    if result.collecting:
        click.echo("\nCollecting data (a normal state, not an error):")
        for entry in result.collecting:
            what = entry.outcome if entry.factor is None else f"{entry.factor} / {entry.outcome}"
            click.echo(f"  {what}: {entry.reason}")
