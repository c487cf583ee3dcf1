"""The engine's front door: light to import, and its public names are the engine's own."""

from __future__ import annotations

import inspect
import subprocess
import sys

import fibrolog.analysis as analysis


def test_it_keeps_scipy_and_pandas_out_of_a_plain_import_until_the_engine_is_used():
    # `import fibrolog.analysis` (the demo generator) stays light: the engine loads on use.
    code = (
        "import sys, fibrolog.analysis as a\n"
        "if {'scipy', 'pandas'} & set(sys.modules): sys.exit('a plain import loaded the engine')\n"
        "a.insights\n"
        "if 'pandas' not in sys.modules: sys.exit('insights came without the engine')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_it_lists_only_names_the_engine_defines():
    for name in analysis.__all__:
        value = getattr(analysis, name)  # a listed name that does not load raises here
        if inspect.isclass(value) or inspect.isfunction(value):
            assert value.__module__.startswith("fibrolog.analysis."), (name, value.__module__)


def test_it_lists_every_engine_name_it_imports():
    defined_here = {
        name
        for name, value in vars(analysis).items()
        if (inspect.isclass(value) or inspect.isfunction(value))
        and value.__module__.startswith("fibrolog.analysis.")
    }
    assert defined_here <= set(analysis.__all__)
