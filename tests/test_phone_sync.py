"""A check-in that waited on Maya's phone is written once, merged like any check-in."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest
from django.test import Client

from fibrolog.accounts.services import today_for
from fibrolog.diary.models import DailyValue, Note
from fibrolog.diary.services.checkin import DayChanges, NoteEdit, save_day
from fibrolog.phone.models import SyncedCheckin

pytestmark = pytest.mark.django_db


def _post(client: Client, entry_id: str, fields: dict, token: str | None = None):
    headers = {"HTTP_X_CSRFTOKEN": token} if token else {}
    body = json.dumps({"id": entry_id, "fields": fields})
    return client.post("/checkin/sync/", body, content_type="application/json", **headers)


def _csrf_client(user) -> tuple[Client, str]:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    token = client.get("/checkin/sync/").json()["csrf"]
    return client, token


def test_it_writes_a_queued_check_in_once_however_often_it_is_sent(maya):
    client, token = _csrf_client(maya)
    day = today_for(maya).isoformat()
    entry = str(uuid.uuid4())
    fields = {"day": day, "m_pain": "6", "o_pain": "", "note": "bus", "o_note": ""}
    answers = [_post(client, entry, fields, token).json()["status"] for _ in range(3)]
    assert answers == ["saved", "already", "already"]
    assert list(DailyValue.objects.values_list("metric__key", "value")) == [("pain", 6.0)]
    assert Note.objects.get().text == "bus"
    assert SyncedCheckin.objects.filter(user=maya).count() == 1


def test_it_refuses_a_replay_without_a_fresh_csrf_token(maya):
    client = Client(enforce_csrf_checks=True)
    client.force_login(maya)
    fields = {"day": today_for(maya).isoformat(), "m_pain": "6", "o_pain": ""}
    assert _post(client, str(uuid.uuid4()), fields).status_code == 403
    assert not DailyValue.objects.exists()


def test_it_merges_only_what_changed_on_the_phone(maya):
    day = today_for(maya)
    save_day(maya, day, DayChanges(values={"pain": 4, "fatigue": 5}, note=NoteEdit("", "at home")))
    client, token = _csrf_client(maya)
    # The phone showed nothing (offline shell) and changed pain and the note only.
    fields = {"day": day.isoformat(), "m_pain": "7", "o_pain": "", "note": "bus", "o_note": ""}
    assert _post(client, str(uuid.uuid4()), fields, token).json()["status"] == "saved"
    values = dict(DailyValue.objects.values_list("metric__key", "value"))
    assert values == {"pain": 7.0, "fatigue": 5.0}
    assert Note.objects.get().text == "at home\n\nbus"  # changed in both places: both kept


def test_it_refuses_a_bad_check_in_whole_and_says_why(maya):
    client, token = _csrf_client(maya)
    fields = {"day": today_for(maya).isoformat(), "m_pain": "11", "m_fatigue": "3"}
    response = _post(client, str(uuid.uuid4()), fields, token)
    assert response.status_code == 400
    assert "between 0 and 10" in " ".join(response.json()["errors"]["m_pain"])
    assert not DailyValue.objects.exists() and not SyncedCheckin.objects.exists()


def test_it_refuses_a_day_in_the_future(maya):
    client, token = _csrf_client(maya)
    tomorrow = (today_for(maya) + timedelta(days=2)).isoformat()
    response = _post(client, str(uuid.uuid4()), {"day": tomorrow, "m_pain": "5"}, token)
    assert response.status_code == 400 and not DailyValue.objects.exists()


def test_it_keeps_each_persons_ids_apart(maya, sam):
    entry = str(uuid.uuid4())
    for person in (maya, sam):
        client, token = _csrf_client(person)
        fields = {"day": today_for(person).isoformat(), "m_pain": "3", "o_pain": ""}
        assert _post(client, entry, fields, token).json()["status"] == "saved"
    assert DailyValue.objects.filter(user=sam).count() == 1
    assert DailyValue.objects.filter(user=maya).count() == 1


def test_it_answers_not_a_check_in_for_a_bad_body(maya_client):
    response = maya_client.post("/checkin/sync/", "{", content_type="application/json")
    assert response.status_code == 400
    response = maya_client.post(
        "/checkin/sync/", json.dumps({"id": "nope", "fields": {}}), content_type="application/json"
    )
    assert response.status_code == 400


def test_it_keeps_no_values_in_the_offline_shell(maya, maya_client):
    save_day(maya, today_for(maya), DayChanges(values={"pain": 9}, note=NoteEdit("", "secret")))
    page = maya_client.get("/today/shell/").content.decode()
    assert 'name="m_pain"' in page and "data-offline-shell" in page
    assert "checked" not in page and "secret" not in page and "Yesterday" not in page


def test_it_serves_the_manifest_and_the_worker_for_the_whole_site(client, maya):
    manifest = client.get("/manifest.webmanifest")
    assert manifest["Content-Type"] == "application/manifest+json"
    assert manifest.json()["display"] == "standalone"
    worker = client.get("/sw.js")
    assert worker["Service-Worker-Allowed"] == "/"
    assert worker["Content-Type"].startswith("text/javascript")
    assert "no-store" in worker["Cache-Control"]
    text = worker.content.decode()
    assert "__VERSION__" not in text and '"/static/fibrolog/app.css"' in text


def test_it_tells_the_browser_to_forget_the_phone_storage_on_log_out(maya_client):
    response = maya_client.post("/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"storage"'
