"""The `fibrolog` command: each subcommand parses, calls one service, prints."""

from __future__ import annotations

import importlib
import os

import click

from fibrolog import __version__
from fibrolog.cli import _django

# Command name -> "module:attribute": a command's module (and what it imports: numpy for the
# statistics, weasyprint for reports) loads only when that command runs, so `fibrolog import`
# starts fast.
COMMANDS = {
    "serve": "serve:serve",
    "worker": "worker:worker",
    "check": "check:check",
    "migrate": "serve:migrate",
    "user": "user:user",
    "invite": "user:invite",
    "demo": "demo:demo",
    "log": "log:log",
    "score": "score:score",
    "export": "export:export",
    "import": "import_:import_",
    "erase": "erase:erase",
    "backup": "backup:backup",
    "restore": "backup:restore",
    "report": "report:report",
    "weather": "weather:weather",
    "experiment": "experiment:experiment",
    "analyze": "analyze:analyze",
    "cohort": "cohort:cohort",
    "reminders": "reminders:reminders",
    "share": "share:share",
    "audit": "audit:audit",
}


class LazyGroup(_django.Main):
    """A command group that imports a command's module only when the command is needed."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in COMMANDS:
            module, attribute = COMMANDS[cmd_name].split(":")
            command = getattr(importlib.import_module(f"fibrolog.cli.{module}"), attribute)
            self.add_command(command, cmd_name)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fibrolog")
def main() -> None:
    """fibrolog: a private fibromyalgia diary with honest statistics.

    Data lives in your user data directory (or FIBROLOG_DATA_DIR, or DATABASE_URL).

    Example: fibrolog log pain=6 fatigue=7 --tag "poor sleep"
    """
    os.umask(0o077)  # everything fibrolog writes (database, WAL, uploads, exports) is private
