"""The engine and the CLI's file mode load no Django (design/STYLE.md rule 1)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "statement",
    [
        "import fibrolog.analysis.screening, fibrolog.analysis.twoarm",
        "from fibrolog.analysis import insights, two_arm, Insights, Effect, demo_frame",
        "import fibrolog.cli.analyze",
    ],
)
def test_it_imports_without_loading_django(statement):
    code = (
        f"import sys; {statement}; "
        "sys.exit(1 if any(m.split('.')[0] == 'django' for m in sys.modules) else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr or "loaded Django"


def test_it_keeps_scipy_and_pandas_out_of_a_plain_import():
    # `import fibrolog.analysis` (the demo generator) stays light: the engine loads on use.
    code = "import sys, fibrolog.analysis; sys.exit(1 if 'pandas' in sys.modules else 0)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_it_exports_its_public_names():
    import fibrolog.analysis as analysis

    for name in analysis.__all__:
        assert getattr(analysis, name) is not None
