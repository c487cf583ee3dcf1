"""`fibrolog cohort`: pool many people's diaries (on Dask) and export a research copy."""

from __future__ import annotations

import json

import click

from fibrolog.cli import _django

USER_HELP = "People in the database who consented to research use (repeat, or all)."


@click.group()
def cohort() -> None:
    """Pool many people's diaries: one answer for the group, a better one for each person.

    Example: fibrolog cohort analyze diaries/ --treatment ldn --outcome pain --slow
    """


def _source(folder: str | None, users: tuple[str, ...]) -> None:
    """Insist on exactly one of DIR or --user."""
    if bool(folder) == bool(users):
        raise click.UsageError("give either DIR or --user NAME (or --user all), not both")


@cohort.command()
@click.argument("folder", metavar="[DIR]", required=False,
                type=click.Path(file_okay=False, exists=True))  # fmt: skip
@click.option("--user", "users", multiple=True, metavar="NAME|all", help=USER_HELP)
@click.option("--treatment", required=True, metavar="T", help="The treatment column (1 on days).")
@click.option("--outcome", required=True, metavar="O", help="The outcome column (0-10).")
@click.option("--slow", is_flag=True, help="Slow onset (half-lives 3-84 days), e.g. LDN.")
@click.option("--workers", type=click.IntRange(min=1), default=None, metavar="N",
              help="Local Dask worker processes (default: one per core).")  # fmt: skip
@click.option("--scheduler", default=None, metavar="ADDR",
              help="Use an existing Dask cluster, e.g. tcp://host:8786.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def analyze(
    folder: str | None,
    users: tuple[str, ...],
    treatment: str,
    outcome: str,
    slow: bool,
    workers: int | None,
    scheduler: str | None,
    as_json: bool,
) -> None:
    """Estimate each person's effect, then pool: mean, spread, responders, shrunk estimates.

    DIR holds one diary CSV per person in the format `fibrolog analyze` reads (a `date`
    column, one column per series); the person's id is the file's name without .csv. An
    optional DIR/people.csv (id plus covariates such as age_band, sex, baseline_fiqr_band)
    adds an exploratory "who responds". With --user instead of DIR, the people come from the
    database: only those who consented to research use (Settings, Research use) are read,
    one at a time, and named by research ids; --user all means everyone who consented and
    tried the treatment. Per-person fits run on Dask: a local cluster of --workers processes
    (loopback only), or --scheduler. No p-values: 95% intervals.

    Example: fibrolog cohort analyze diaries/ --treatment ldn --outcome pain --slow --json

    Example: fibrolog cohort analyze --user all --treatment ldn --outcome pain --slow --json
    """
    from fibrolog.cohort.engine import analyze_folder, connect

    _source(folder, users)
    try:
        if folder:
            with connect(workers, scheduler) as client:
                result, engine = analyze_folder(
                    folder, treatment=treatment, outcome=outcome, slow=slow, client=client
                )
        else:
            _django.setup()
            from fibrolog.cohort.services import analyze as analyze_people
            from fibrolog.cohort.services import choose

            choose(users, treatment)  # a clear error before any cluster starts
            with connect(workers, scheduler) as client:
                result, engine = analyze_people(
                    users, treatment=treatment, outcome=outcome, slow=slow, client=client
                )
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps({**result.to_dict(), "engine": engine.to_dict()}, indent=2))
        return
    click.echo(result.summary())
    click.echo(f"\nRan on Dask: {engine.workers} workers ({engine.scheduler}).")


@cohort.command()
@click.argument("folder", metavar="[DIR]", required=False,
                type=click.Path(file_okay=False, exists=True))  # fmt: skip
@click.option("--user", "users", multiple=True, metavar="NAME|all", help=USER_HELP)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False), metavar="FOLDER",
              help="Where to write the Parquet tables and the data dictionary.")  # fmt: skip
def export(folder: str | None, users: tuple[str, ...], out: str) -> None:
    """Write a de-identified research copy of the people who consented (Parquet).

    From DIR: only people listed in DIR/people.csv with consent=yes are exported. With
    --user (NAME, repeated, or all): only people who consented in the app, read one at a
    time. Ids are replaced, each person's dates are shifted by a secret random offset, text
    columns, tags and treatments named in free text are dropped, covariates are banded and
    suppressed where fewer than 5 people share them.

    Example: fibrolog cohort export diaries/ --out research/

    Example: fibrolog cohort export --user all --out research/
    """
    _source(folder, users)
    try:
        if folder:
            from fibrolog.cohort.export import export_folder

            report = export_folder(folder, out)
        else:
            _django.setup()
            from fibrolog.cohort.services.export import export_people

            report = export_people(users, out)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(report.words())
