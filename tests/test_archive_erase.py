"""Erasing Maya leaves no row, session or mention of her anywhere; Sam keeps everything."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client

from fibrolog.archive.export.document import document, dumps
from fibrolog.cli import main
from tests.archive_data import fill

MOMENT = datetime(2026, 3, 1, tzinfo=UTC)


def _traces_of(user_id: int, words: tuple[str, ...]) -> list[str]:
    """Scan every table: foreign keys to the user, and any text mentioning her."""
    found = []
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)  # SQLite or PostgreSQL
        for table in tables:
            keys = connection.introspection.get_relations(cursor, table)
            for column, (_, target) in keys.items():
                if target == "auth_user":
                    sql = f'SELECT COUNT(*) FROM "{table}" WHERE "{column}" = %s'
                    cursor.execute(sql, [user_id])
                    if cursor.fetchone()[0]:
                        found.append(f"{table}.{column}")
            if table == "auth_user":
                sql = 'SELECT COUNT(*) FROM "auth_user" WHERE id = %s'
                cursor.execute(sql, [user_id])
                if cursor.fetchone()[0]:
                    found.append("auth_user")
            cursor.execute(f'SELECT * FROM "{table}"')
            for row in cursor.fetchall():
                text = " ".join(str(cell) for cell in row).lower()
                found += [f"{table}: {w}" for w in words if w in text]
    for session in Session.objects.all():
        if str(session.get_decoded().get("_auth_user_id")) == str(user_id):
            found.append("a session")
    return found


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_it_erases_every_trace_of_maya_from_the_command_line(maya, sam):
    fill(maya)
    fill(sam, secret="sam-secret")
    _logged_in(maya), _logged_in(maya), _logged_in(sam)
    sams_export = dumps(document(sam, MOMENT))
    assert _traces_of(maya.pk, ("maya",))
    result = CliRunner().invoke(main, ["erase", "--user", "maya", "--yes"])
    assert result.exit_code == 0, result.output
    assert "Erased 'maya'" in result.output
    assert _traces_of(maya.pk, ("maya",)) == []
    assert dumps(document(sam, MOMENT)) == sams_export
    assert Session.objects.count() == 1  # Sam's


def test_it_asks_before_erasing_and_keeps_everything_on_no(maya):
    fill(maya)
    result = CliRunner().invoke(main, ["erase", "--user", "maya"], input="n\n")
    assert result.exit_code == 1 and "This cannot be undone" in result.output
    assert _traces_of(maya.pk, ("maya-secret",))


def test_it_erases_from_settings_only_after_she_types_her_name(maya, sam):
    fill(maya)
    client = _logged_in(maya)
    assert b"Erase my account" in client.get("/data/erase/").content
    wrong = client.post("/data/erase/", {"confirm": "Maya "})
    assert wrong.status_code == 400 and b"nothing was erased" in wrong.content
    assert _traces_of(maya.pk, ("maya-secret",))
    response = client.post("/data/erase/", {"confirm": "maya"})
    assert response.status_code == 302 and response["Location"] == "/login/"
    assert _traces_of(maya.pk, ("maya",)) == []
    assert client.get("/today/").status_code == 302  # logged out


def test_it_needs_a_csrf_token_to_erase(maya):
    client = Client(enforce_csrf_checks=True)
    client.force_login(maya)
    assert client.post("/data/erase/", {"confirm": "maya"}).status_code == 403
    assert _traces_of(maya.pk, ("maya",))


def test_it_links_the_data_page_from_settings(maya_client):
    page = maya_client.get("/settings/").content.decode()
    assert 'href="/data/"' in page


@pytest.mark.skipif(not apps.is_installed("fibrolog.imports"), reason="no upload app")
def test_it_removes_her_uploaded_files_but_nothing_outside_the_data_directory(maya, tmp_path):
    from fibrolog.imports.models import ImportJob

    upload = Path(settings.DATA_DIR) / "maya-upload.zip"
    upload.write_bytes(b"her export")
    outside = tmp_path / "not-ours.zip"
    outside.write_bytes(b"keep me")
    ImportJob.objects.create(user=maya, kind="fitbit", filename="a.zip", path=str(upload))
    ImportJob.objects.create(user=maya, kind="fitbit", filename="b.zip", path=str(outside))
    result = CliRunner().invoke(main, ["erase", "--user", "maya", "--yes"])
    assert "and 1 uploaded files removed" in result.output
    assert not upload.exists() and outside.exists()
