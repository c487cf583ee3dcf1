"""A wrong DATABASE_URL or an unreachable database: one clear line from the CLI, no traceback."""

from __future__ import annotations

import pytest

from tests.server_env import clean_env, fibrolog


def _fails_in_one_line(done) -> str:
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://fib@db/fibrolog", "Error: DATABASE_URL: unsupported scheme 'mysql'"),
        ("localhost/fibrolog", "Error: DATABASE_URL is not a URL: use sqlite:////"),
        ("postgres://fib@db:fivefour/fibrolog", "Error: DATABASE_URL cannot be read as a URL"),
        ("postgres://fib@db/", "Error: DATABASE_URL: the PostgreSQL URL names no database"),
    ],
)
def test_it_names_what_is_wrong_with_the_database_url(tmp_path, url, message):
    line = _fails_in_one_line(fibrolog(clean_env(tmp_path, DATABASE_URL=url), "migrate"))
    assert line.startswith(message)


def test_it_says_it_cannot_reach_postgres_without_showing_the_password(tmp_path):
    url = "postgres://fib:hunter2@%2Fnonexistent%2Fsocket/fibrolog"
    line = _fails_in_one_line(fibrolog(clean_env(tmp_path, DATABASE_URL=url), "migrate"))
    assert line.startswith(
        "Error: cannot reach the PostgreSQL database 'fibrolog' at /nonexistent/socket: "
    )
    assert "No such file or directory" in line
    assert "hunter2" not in line


def test_it_says_it_cannot_open_a_sqlite_file_in_a_missing_folder(tmp_path):
    url = f"sqlite:///{tmp_path}/missing/fibrolog.sqlite3"
    line = _fails_in_one_line(fibrolog(clean_env(tmp_path, DATABASE_URL=url), "log", "pain=4"))
    assert line == (
        f"Error: cannot reach the SQLite database {tmp_path}/missing/fibrolog.sqlite3: "
        "unable to open database file"
    )


def test_it_says_so_when_no_server_listens_where_the_url_points(tmp_path):
    # A port on loopback where nothing listens: refused at once, no network needed.
    url = "postgres://fib@127.0.0.1:9/fibrolog"
    line = _fails_in_one_line(fibrolog(clean_env(tmp_path, DATABASE_URL=url), "check"))
    assert line.startswith("Error: cannot reach the PostgreSQL database 'fibrolog' at 127.0.0.1:9")
    assert "refused" in line
