"""A note from the terminal follows the web's rules: 5,000 characters, UTF-8 text."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

from click.testing import CliRunner

from fibrolog.cli import main
from fibrolog.diary.models import DailyValue, Note
from fibrolog.diary.services.checkin import DayChanges, NoteEdit, save_day
from fibrolog.diary.validation import NOTE_MAX


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_it_refuses_a_note_longer_than_the_web_allows(maya):
    result = run("log", "pain=5", "--date", "2026-01-05", "--note", "x" * 100_000)
    assert result.exit_code == 1
    assert f"at most {NOTE_MAX:,} characters" in result.output
    assert not Note.objects.exists() and not DailyValue.objects.exists()


def test_it_refuses_a_note_that_would_grow_past_the_limit(maya):
    save_day(maya, date(2026, 1, 5), DayChanges(note=NoteEdit("", "y" * 4000)))
    result = run("log", "--date", "2026-01-05", "--note", "x" * 2000)
    assert result.exit_code == 1 and "at most 5,000 characters" in result.output
    assert Note.objects.get(user=maya).text == "y" * 4000


def test_it_leaves_a_day_the_web_can_still_save(maya, maya_client):
    assert run("log", "--date", "2026-01-05", "--note", "z" * NOTE_MAX).exit_code == 0
    page = maya_client.get("/day/2026-01-05/").content.decode()
    assert f'maxlength="{NOTE_MAX}"' in page


def test_it_says_a_note_is_not_utf8_instead_of_a_traceback(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}}
    env.update(FIBROLOG_DATA_DIR=str(tmp_path), LC_ALL="C.UTF-8")
    exe = [sys.executable, "-m", "fibrolog"]
    made = subprocess.run(
        [*exe, "user", "create", "maya", "--password-stdin"],
        input=b"lavender window quietly\n",
        env=env,
        capture_output=True,
        timeout=180,
    )
    assert made.returncode == 0, made.stderr
    logged = subprocess.run(
        [*exe, "log", "pain=4", "--date", "2026-02-01", "--note", b"caf\xe9 au lait"],
        env=env,
        capture_output=True,
        timeout=180,
    )
    err = logged.stderr.decode()
    assert logged.returncode == 1 and "Traceback" not in err, err
    assert "--note is not UTF-8 text" in err
    shown = subprocess.run(
        [*exe, "export", "--format", "json", "--out", str(tmp_path / "x.json")],
        env=env,
        capture_output=True,
        timeout=180,
    )
    assert shown.returncode == 0 and b"2026-02-01" not in (tmp_path / "x.json").read_bytes()
