"""The self-experiment core and its command line never import Django (design/STYLE.md rule 1)."""

import subprocess
import sys

import pytest

PURE = [
    "fibrolog.analysis.trials",
    "fibrolog.analysis.power",
    "fibrolog.analysis.trial_analysis",
    "fibrolog.analysis.trial_sim",
    "fibrolog.cli.experiment",
]


@pytest.mark.parametrize("module", PURE)
def test_it_imports_without_loading_django(module):
    code = (
        f"import sys, {module}; "
        "bad = [m for m in sys.modules if m == 'django' or m.startswith('django.')]; "
        "sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr or f"{module} loaded Django"
