"""The cohort's file mode needs no web app: its engine, fits and export import no Django."""

from __future__ import annotations

import subprocess
import sys


def test_it_runs_the_folder_mode_without_django():
    code = (
        "import sys\n"
        "import fibrolog.cohort.engine, fibrolog.cohort.fits, fibrolog.cohort.files\n"
        "import fibrolog.cohort.export, fibrolog.cohort.anonymity, fibrolog.cli.cohort\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('django', 'dask')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
