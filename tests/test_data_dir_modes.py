"""Health data is private to its owner: files 0600, folders 0700, whatever created them."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

_NOT_INHERITED = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def _fibrolog(data: Path, *args: str, input: str | None = None):
    env = {k: v for k, v in os.environ.items() if k not in _NOT_INHERITED}
    env["FIBROLOG_DATA_DIR"] = str(data)
    return subprocess.run(
        [sys.executable, "-m", "fibrolog", *args],
        env=env,
        input=input,
        text=True,
        capture_output=True,
        timeout=180,
    )


def test_it_makes_a_new_diary_private_even_with_an_open_umask(tmp_path):
    data = tmp_path / "new"
    old = os.umask(0o022)
    try:
        made = _fibrolog(
            data, "user", "create", "maya", "--password-stdin", input="lavender window quietly\n"
        )
    finally:
        os.umask(old)
    assert made.returncode == 0, made.stderr
    files = [p for p in data.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"fibrolog.sqlite3", "secret_key"}
    assert {p.name: oct(_mode(p)) for p in files} == {p.name: "0o600" for p in files}
    assert _mode(data) == 0o700


def test_it_closes_files_and_folders_left_open_by_something_else(tmp_path):
    assert _fibrolog(tmp_path, "migrate").returncode == 0
    database = tmp_path / "fibrolog.sqlite3"
    uploads = tmp_path / "uploads" / "1"
    uploads.mkdir(parents=True)
    upload = uploads / "export.csv"
    upload.write_text("date,pain\n")
    wal, shm = tmp_path / "fibrolog.sqlite3-wal", tmp_path / "fibrolog.sqlite3-shm"
    reader = sqlite3.connect(database)  # an open reader keeps the WAL and SHM files in place
    try:
        reader.execute("SELECT count(*) FROM auth_user").fetchone()
        for path in (database, wal, shm, upload):
            path.chmod(0o644)
        for folder in (tmp_path, tmp_path / "uploads", uploads):
            folder.chmod(0o755)

        assert _fibrolog(tmp_path, "migrate").returncode == 0

        for path in (database, wal, shm, upload, tmp_path / "secret_key"):
            assert _mode(path) == 0o600, path.name
    finally:
        reader.close()
    for folder in (tmp_path, tmp_path / "uploads", uploads):
        assert _mode(folder) == 0o700, folder


def test_it_keeps_the_uploads_folder_private(maya_client, settings):
    old = os.umask(0o022)
    try:
        maya_client.post(
            "/imports/",
            {"kind": "csv", "file": SimpleUploadedFile("diary.csv", b"date,pain\n2026-01-01,4\n")},
        )
    finally:
        os.umask(old)
    uploads = Path(settings.DATA_DIR) / "uploads"
    assert _mode(uploads) == 0o700
    for path in uploads.rglob("*"):
        assert _mode(path) == (0o700 if path.is_dir() else 0o600), path
