"""Imports between apps point down only, and the pure core imports no app (docs/architecture.md).

Each module's imports are read with `ast` (imports inside functions count too), so a circle
cannot hide in a lazy import. An app above reaches the diary by subscribing to its signals and
panels in `apps.py`, never the other way round.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import fibrolog

ROOT = Path(fibrolog.__file__).parent

# Bottom to top: an app may import only the apps before it. `cli` is the top and may use `web`.
APPS = (
    "jobs",
    "accounts",
    "audit",
    "sharing",
    "treatments",
    "diary",
    "phone",
    "reminders",
    "questionnaires",
    "experiments",
    "insights",
    "imports",
    "archive",
    "fhirapi",
    "reports",
    "clinic",
    "cohort",
    "web",
    "cli",
)
CORE = ("lib", "catalogue", "analysis", "instruments", "ingest", "charts")


def _imported(path: Path) -> set[str]:
    """Return the fibrolog packages (first name after `fibrolog.`) that `path` imports."""
    package = list(path.relative_to(ROOT.parent).parts[:-1])  # e.g. ["fibrolog", "diary"]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            names = [".".join([*base, node.module] if node.module else base)]
        else:
            continue
        found |= {n.split(".")[1] for n in names if n.startswith("fibrolog.")}
    return found


def _upward(package: str, allowed: set[str]) -> list[str]:
    bad = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for target in sorted(_imported(path) - allowed - {package}):
            bad.append(f"{path.relative_to(ROOT.parent)} imports fibrolog.{target}")
    return bad


@pytest.mark.parametrize("app", APPS)
def test_it_keeps_each_app_importing_only_the_apps_below_it(app):
    below = set(APPS[: APPS.index(app)])
    assert _upward(app, below | set(CORE)) == []


@pytest.mark.parametrize("package", [p for p in CORE if (ROOT / p).is_dir()])
def test_it_keeps_the_core_free_of_apps(package):
    assert _upward(package, set(CORE)) == []


def test_it_knows_every_package_under_fibrolog():
    packages = {p.name for p in ROOT.iterdir() if (p / "__init__.py").exists()}
    assert packages <= set(APPS) | set(CORE), packages - set(APPS) - set(CORE)


def test_it_catches_an_app_reaching_up(tmp_path, monkeypatch):
    fake = tmp_path / "fibrolog"
    (fake / "diary").mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "diary" / "__init__.py").write_text("")
    (fake / "diary" / "views.py").write_text(
        "def f():\n    from fibrolog.insights import services\n"
    )
    (fake / "diary" / "panels.py").write_text(
        "from ..accounts import models\nfrom ..experiments.services import assignments\n"
    )
    monkeypatch.setattr(f"{__name__}.ROOT", fake)
    assert _upward("diary", {"accounts", "treatments"}) == [
        "fibrolog/diary/panels.py imports fibrolog.experiments",
        "fibrolog/diary/views.py imports fibrolog.insights",
    ]
