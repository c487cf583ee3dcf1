"""`fibrolog import` starts without the heavy libraries other commands need (issue 15, item 9)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("numpy", "scipy", "pandas", "weasyprint", "matplotlib")

PROBE = """
import sys
import click
from fibrolog.cli import main
command = main.get_command(click.Context(main), "import")
assert command is not None and command.name == "import"
print(" ".join(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


def test_the_import_command_loads_no_statistics_or_pdf_library():
    probe = PROBE.format(heavy=HEAVY)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_every_command_is_still_listed_and_loads():
    probe = (
        "import click\nfrom fibrolog.cli import main\nctx = click.Context(main)\n"
        "names = main.list_commands(ctx)\n"
        "assert all(main.get_command(ctx, n) is not None for n in names)\n"
        "print(' '.join(names))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    names = set(done.stdout.split())
    assert {"import", "experiment", "report", "serve", "migrate", "restore"} <= names
