"""`fibrolog check --deploy`: clean on a well set-up server, a clear list of each thing wrong."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from django.test import override_settings

from fibrolog.jobs.models import WorkerBeat
from fibrolog.web import checks
from tests.server_env import SERVER, clean_env, fibrolog


def _server(tmp_path, **more: str) -> dict[str, str]:
    env = clean_env(tmp_path, **SERVER, **more)
    assert fibrolog(env, "migrate").returncode == 0
    return env


def _heartbeat(tmp_path, seen: datetime) -> None:
    """Record a worker's sign of life the way the worker does: one row in the heartbeat table."""
    db = sqlite3.connect(tmp_path / "fibrolog.sqlite3")
    with db:
        when = seen.astimezone(UTC).replace(tzinfo=None).isoformat(" ")
        db.execute(
            "INSERT INTO jobs_workerbeat (worker_id, host, pid, started_at, seen_at)"
            " VALUES ('w1', 'here', 1, ?, ?)",
            [when, when],
        )
    db.close()


def test_it_passes_a_server_set_up_as_docs_server_md_says(tmp_path):
    env = _server(tmp_path)
    _heartbeat(tmp_path, datetime.now(UTC) - timedelta(seconds=20))
    done = fibrolog(env, "check", "--deploy")
    assert done.returncode == 0, done.stderr
    assert "server mode for https://diary.example.org" in done.stdout
    assert "No problems found." in done.stdout and done.stderr == ""


def test_it_lists_every_thing_wrong_and_fails(tmp_path, tmp_path_factory):
    key = tmp_path_factory.mktemp("etc") / "secret_key"  # outside the data directory
    key.write_text("a-generated-key-" * 5)
    key.chmod(0o644)
    env = _server(tmp_path, FIBROLOG_DEBUG="1", FIBROLOG_WEB_PROCESSES="4")
    del env["FIBROLOG_SECRET_KEY"]
    env["FIBROLOG_SECRET_KEY_FILE"] = str(key)
    done = fibrolog(env, "check", "--deploy")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    report = done.stderr
    assert (
        f"ERROR fibrolog.E001: the secret key file {key}: others may read it (mode 0644)" in report
    )
    assert "ERROR fibrolog.E002: DEBUG is on" in report
    assert "ERROR fibrolog.E003: SQLite with 4 web processes" in report
    assert "WARN  fibrolog.W001: no worker heartbeat yet" in report
    assert "security.W018" in report  # Django's own deploy check of DEBUG runs too
    assert report.rstrip().endswith("Error: 5 problem(s) found")


def test_it_fails_the_laptop_settings_and_says_why(tmp_path):
    done = fibrolog(clean_env(tmp_path), "check", "--deploy")
    assert done.returncode == 1
    assert "fibrolog.W002: FIBROLOG_PUBLIC_URL is not set" in done.stderr
    for django_check in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert django_check in done.stderr
    assert "fibrolog.W001" not in done.stderr  # no worker is expected on a laptop


def test_it_accepts_the_generated_key_file_made_private_again_at_every_start(tmp_path):
    env = _server(tmp_path)
    del env["FIBROLOG_SECRET_KEY"]
    fibrolog(env, "migrate")  # writes the key into the data directory, mode 0600
    _heartbeat(tmp_path, datetime.now(UTC))
    (tmp_path / "secret_key").chmod(0o640)
    done = fibrolog(env, "check", "--deploy")
    assert done.returncode == 0, done.stderr
    assert oct((tmp_path / "secret_key").stat().st_mode & 0o777) == "0o600"


@pytest.mark.django_db
@override_settings(SERVER_MODE=True)
def test_it_warns_when_the_last_worker_was_seen_long_ago():
    stale = datetime.now(UTC) - timedelta(minutes=42)
    WorkerBeat.objects.create(worker_id="w1", host="here", pid=1, started_at=stale, seen_at=stale)
    found = checks.check_worker()
    assert [(m.id, m.msg) for m in found] == [("fibrolog.W001", "no worker seen for 42 minutes")]
    WorkerBeat.objects.filter(worker_id="w1").update(seen_at=datetime.now(UTC))
    assert checks.check_worker() == []
