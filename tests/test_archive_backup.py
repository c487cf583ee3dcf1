"""Backups taken while Maya's diary is being written restore to a consistent database."""

import sqlite3
import threading
import time
from datetime import date, timedelta

import pytest
from click.testing import CliRunner
from django.db import connection, transaction

from fibrolog.accounts.services import create_account
from fibrolog.archive import backup as backups
from fibrolog.archive.export.document import document
from fibrolog.archive.restore.document import import_document
from fibrolog.cli import main
from fibrolog.diary.models import DailyValue, Note
from fibrolog.diary.services.checkin import DayChanges, NoteEdit, save_day
from tests.conftest import PASSPHRASE
from tests.postgres import sqlite_only

# SQLite's online backup; PostgreSQL's pg_dump path is tests/test_postgres_backup.py.
pytestmark = [pytest.mark.django_db(transaction=True), sqlite_only]


def _counts(path, user_id):
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        values = db.execute(
            "SELECT COUNT(*) FROM diary_dailyvalue WHERE user_id = ?", [user_id]
        ).fetchone()[0]
        notes = db.execute("SELECT COUNT(*) FROM diary_note WHERE user_id = ?", [user_id])
        return values, notes.fetchone()[0]
    finally:
        db.close()


def _in_thread(work):
    def run():
        try:
            work()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_it_backs_up_a_consistent_copy_while_check_ins_are_written(tmp_path):
    maya = create_account("maya", PASSPHRASE)
    stop = threading.Event()

    def check_ins():
        for i in range(3000):
            if stop.is_set():
                break
            changes = DayChanges(values={"pain": 5, "fatigue": 6}, note=NoteEdit("", f"day {i}"))
            save_day(maya, date(2020, 1, 1) + timedelta(days=i), changes)

    writer = _in_thread(check_ins)
    copies = []
    while writer.is_alive() and len(copies) < 4:
        if Note.objects.filter(user=maya).count() > 20 * (len(copies) + 1):
            copies.append(backups.backup(tmp_path / f"during-{len(copies)}.sqlite3"))
        time.sleep(0.02)
    stop.set()
    writer.join()
    assert len(copies) >= 2
    seen = [_counts(copy, maya.pk) for copy in copies]
    for values, notes in seen:
        assert notes > 0 and values == 2 * notes  # every check-in whole, none half-written
    assert len(set(seen)) == len(seen)  # each copy caught the diary at a different moment
    backups.restore(copies[0])
    assert DailyValue.objects.filter(user=maya).count() == seen[0][0]
    assert Note.objects.filter(user=maya).count() == seen[0][1]


def test_it_backs_up_during_an_import_and_restores_all_or_nothing_of_it(tmp_path):
    sam = create_account("sam", PASSPHRASE + " too")
    day = date(2015, 1, 1)
    with transaction.atomic():  # the source diary: one commit, not 1500 synced ones
        for i in range(1500):
            save_day(sam, day + timedelta(days=i), DayChanges(values={"pain": 4, "mood": 6}))
    doc = document(sam)
    maya = create_account("maya", PASSPHRASE)
    importer = _in_thread(lambda: import_document(maya, doc))
    copies = []
    while importer.is_alive() or not copies:
        copies.append(backups.backup(tmp_path / f"import-{len(copies)}.sqlite3"))
    importer.join()
    for copy in copies:
        assert _counts(copy, maya.pk)[0] in (0, 3000)
    backups.restore(copies[-1])
    assert DailyValue.objects.filter(user=maya).count() in (0, 3000)


def test_it_keeps_the_database_it_replaced_as_a_before_restore_copy(tmp_path):
    create_account("maya", PASSPHRASE)
    runner = CliRunner()
    result = runner.invoke(main, ["backup", str(tmp_path / "one.sqlite3")])
    assert result.exit_code == 0 and "integrity check: ok" in result.output
    create_account("sam", PASSPHRASE + " too")
    result = runner.invoke(main, ["restore", str(tmp_path / "one.sqlite3"), "--yes"])
    assert result.exit_code == 0, result.output
    from django.contrib.auth import get_user_model

    assert list(get_user_model().objects.values_list("username", flat=True)) == ["maya"]
    previous = backups.database_path().with_name(backups.database_path().name + ".before-restore")
    db = sqlite3.connect(previous)
    assert db.execute("SELECT COUNT(*) FROM auth_user").fetchone()[0] == 2
    db.close()


def test_it_refuses_to_restore_a_file_that_is_not_a_sound_fibrolog_database(tmp_path):
    create_account("maya", PASSPHRASE)
    text = tmp_path / "notes.sqlite3"
    text.write_text("not a database at all")
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE django_migrations (app TEXT)").connection.close()
    for path, words in ((text, "not a fibrolog database"), (other, "not fibrolog's")):
        result = CliRunner().invoke(main, ["restore", str(path), "--yes"])
        assert result.exit_code == 1 and words in result.output
    from django.contrib.auth import get_user_model

    assert get_user_model().objects.filter(username="maya").exists()


def test_it_points_postgresql_users_to_pg_dump(tmp_path, monkeypatch):
    monkeypatch.setitem(connection.settings_dict, "ENGINE", "django.db.backends.postgresql")
    result = CliRunner().invoke(main, ["backup", str(tmp_path / "x.sqlite3")])
    assert result.exit_code == 1 and "pg_dump" in result.output
