"""Sharing pages: a person shares (from a list or by code) and revokes; a clinician makes codes."""

from __future__ import annotations

import re

from fibrolog.audit.models import AuditEntry
from fibrolog.sharing.models import Share
from fibrolog.sharing.services import can_see, share


def test_it_shares_with_a_clinician_from_the_list(maya_client, maya, dr_chen):
    page = maya_client.get("/sharing/").content.decode()
    assert "Nobody: your data is yours alone" in page and "drchen" in page
    for part in ("report", "diary", "questionnaires", "insights"):
        assert re.search(rf'value="{part}"[^>]*checked', page), part  # all ticked by default
    assert 'value="180"' in page
    response = maya_client.post(
        "/sharing/", {"clinician": dr_chen.pk, "parts": ["report", "diary"], "days": "30"}
    )
    assert response.status_code == 302
    page = maya_client.get("/sharing/").content.decode()
    assert "drchen can see your report and diary until" in page
    assert can_see(dr_chen, maya, "diary") and not can_see(dr_chen, maya, "questionnaires")


def test_it_shares_by_the_clinicians_code(maya_client, maya, clinician_client, dr_chen):
    made = clinician_client.post("/sharing/code/").content.decode()
    code = re.search(r'id="code">([A-Z0-9-]+)<', made).group(1)
    response = maya_client.post("/sharing/", {"code": code, "parts": ["report"], "days": "7"})
    assert response.status_code == 302
    assert can_see(dr_chen, maya, "report")
    people = clinician_client.get("/sharing/code/").content.decode()
    assert "maya shares their report with you until" in people


def test_it_explains_a_refused_share_and_changes_nothing(maya_client, maya, dr_chen):
    for data, message in (
        ({"parts": ["report"], "days": "30"}, "Choose a clinician from the list, or type"),
        ({"code": "ZZZZ-2222", "parts": ["report"], "days": "30"}, "No clinician has that code"),
        ({"clinician": dr_chen.pk, "days": "30"}, "Tick at least one thing to share"),
        ({"clinician": dr_chen.pk, "parts": ["report"], "days": "0"}, "greater than or equal to 1"),
        ({"clinician": maya.pk, "parts": ["report"], "days": "3"}, "Select a valid choice"),
    ):
        response = maya_client.post("/sharing/", data)
        assert response.status_code == 400
        assert message in response.content.decode(), data
    assert not Share.objects.exists()


def test_it_revokes_at_once(maya_client, maya, clinician_client, dr_chen):
    made = share(maya, dr_chen, ["report", "diary"], 30)
    assert "maya shares" in clinician_client.get("/sharing/code/").content.decode()
    response = maya_client.post(f"/sharing/{made.pk}/revoke/")
    assert response.status_code == 302
    assert not can_see(dr_chen, maya, "report")
    assert "Nobody shares with you yet" in clinician_client.get("/sharing/code/").content.decode()
    page = maya_client.get("/sharing/").content.decode()
    assert "until you stopped sharing on" in page
    assert AuditEntry.objects.filter(subject=maya, action="revoke").count() == 1


def test_it_answers_a_strangers_revoke_like_a_missing_share(maya, sam_client, dr_chen):
    made = share(maya, dr_chen, ["report"], 30)
    assert sam_client.post(f"/sharing/{made.pk}/revoke/").status_code == 404
    assert sam_client.get(f"/sharing/{made.pk}/revoke/").status_code == 405
    assert can_see(dr_chen, maya, "report")


def test_it_links_sharing_and_the_trail_from_settings(maya_client):
    page = maya_client.get("/settings/").content.decode()
    assert 'href="/sharing/"' in page and 'href="/audit/"' in page
