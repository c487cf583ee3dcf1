"""The files in deploy/ (quoted in docs/server.md), made runnable on this machine by tests.

Only ports and paths change: the public name becomes localhost on a free port, the install
path becomes this interpreter, /etc and /var paths become folders of the test. `render` fails
when a file no longer contains what it replaces, so a changed file is noticed, not silently
left half-substituted.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
FILES = (
    "Caddyfile",
    "fibrolog.env",
    "fibrolog-web.service",
    "fibrolog-worker.service",
    "fibrolog-backup.service",
    "fibrolog-backup.timer",
)
UNITS = tuple(name for name in FILES if name.endswith((".service", ".timer")))
EXE = "/opt/fibrolog/venv/bin/fibrolog"
SITE = "diary.example.org"
UPSTREAM = "127.0.0.1:8000"
SECRET_KEY_FILE = "/etc/fibrolog/secret_key"
DATA_DIR = "/var/lib/fibrolog"
BACKUPS = "/var/backups/fibrolog"
RUN_HERE = f"{sys.executable} -m fibrolog"  # this checkout, not an installed copy


def text(name: str) -> str:
    """Return deploy/NAME as it is in the repository."""
    return (DEPLOY / name).read_text()


def render(name: str, replacements: dict[str, str]) -> str:
    """Return deploy/NAME with each key replaced by its value; every key must occur."""
    rendered = text(name)
    for old, new in replacements.items():
        if old not in rendered:
            raise AssertionError(f"deploy/{name} lacks {old!r}: update tests/deploy.py")
        rendered = rendered.replace(old, new)
    return rendered


def commands(unit: str, *keys: str) -> list[list[str]]:
    """Return the command lines of `keys` (ExecStartPre, ExecStart, ...) in that order.

    Split as systemd splits them for these files: shell-like quoting, `%%` for a percent sign.
    """
    found: dict[str, list[list[str]]] = {key: [] for key in keys}
    for line in unit.splitlines():
        key, _, value = line.partition("=")
        if key in found:
            found[key].append([part.replace("%%", "%") for part in shlex.split(value)])
    return [command for key in keys for command in found[key]]


def environment(env_file: str) -> dict[str, str]:
    """Return the variables of a systemd EnvironmentFile (KEY=VALUE lines, # comments)."""
    variables = {}
    for line in env_file.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            variables[key.strip()] = value.strip()
    return variables
