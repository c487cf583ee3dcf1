"""Run fibrolog in a child process with exactly the environment a test gives it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

STRONG_KEY = "k3y-" + "Zq8vR2mX7pL4tW9nB6cY1dF5hJ0sG3aE" * 2  # passes Django's W009
SERVER = {
    "FIBROLOG_PUBLIC_URL": "https://diary.example.org",
    "FIBROLOG_SECRET_KEY": STRONG_KEY,
    "FIBROLOG_BEHIND_PROXY": "1",
}


def clean_env(data_dir: Path, **variables: str) -> dict[str, str]:
    """Return this process's environment without fibrolog's or Django's variables, plus these."""
    keep = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("FIBROLOG_", "DJANGO_")) and k != "DATABASE_URL"
    }
    return {**keep, "FIBROLOG_DATA_DIR": str(data_dir), **variables}


def fibrolog(
    env: dict[str, str], *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `fibrolog ARGS` in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "fibrolog", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_of(env: dict[str, str], *names: str) -> dict[str, object]:
    """Return the named settings as a child process with `env` reads them."""
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        f"print(json.dumps({{n: getattr(settings, n, None) for n in {list(names)!r}}}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "DJANGO_SETTINGS_MODULE": "fibrolog.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    import json

    return json.loads(done.stdout)
