"""The SQLite file is durable: WAL, synchronous=FULL, foreign keys on."""

from pathlib import Path

import pytest
from django.db import connection

from fibrolog.lib.dburl import parse_database_url
from tests.postgres import sqlite_only


@sqlite_only
@pytest.mark.django_db
def test_it_runs_sqlite_in_wal_mode_with_full_sync_and_foreign_keys():
    with connection.cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert cursor.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert cursor.execute("PRAGMA foreign_keys").fetchone()[0] == 1


@sqlite_only
@pytest.mark.django_db
def test_it_tests_against_a_real_file_not_memory():
    with connection.cursor() as cursor:
        (_, _, file), *_ = cursor.execute("PRAGMA database_list").fetchall()
    assert file and Path(file).is_file()  # an in-memory database has no file name


def test_it_reads_a_postgres_url():
    db = parse_database_url("postgres://fib:s%40cret@db.example:5433/fibrolog?sslmode=require")
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["NAME"], db["USER"], db["PASSWORD"]) == ("fibrolog", "fib", "s@cret")
    assert (db["HOST"], db["PORT"], db["OPTIONS"]) == ("db.example", "5433", {"sslmode": "require"})


def test_it_reads_a_sqlite_url_with_the_durable_pragmas():
    db = parse_database_url("sqlite:////var/lib/fibrolog/db.sqlite3")
    assert db["NAME"] == "/var/lib/fibrolog/db.sqlite3"
    assert "synchronous=FULL" in db["OPTIONS"]["init_command"]


@pytest.mark.parametrize(
    "url", ["mysql://x/y", "sqlite://host/x.db", "postgres://h/", "sqlite:///"]
)
def test_it_refuses_a_database_url_it_cannot_use(url):
    with pytest.raises(ValueError, match="DATABASE_URL"):
        parse_database_url(url)
