"""`fibrolog import KIND PATH`: JSON summary, idempotent, confirm scales, and crash-safe."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from click.testing import CliRunner

from fibrolog.cli import main
from fibrolog.diary.models import DailyValue
from fibrolog.ingest.fixtures.apple import write_apple_xml
from fibrolog.ingest.fixtures.diaries import BEARABLE_V2, GENERIC, write


def _apple(tmp_path: Path, days: int = 3) -> Path:
    path = tmp_path / "export.xml"
    with path.open("w", encoding="utf-8") as out:
        write_apple_xml(out, days=days)
    return path


def _run(*args):
    return CliRunner().invoke(main, ["import", *args], catch_exceptions=False)


def test_it_prints_the_summary_keys_and_adds_nothing_the_second_time(maya, tmp_path):
    path = str(_apple(tmp_path))
    first = json.loads(_run("apple-health", path, "--json").output)
    assert set(first) == {
        "records_read",
        "records_new",
        "records_duplicate",
        "days_affected",
        "errors",
    }
    assert first["records_new"] == first["records_read"] > 0
    second = json.loads(_run("apple-health", path, "--json").output)
    assert second["records_new"] == 0 and second["days_affected"] == 0


def test_it_will_not_guess_a_bearable_scale_without_a_yes(maya, tmp_path):
    path = str(write(tmp_path / "bearable.csv", BEARABLE_V2))
    refused = _run("bearable", path, "--json")
    assert refused.exit_code == 1 and "--yes" in refused.output
    assert not DailyValue.objects.filter(user=maya).exists()
    accepted = _run("bearable", path, "--json", "--yes")
    assert json.loads(accepted.output.splitlines()[-1])["records_new"] > 0


def test_it_imports_any_csv_with_a_column_map(maya, tmp_path):
    path = str(write(tmp_path / "diary.csv", GENERIC))
    result = _run("csv", path, "--map", "date=Day", "--map", "Slept=sleep_hours", "--json")
    assert json.loads(result.output)["records_new"] > 0
    bad = _run("csv", path, "--map", "Slept")
    assert bad.exit_code == 1 and "COLUMN=METRIC" in bad.output


def test_it_names_the_line_and_column_of_a_broken_file(maya, tmp_path):
    broken = tmp_path / "export.xml"
    broken.write_text("<HealthData>\n<Record type='x'>\n</Oops>\n")
    result = _run("apple-health", str(broken))
    assert result.exit_code == 1 and "line 3" in result.output


def _copy_database(source, target):
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def test_it_ends_with_exactly_the_right_rows_after_a_kill_mid_import(tmp_path):
    """kill -9 in the middle of an import, then a re-run: the right rows, a clean database."""
    env = {**os.environ, "FIBROLOG_DATA_DIR": str(tmp_path / "data")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    exe = [sys.executable, "-m", "fibrolog"]
    subprocess.run([*exe, "migrate"], env=env, check=True, capture_output=True)
    subprocess.run(
        [*exe, "user", "create", "maya", "--password-stdin"],
        env=env,
        check=True,
        input="lavender window quietly\n",
        text=True,
        capture_output=True,
    )
    clean = tmp_path / "clean" / "data"  # the same database before any import, to compare
    clean.mkdir(parents=True)
    _copy_database(tmp_path / "data" / "fibrolog.sqlite3", clean / "fibrolog.sqlite3")
    path = _apple(tmp_path, days=4)
    killer = (
        "import os, signal, django; os.environ['DJANGO_SETTINGS_MODULE']='fibrolog.settings';"
        "django.setup();"
        "from fibrolog.imports import loader; from fibrolog.accounts.services import resolve_user;"
        "from fibrolog.imports import writers; real = writers.samples; n = {'b': 0}\n"
        "def dying(user, batch):\n"
        "    n['b'] += 1\n"
        "    if n['b'] == 3: os.kill(os.getpid(), signal.SIGKILL)\n"
        "    return real(user, batch)\n"
        "writers.samples = dying\n"
        f"loader.run_import(resolve_user(None), 'apple-health', {str(path)!r}, batch_size=500)"
    )
    killed = subprocess.run([sys.executable, "-c", killer], env=env, capture_output=True)
    assert killed.returncode == -signal.SIGKILL
    rerun = subprocess.run(
        [*exe, "import", "apple-health", str(path), "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    summary = json.loads(rerun.stdout)
    assert summary["records_new"] == summary["records_read"] - 1000  # 2 batches survived
    db = sqlite3.connect(tmp_path / "data" / "fibrolog.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    samples = db.execute("SELECT COUNT(*), COUNT(DISTINCT natural_key) FROM imports_rawsample")
    total, distinct = samples.fetchone()
    assert total == distinct == summary["records_read"]
    env2 = {**env, "FIBROLOG_DATA_DIR": str(clean)}
    subprocess.run(
        [*exe, "import", "apple-health", str(path)], env=env2, check=True, capture_output=True
    )
    expected = sqlite3.connect(clean / "fibrolog.sqlite3")
    query = (
        "SELECT m.key, v.day, v.value FROM diary_dailyvalue v JOIN diary_metric m "
        "ON m.id = v.metric_id ORDER BY 1, 2"
    )
    assert db.execute(query).fetchall() == expected.execute(query).fetchall()
