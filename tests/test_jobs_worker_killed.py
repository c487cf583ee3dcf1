"""A worker killed with -9 in the middle of an import: another finishes it, with the right rows."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fibrolog.ingest.fixtures.apple import write_apple_xml

EXE = [sys.executable, "-m", "fibrolog"]
PASSPHRASE = "lavender window quietly\n"
QUEUE_IT = """
import os, shutil, sys, django
os.environ["DJANGO_SETTINGS_MODULE"] = "fibrolog.settings"
django.setup()
from fibrolog.accounts.services import resolve_user
from fibrolog.imports import jobs
from fibrolog.imports.models import ImportJob
maya = resolve_user(None)
path = jobs.upload_dir(maya) / "export.xml"
shutil.copy(sys.argv[1], path)
job = ImportJob.objects.create(user=maya, kind="apple-health", filename="export.xml",
                               path=str(path), bytes_total=path.stat().st_size, state="preview")
jobs.start(job)
"""
IMPORT_TASK = (
    "SELECT {} FROM django_tasks_database_dbtaskresult "
    "WHERE task_path = 'fibrolog.imports.tasks.import_upload'"
)
ROWS = (
    "SELECT m.key, v.day, v.value, v.source FROM diary_dailyvalue v JOIN diary_metric m "
    "ON m.id = v.metric_id ORDER BY 1, 2"
)


def _data_dir(tmp_path: Path, name: str) -> dict[str, str]:
    env = {**os.environ, "FIBROLOG_DATA_DIR": str(tmp_path / name)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run([*EXE, "migrate"], env=env, check=True, capture_output=True)
    create = [*EXE, "user", "create", "maya", "--password-stdin"]
    subprocess.run(create, env=env, check=True, input=PASSPHRASE, text=True, capture_output=True)
    return env


def _wait_for(db: Path, query: str, until: float) -> tuple:
    while time.monotonic() < until:
        with sqlite3.connect(db, timeout=30) as con:
            row = con.execute(query).fetchone()
        if row and row[0]:
            return row
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for: {query}")


def test_it_finishes_an_import_whose_worker_was_killed_with_exactly_the_right_rows(tmp_path):
    export = tmp_path / "export.xml"
    with export.open("w", encoding="utf-8") as out:
        write_apple_xml(out, days=16)  # ~13 MB, about 18,000 records: two batches
    env = _data_dir(tmp_path, "data")
    db = tmp_path / "data" / "fibrolog.sqlite3"
    subprocess.run([sys.executable, "-c", QUEUE_IT, str(export)], env=env, check=True)

    worker = subprocess.Popen([*EXE, "worker"], env=env, stdout=subprocess.DEVNULL)
    try:
        _wait_for(db, "SELECT COUNT(*) >= 10000 FROM imports_rawsample", time.monotonic() + 120)
    finally:
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)
    with sqlite3.connect(db) as con:
        state = con.execute("SELECT state FROM imports_importjob").fetchone()[0]
        task = con.execute(IMPORT_TASK.format("status")).fetchone()[0]
    assert (state, task) == ("running", "RUNNING")  # killed in the middle, not after

    finish = subprocess.run(
        [*EXE, "worker", "--burst"], env=env, capture_output=True, text=True, timeout=300
    )
    assert finish.returncode == 0, finish.stderr
    assert "lost its worker; queued again" in finish.stderr

    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT state, error FROM imports_importjob").fetchone() == ("done", "")
    status, workers = con.execute(IMPORT_TASK.format("status, worker_ids")).fetchone()
    assert status == "SUCCESSFUL" and len(__import__("json").loads(workers)) == 2
    total, distinct = con.execute(
        "SELECT COUNT(*), COUNT(DISTINCT natural_key) FROM imports_rawsample"
    ).fetchone()

    clean_env = _data_dir(tmp_path, "clean")
    shutil.copy(export, tmp_path / "again.xml")
    subprocess.run(
        [*EXE, "import", "apple-health", str(tmp_path / "again.xml")],
        env=clean_env,
        check=True,
        capture_output=True,
    )
    clean = sqlite3.connect(tmp_path / "clean" / "fibrolog.sqlite3")
    expected = clean.execute("SELECT COUNT(*) FROM imports_rawsample").fetchone()[0]
    assert total == distinct == expected
    rows = con.execute(ROWS).fetchall()
    assert rows and rows == clean.execute(ROWS).fetchall()
