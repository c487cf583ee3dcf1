"""The pure core never imports Django (design/STYLE.md rule 1)."""

import subprocess
import sys

import pytest

PURE = [
    "fibrolog.analysis",
    "fibrolog.charts",
    "fibrolog.lib.days",
    "fibrolog.lib.dburl",
    "fibrolog.lib.env",
    "fibrolog.catalogue",
    "fibrolog.diary.validation",
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
