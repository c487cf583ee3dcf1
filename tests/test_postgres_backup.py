"""`fibrolog backup` and `restore` on PostgreSQL: pg_dump -Fc there, pg_restore --clean back."""

from __future__ import annotations

import subprocess

from tests import postgres
from tests.server_env import clean_env, fibrolog

pytestmark = postgres.postgres_only
PASSPHRASE = "lavender window quietly"


def _fresh_database(name: str) -> dict[str, str]:
    folder = postgres.cluster()
    createdb = [postgres.binary("createdb"), "-h", str(folder), "-U", postgres.USER, name]
    subprocess.run(createdb, check=True, capture_output=True)
    return {"DATABASE_URL": postgres.database_url(folder, name)}


def _ok(done) -> str:
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_it_backs_up_and_restores_maya_s_diary_with_pg_dump(tmp_path):
    env = clean_env(tmp_path / "data", **_fresh_database("backup_roundtrip"))
    _ok(fibrolog(env, "migrate"))
    _ok(fibrolog(env, "user", "create", "maya", "--password-stdin", stdin=PASSPHRASE + "\n"))
    _ok(fibrolog(env, "log", "pain=4", "--date", "2026-02-01"))
    dump = tmp_path / "fibrolog.dump"
    assert "integrity check: ok" in _ok(fibrolog(env, "backup", str(dump)))
    assert dump.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    assert oct(dump.stat().st_mode & 0o777) == "0o600"

    _ok(fibrolog(env, "log", "pain=9", "--date", "2026-02-02"))
    restored = _ok(fibrolog(env, "restore", str(dump), "--yes"))
    assert "postgres.before-restore.dump" in restored
    _ok(fibrolog(env, "export", "--out", str(tmp_path / "maya.json")))
    exported = (tmp_path / "maya.json").read_text()
    assert "2026-02-01" in exported and "2026-02-02" not in exported


def test_it_refuses_a_file_that_is_not_a_fibrolog_dump(tmp_path):
    env = clean_env(tmp_path / "data", **_fresh_database("backup_refuses"))
    _ok(fibrolog(env, "migrate"))
    junk = tmp_path / "junk.dump"
    junk.write_text("not a dump")
    done = fibrolog(env, "restore", str(junk), "--yes")
    assert done.returncode == 1 and "is not a pg_dump archive" in done.stderr
    again = fibrolog(env, "backup", str(junk))
    assert again.returncode == 1 and "exists" in again.stderr
