"""The clinic dashboard: Dr Chen sees her people, who needs attention first, only what is shared."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fibrolog.accounts.services import today_for
from fibrolog.audit.models import AuditEntry
from fibrolog.audit.services import verify
from fibrolog.sharing.services import revoke
from tests.clinic_people import diary, fiqr, person, phq9

pytestmark = pytest.mark.django_db

URL = "/clinic/"


def names(response) -> list[str]:
    return [row.name for row in response.context["rows"]]


def test_it_lists_the_people_who_share_with_her_and_no_one_else(clinician_client, dr_chen, maya):
    person("alma", dr_chen)
    person("bert")  # shares with no one
    response = clinician_client.get(URL)
    assert response.status_code == 200
    assert names(response) == ["alma"]
    assert b"bert" not in response.content


def test_it_shows_pain_and_fatigue_against_their_own_previous_ninety_days(
    clinician_client, dr_chen
):
    alma = person("alma", dr_chen)
    diary(alma, recent=7, before=5)
    response = clinician_client.get(URL)
    row = response.context["rows"][0]
    pain, _fatigue = row.trends
    assert (pain.recent, pain.before, pain.word) == (7, 5, "worse")
    assert pain.change_text == "+2.0"
    assert row.last_checkin == today_for(dr_chen) or row.last_checkin is not None
    assert row.worsening
    html = response.content.decode()
    assert 'class="sparkline"' in html and "+2.0 vs 5.0 (worse)" in html


def test_it_counts_a_change_under_one_point_as_steady(clinician_client, dr_chen):
    alma = person("alma", dr_chen)
    diary(alma, recent=5.5, before=5)
    row = clinician_client.get(URL).context["rows"][0]
    assert row.trends[0].word == "steady" and not row.worsening


def test_it_compares_fiqr_and_phq9_with_the_one_before_by_the_published_thresholds(
    clinician_client, dr_chen
):
    alma = person("alma", dr_chen)
    today = today_for(alma)
    phq9(alma, today - timedelta(60), each=1)  # 8
    phq9(alma, today - timedelta(30), each=1)  # 8, ignored: only the latest two count
    phq9(alma, today - timedelta(2), each=2)  # 16: +8 >= 5 points (Löwe 2004)
    fiqr(alma, today - timedelta(40), each=5)  # 50
    fiqr(alma, today - timedelta(3), each=5)  # 50: steady
    row = clinician_client.get(URL).context["rows"][0]
    assert (row.phq9.total, row.phq9.previous, row.phq9.word) == (16, 8, "worse")
    assert (row.fiqr.total, row.fiqr.previous, row.fiqr.word) == (50, 50, "steady")
    assert row.worsening


def test_it_puts_an_item_9_flag_first_then_worsening_then_the_oldest_check_in(
    clinician_client, dr_chen
):
    calm, worse, quiet, flagged = (person(n, dr_chen) for n in ("calm", "worse", "quiet", "flag"))
    today = today_for(calm)
    diary(calm, recent=4, before=4)
    diary(worse, recent=8, before=4)
    diary(quiet, recent=4, before=4, today=today - timedelta(20))  # last check-in 20 days ago
    diary(flagged, recent=3, before=4)
    phq9(flagged, today - timedelta(5), each=0, q9=1)
    response = clinician_client.get(URL)
    assert names(response) == ["flag", "worse", "quiet", "calm"]
    assert response.context["rows"][0].flag_day == today - timedelta(5)
    assert "Item 9 above 0" in response.content.decode()


def test_it_counts_the_flag_from_the_last_visit_only(clinician_client, dr_chen):
    alma = person("alma", dr_chen)
    today = today_for(alma)
    phq9(alma, today - timedelta(10), each=0, q9=2)
    assert clinician_client.get(URL).context["rows"][0].flag_day is not None
    clinician_client.post(
        reverse("clinic_visit", args=[alma.pk]), {"day": (today - timedelta(3)).isoformat()}
    )
    assert clinician_client.get(URL).context["rows"][0].flag_day is None
    phq9(alma, today - timedelta(1), each=0, q9=1)
    assert clinician_client.get(URL).context["rows"][0].flag_day == today - timedelta(1)


def test_it_filters_by_flag_worsening_and_name(clinician_client, dr_chen):
    _alma, bert, cleo = (person(n, dr_chen) for n in ("alma", "bert", "cleo"))
    diary(bert, recent=8, before=4)
    phq9(cleo, today_for(cleo), each=0, q9=1)
    assert names(clinician_client.get(URL, {"flag": "1"})) == ["cleo"]
    assert names(clinician_client.get(URL, {"worse": "1"})) == ["bert"]
    assert names(clinician_client.get(URL, {"q": "AL"})) == ["alma"]
    assert "No one matches" in clinician_client.get(URL, {"q": "zed"}).content.decode()


def test_it_shows_no_column_of_a_part_not_shared(clinician_client, dr_chen):
    alma = person("alma", dr_chen, parts=["report"])
    diary(alma, recent=9, before=2)
    phq9(alma, today_for(alma), each=3, q9=3)
    response = clinician_client.get(URL)
    row = response.context["rows"][0]
    assert row.trends == () and row.scores == () and row.flag_day is None
    assert row.last_checkin is None
    html = response.content.decode()
    assert "sparkline" not in html and "not shared" in html and "Item 9 above" not in html


def test_it_forgets_a_person_on_the_request_after_they_revoke(clinician_client, dr_chen):
    alma = person("alma", dr_chen)
    assert names(clinician_client.get(URL)) == ["alma"]
    revoke(alma, dr_chen)
    assert names(clinician_client.get(URL)) == []


def test_it_writes_a_view_into_each_shown_persons_audit_trail(clinician_client, dr_chen):
    alma, bert = person("alma", dr_chen), person("bert", dr_chen, parts=["insights"])
    clinician_client.get(URL, REMOTE_ADDR="203.0.113.9")
    clinician_client.get(URL, REMOTE_ADDR="203.0.113.9")
    entries = AuditEntry.objects.filter(subject=alma, action="view")
    assert entries.count() == 2
    entry = entries.last()
    assert entry.actor == dr_chen and entry.address == "203.0.113.9"
    assert "pain" in entry.what and "PHQ-9" in entry.what
    assert "PHQ-9" not in AuditEntry.objects.filter(subject=bert, action="view").first().what
    assert verify() == []


def test_it_asks_the_same_number_of_queries_for_ten_people_as_for_two(clinician_client, dr_chen):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert clinician_client.get(URL).status_code == 200
        return len(queries)

    def add(n: int, start: int) -> None:
        for i in range(start, start + n):
            p = person(f"p{i:02d}", dr_chen)
            diary(p, recent=5, before=4)
            phq9(p, today_for(p) - timedelta(30), each=1)
            phq9(p, today_for(p), each=1, q9=i % 2)
            fiqr(p, today_for(p), each=4)

    add(2, 0)
    clinician_client.get(URL)
    few = count()
    add(8, 2)
    assert count() == few
    assert few < 30


def test_it_sends_a_clinician_to_the_dashboard_after_logging_in(dr_chen):
    from fibrolog.accounts.access import home_for

    assert home_for(dr_chen) == "clinic_dashboard"


def test_it_refuses_people_and_admins(maya_client, admin_client, client):
    assert maya_client.get(URL).status_code == 302
    assert admin_client.get(URL).status_code == 302
    assert client.get(URL)["Location"].startswith("/login")


def test_it_escapes_what_people_typed(clinician_client, dr_chen):
    from fibrolog.treatments.models import Regimen, Treatment

    alma = person("alma", dr_chen)
    diary(alma, recent=4, before=4)
    pill = Treatment.objects.create(user=alma, name="<script>alert(1)</script>")
    Regimen.objects.create(treatment=pill, start=today_for(alma) - timedelta(days=3))
    html = clinician_client.get(URL).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;: started" in html
