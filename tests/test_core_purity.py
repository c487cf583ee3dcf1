"""The pure core loads no Django and imports no app (design rule 1, docs/architecture.md).

One walk over every module of the core replaces the per-package copies this check once had: a
module added anywhere under the core is checked without anyone listing it.
"""

from __future__ import annotations

import ast
import importlib.util
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import fibrolog

ROOT = Path(fibrolog.__file__).parent
CORE = ("lib", "catalogue", "analysis", "instruments", "ingest", "charts")
APPS = (
    "jobs", "accounts", "audit", "sharing", "diary", "treatments", "phone", "reminders",
    "questionnaires", "experiments", "insights", "imports", "archive", "fhirapi", "reports",
    "clinic", "cohort", "web", "cli",
)  # fmt: skip
# Known arrows out of the core, each to be removed by the change named beside it.
STILL_IMPORTS_AN_APP: dict[str, str] = {}
STILL_IMPORTS_DJANGO: dict[str, str] = {}


def core_modules() -> list[str]:
    """Return the dotted name of every module under the core's packages that exist."""
    names = []
    for package in CORE:
        if not (ROOT / package / "__init__.py").exists():
            continue  # fibrolog.catalogue is new: checked as soon as it exists
        names.append(f"fibrolog.{package}")
        found = pkgutil.walk_packages([str(ROOT / package)], prefix=f"fibrolog.{package}.")
        names.extend(info.name for info in found)
    return sorted(names)


MODULES = core_modules()


def imported_names(module: str) -> set[str]:
    """Return every module name `module`'s source imports, at any depth of its code."""
    spec = importlib.util.find_spec(module)
    assert spec and spec.origin, module
    is_package = spec.origin.endswith("__init__.py")
    package = module if is_package else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(Path(spec.origin).read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = importlib.util.resolve_name("." * node.level + base, package)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def marked(modules: dict[str, str]) -> list[object]:
    return [
        pytest.param(m, marks=pytest.mark.xfail(strict=True, reason=modules[m]))
        if m in modules
        else m
        for m in MODULES
    ]


def test_it_walks_every_package_of_the_core():
    packages = {name.split(".")[1] for name in MODULES}
    assert {"lib", "analysis", "instruments", "ingest", "charts"} <= packages
    files = {
        ".".join(f.relative_to(ROOT.parent).with_suffix("").parts).removesuffix(".__init__")
        for package in packages
        for f in (ROOT / package).rglob("*.py")
    }
    assert set(MODULES) == files  # the whole tree, not the package front doors
    on_disk = {p.name for p in ROOT.iterdir() if (p / "__init__.py").exists()}
    assert on_disk == {*packages, *APPS}, "a new package: add it to CORE or APPS above"


def test_it_loads_no_django_when_every_core_module_is_imported():
    # One fresh interpreter imports the modules one by one and names the first that pulls Django.
    code = (
        "import importlib, sys\n"
        "for name in sys.argv[1:]:\n"
        "    importlib.import_module(name)\n"
        "    if any(m.split('.')[0] == 'django' for m in sys.modules):\n"
        "        sys.exit(f'{name} loaded Django')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *MODULES], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("module", marked(STILL_IMPORTS_DJANGO))
def test_it_never_imports_django(module):
    found = sorted(n for n in imported_names(module) if n.split(".")[0] == "django")
    assert not found, f"{module} imports {found}"


@pytest.mark.parametrize("module", marked(STILL_IMPORTS_AN_APP))
def test_it_never_imports_an_app(module):
    # Anything under fibrolog outside the core counts: the apps, and settings with them.
    names = imported_names(module)
    found = sorted(n for n in names if n.startswith("fibrolog.") and n.split(".")[1] not in CORE)
    assert not found, f"{module} imports {found}"
