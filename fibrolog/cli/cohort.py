"""`fibrolog cohort`: pool many people's diaries (on Dask) and export a research copy."""

from __future__ import annotations

import json

import click


@click.group()
def cohort() -> None:
    """Pool many people's diaries: one answer for the group, a better one for each person.

    Example: fibrolog cohort analyze diaries/ --treatment ldn --outcome pain --slow
    """


@cohort.command()
@click.argument("folder", metavar="DIR", type=click.Path(file_okay=False, exists=True))
@click.option("--treatment", required=True, metavar="T", help="The treatment column (1 on days).")
@click.option("--outcome", required=True, metavar="O", help="The outcome column (0-10).")
@click.option("--slow", is_flag=True, help="Slow onset (half-lives 3-84 days), e.g. LDN.")
@click.option("--workers", type=click.IntRange(min=1), default=None, metavar="N",
              help="Local Dask worker processes (default: one per core).")  # fmt: skip
@click.option("--scheduler", default=None, metavar="ADDR",
              help="Use an existing Dask cluster, e.g. tcp://host:8786.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def analyze(
    folder: str,
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
    adds an exploratory "who responds". Per-person fits run on Dask: a local cluster of
    --workers processes (loopback only), or --scheduler. No p-values: 95% intervals.

    Example: fibrolog cohort analyze diaries/ --treatment ldn --outcome pain --slow --json
    """
    from fibrolog.cohort.engine import analyze_folder, connect

    try:
        with connect(workers, scheduler) as client:
            result, engine = analyze_folder(
                folder, treatment=treatment, outcome=outcome, slow=slow, client=client
            )
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps({**result.to_dict(), "engine": engine.to_dict()}, indent=2))
        return
    click.echo(result.summary())
    click.echo(f"\nRan on Dask: {engine.workers} workers ({engine.scheduler}).")


@cohort.command()
@click.argument("folder", metavar="DIR", type=click.Path(file_okay=False, exists=True))
@click.option("--out", "out", required=True, type=click.Path(file_okay=False), metavar="FOLDER",
              help="Where to write the Parquet tables and the data dictionary.")  # fmt: skip
def export(folder: str, out: str) -> None:
    """Write a de-identified research copy of the people who consented (Parquet).

    Only people listed in DIR/people.csv with consent=yes are exported. Ids are replaced,
    each person's dates are shifted by a secret random offset, text columns are dropped,
    covariates are banded and suppressed where fewer than 5 people share them.

    Example: fibrolog cohort export diaries/ --out research/
    """
    from fibrolog.cohort.export import export_folder

    try:
        report = export_folder(folder, out)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(report.words())
