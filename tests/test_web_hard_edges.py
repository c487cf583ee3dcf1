"""Odd input and a sick database get a calm page with a reason, and change nothing."""

from __future__ import annotations

import pytest
from django.db import OperationalError, connection

from fibrolog.accounts.services import today_for
from fibrolog.diary.models import DailyValue, Note
from tests.postgres import sqlite_only


def _checkin(client, day: str, **fields):
    data = {"day": day, "o_tags": "", "note": "", "o_note": "", **fields}
    return client.post("/checkin/", data)


def test_it_refuses_the_year_one_naming_the_day(maya, maya_client):
    response = _checkin(maya_client, "0001-01-01", m_pain="6", o_pain="")
    assert response.status_code == 400
    assert "0001-01-01 is before 1970-01-01" in response.content.decode()
    assert not DailyValue.objects.exists()


@pytest.mark.parametrize("picked", ["a/b", "2026-01-0/", "../../x", "0001-01-01"])
def test_it_answers_a_broken_date_picker_value_with_a_reason(maya_client, picked):
    response = maya_client.get("/day/", {"d": picked})
    assert response.status_code == 400
    assert "Not a day you can log" in response.content.decode()


def test_it_still_follows_a_good_date_picker_value(maya, maya_client):
    day = today_for(maya).isoformat()
    response = maya_client.get("/day/", {"d": day})
    assert response.status_code == 302 and response["Location"] == f"/day/{day}/"


def _fill(cursor) -> None:
    for _ in range(100_000):
        cursor.execute("INSERT INTO test_filler VALUES (randomblob(900))")


def _refused_calmly(response, says: str) -> None:
    assert response.status_code == 503
    page = response.content.decode()
    assert says in page and "Nothing was changed" in page
    assert "Server Error" not in page
    assert not DailyValue.objects.exists() and not Note.objects.exists()


@sqlite_only
def test_it_explains_a_read_only_database(maya, maya_client):
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA query_only = ON")
    try:
        response = _checkin(maya_client, today_for(maya).isoformat(), m_pain="6", o_pain="")
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA query_only = OFF")
    _refused_calmly(response, "cannot be written to (it is read-only)")


@pytest.mark.django_db(transaction=True)  # SQLite undoes a whole transaction when it is full
@sqlite_only
def test_it_explains_a_full_disk(maya, maya_client, monkeypatch):
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE test_filler (x BLOB)")
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(OperationalError, match="full"):  # use up the last free pages
            _fill(cursor)
    monkeypatch.setattr(connection, "close_at", None)  # the request keeps this connection
    try:
        today = today_for(maya).isoformat()
        response = _checkin(maya_client, today, m_pain="6", o_pain="", note="x" * 5000)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA max_page_count = 1073741823")
            cursor.execute("DROP TABLE test_filler")
    _refused_calmly(response, "The disk is full")
