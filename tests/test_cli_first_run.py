"""First run: every command works on a brand-new data directory, with no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PASSPHRASE = "lavender window quietly"

_NOT_INHERITED = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}


def _sh(data: Path, *args: str, input: str | None = None, **env_extra: str):
    env = {k: v for k, v in os.environ.items() if k not in _NOT_INHERITED}
    env.update(FIBROLOG_DATA_DIR=str(data), **env_extra)
    return subprocess.run(
        [sys.executable, "-m", "fibrolog", *args],
        env=env,
        input=input,
        text=True,
        capture_output=True,
        timeout=180,
    )


@pytest.mark.parametrize(
    ("args", "stdin", "says"),
    [
        (("user", "create", "maya", "--password-stdin"), PASSPHRASE + "\n", "Created maya"),
        (("log", "pain=4"), None, "There is no account yet"),
        (("demo", "--years", "0.2"), None, "Wrote 0.2 years"),
    ],
    ids=["user-create", "log", "demo"],
)
def test_it_brings_a_fresh_data_directory_up_to_date_first(tmp_path, args, stdin, says):
    fresh = tmp_path / "new" / "folder"
    result = _sh(fresh, *args, input=stdin)
    assert "Traceback" not in result.stderr, result.stderr
    assert "no such table" not in result.stderr + result.stdout
    assert says in result.stdout + result.stderr
    assert (fresh / "fibrolog.sqlite3").exists()


def test_it_logs_after_creating_the_first_account_on_a_fresh_folder(tmp_path):
    fresh = tmp_path / "diary"
    made = _sh(fresh, "user", "create", "maya", "--password-stdin", input=PASSPHRASE)
    assert made.returncode == 0, made.stderr
    logged = _sh(fresh, "log", "pain=4", "--date", "2026-02-01")
    assert logged.returncode == 0, logged.stderr
    assert "Saved 2026-02-01: pain=4" in logged.stdout


def test_it_says_in_one_line_that_postgresql_cannot_be_reached(tmp_path):
    # Nothing listens on loopback port 9: refused at once (more cases: test_database_url.py).
    result = _sh(tmp_path, "log", "pain=4", DATABASE_URL="postgres://u:p@127.0.0.1:9/fibrolog")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    assert "cannot reach the PostgreSQL database 'fibrolog' at 127.0.0.1:9" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
