"""The `fibrolog` command: each subcommand parses, calls one service, prints."""

from __future__ import annotations

import os

import click

from fibrolog import __version__
from fibrolog.cli import _django
from fibrolog.cli.analyze import analyze
from fibrolog.cli.backup import backup, restore
from fibrolog.cli.check import check
from fibrolog.cli.demo import demo
from fibrolog.cli.erase import erase
from fibrolog.cli.experiment import experiment
from fibrolog.cli.export import export
from fibrolog.cli.import_ import import_
from fibrolog.cli.log import log
from fibrolog.cli.report import report
from fibrolog.cli.score import score
from fibrolog.cli.serve import migrate, serve
from fibrolog.cli.user import user
from fibrolog.cli.weather import weather


@click.group(cls=_django.Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fibrolog")
def main() -> None:
    """fibrolog: a private fibromyalgia diary with honest statistics.

    Data lives in your user data directory (or FIBROLOG_DATA_DIR, or DATABASE_URL).

    Example: fibrolog log pain=6 fatigue=7 --tag "poor sleep"
    """
    os.umask(0o077)  # everything fibrolog writes (database, WAL, uploads, exports) is private


for command in (
    serve,
    migrate,
    user,
    demo,
    log,
    score,
    export,
    import_,
    erase,
    backup,
    restore,
    report,
    weather,
    experiment,
    analyze,
    check,
):
    main.add_command(command)
