"""A person's page for Dr Chen: report and timeline read-only, only what and while they share."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client

from fibrolog.accounts.services import today_for
from fibrolog.audit.models import AuditEntry
from fibrolog.sharing.services import revoke, share
from tests.clinic_people import diary, person, phq9

pytestmark = pytest.mark.django_db


def url(who) -> str:
    return f"/clinic/people/{who.pk}/"


@pytest.fixture
def alma(dr_chen):
    alma = person("alma", dr_chen)
    diary(alma, recent=6, before=4)
    phq9(alma, today_for(alma) - timedelta(3), each=1, q9=1)
    return alma


def test_it_shows_the_report_timeline_questionnaires_and_experiments_read_only(
    clinician_client, alma
):
    response = clinician_client.get(url(alma))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Fibromyalgia diary report" in html  # the report's own template
    assert 'id="timeline"' in html and "<svg" in html
    assert "PHQ-9" in html and "item 9 above 0" in html
    assert 'id="experiments"' in html
    for edit in ('action="/checkin/"', "/experiments/new/", "/treatments/"):
        assert edit not in html


def test_it_shows_only_the_parts_shared(clinician_client, dr_chen, alma):
    share(alma, dr_chen, ["questionnaires"])
    html = clinician_client.get(url(alma)).content.decode()
    assert "PHQ-9" in html
    assert "Fibromyalgia diary report" not in html and 'id="timeline"' not in html
    assert 'id="experiments"' not in html


def test_it_answers_without_a_share_exactly_like_a_missing_person(
    clinician_client, dr_chen, alma, maya
):
    missing = clinician_client.get("/clinic/people/999999/")
    assert missing.status_code == 404
    assert clinician_client.get(url(maya)).status_code == 404  # never shared
    assert clinician_client.get(url(dr_chen)).status_code == 404  # herself
    assert clinician_client.get(url(alma)).status_code == 200
    revoke(alma, dr_chen)
    gone = clinician_client.get(url(alma))
    assert gone.status_code == 404 and gone.content == missing.content
    assert (
        clinician_client.post(
            f"{url(alma)}request/", {"instrument": "fiqr", "every_days": 30}
        ).status_code
        == 404
    )


def test_it_refuses_another_clinician_people_and_admins(
    alma, sam_client, admin_client, client, maya_client
):
    from fibrolog.accounts.services import create_account

    other = Client()
    other.force_login(create_account("drlee", None, role="clinician"))
    assert other.get(url(alma)).status_code == 404
    assert other.get("/clinic/").context["rows"] == []
    for c in (sam_client, maya_client, admin_client):
        assert c.get(url(alma)).status_code == 302
        page = c.get(url(alma), follow=True).content  # their own home (admin: accounts only)
        assert b"item 9 above 0" not in page and b"diary report" not in page
    assert client.get(url(alma))["Location"].startswith("/login")


def test_it_records_each_view_with_who_what_and_where(clinician_client, dr_chen, alma):
    clinician_client.get(url(alma), REMOTE_ADDR="198.51.100.7")
    entry = AuditEntry.objects.filter(subject=alma, action="view").last()
    assert entry.actor == dr_chen and entry.address == "198.51.100.7"
    assert entry.what == "clinic person page: report, diary, questionnaires, insights"


def test_it_writes_nothing_of_the_persons_own_data_when_viewed(clinician_client, alma):
    from fibrolog.diary.models import DailyValue
    from fibrolog.questionnaires.models import Response

    before = (
        DailyValue.objects.filter(user=alma).count(),
        Response.objects.filter(user=alma).count(),
    )
    clinician_client.get(url(alma))
    clinician_client.get(url(alma) + "?days=365")
    after = (
        DailyValue.objects.filter(user=alma).count(),
        Response.objects.filter(user=alma).count(),
    )
    assert before == after
