"""Dr Chen asks for a questionnaire on a schedule and proposes a self-experiment; Alma answers."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client

from fibrolog.accounts.services import today_for
from fibrolog.clinic.models import ExperimentProposal, QuestionnaireRequest
from fibrolog.experiments.models import Experiment
from fibrolog.sharing.services import revoke
from tests.clinic_people import fiqr, person

pytestmark = pytest.mark.django_db

PLAN = {
    "tested": "Tai chi, 20 minutes a day",
    "comparison": "Usual routine",
    "primary": "pain",
    "design": "fast",
    "pairs": 4,
    "period": 7,
    "washout": 2,
    "treatment_days": "",
    "withdrawal": 0,
    "message": "Worth a try before our next visit.",
}


@pytest.fixture
def alma(dr_chen):
    return person("alma", dr_chen)


@pytest.fixture
def alma_client(alma) -> Client:
    c = Client()
    c.force_login(alma)
    return c


def test_it_shows_a_requested_fiqr_on_today_and_as_due_on_the_questionnaires(
    clinician_client, alma, alma_client
):
    response = clinician_client.post(
        f"/clinic/people/{alma.pk}/request/", {"instrument": "fiqr", "every_days": 30}
    )
    assert response.status_code == 302
    today = alma_client.get("/today/").content.decode()
    assert "From your clinician" in today and "drchen asked you to fill in the" in today
    assert "FIQR" in today and "every 30 days" in today
    listing = alma_client.get("/questionnaires/").content.decode()
    assert "Asked for by drchen" in listing


def test_it_stops_showing_the_request_until_it_is_due_again(clinician_client, alma, alma_client):
    clinician_client.post(
        f"/clinic/people/{alma.pk}/request/", {"instrument": "fiqr", "every_days": 30}
    )
    fiqr(alma, today_for(alma) - timedelta(29), each=3)
    assert "From your clinician" not in alma_client.get("/today/").content.decode()
    QuestionnaireRequest.objects.update(every_days=20)
    assert "From your clinician" in alma_client.get("/today/").content.decode()


def test_it_ends_the_clinicians_asks_when_the_share_is_revoked(
    clinician_client, dr_chen, alma, alma_client
):
    clinician_client.post(
        f"/clinic/people/{alma.pk}/request/", {"instrument": "phq9", "every_days": 14}
    )
    clinician_client.post(f"/clinic/people/{alma.pk}/propose/", PLAN)
    revoke(alma, dr_chen)
    assert "From your clinician" not in alma_client.get("/today/").content.decode()
    assert "Asked for by" not in alma_client.get("/questionnaires/").content.decode()


def test_it_refuses_a_schedule_out_of_range_with_a_clear_message(clinician_client, alma):
    response = clinician_client.post(
        f"/clinic/people/{alma.pk}/request/", {"instrument": "fiqr", "every_days": 2}, follow=True
    )
    assert "Every (days)" in response.content.decode()
    assert not QuestionnaireRequest.objects.exists()


def test_it_turns_an_accepted_proposal_into_a_draft_of_hers(clinician_client, alma, alma_client):
    clinician_client.post(f"/clinic/people/{alma.pk}/propose/", PLAN)
    proposal = ExperimentProposal.objects.get()
    assert proposal.params == {"pairs": 4, "period": 7, "washout": 2}
    today = alma_client.get("/today/").content.decode()
    assert "Tai chi, 20 minutes a day" in today and "Accept as a draft" in today
    response = alma_client.post(f"/clinic/proposals/{proposal.pk}/accept/")
    exp = Experiment.objects.get(user=alma)
    assert response["Location"] == f"/experiments/{exp.pk}/"
    assert (exp.status, exp.tested, exp.design, exp.params["pairs"]) == (
        "draft",
        "Tai chi, 20 minutes a day",
        "fast",
        4,
    )
    proposal.refresh_from_db()
    assert proposal.state == "accepted" and proposal.experiment == exp
    assert "Tai chi" not in alma_client.get("/today/").content.decode()
    assert "accepted" in clinician_client.get(f"/clinic/people/{alma.pk}/").content.decode()


def test_it_records_a_declined_proposal_and_makes_nothing(clinician_client, alma, alma_client):
    clinician_client.post(f"/clinic/people/{alma.pk}/propose/", PLAN)
    proposal = ExperimentProposal.objects.get()
    assert alma_client.post(f"/clinic/proposals/{proposal.pk}/decline/").status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == "declined" and not Experiment.objects.exists()
    assert alma_client.post(f"/clinic/proposals/{proposal.pk}/accept/").status_code == 404


def test_it_refuses_an_impossible_plan_as_the_designer_would(clinician_client, alma):
    bad = {**PLAN, "design": "slow", "treatment_days": 1}
    response = clinician_client.post(f"/clinic/people/{alma.pk}/propose/", bad, follow=True)
    assert response.status_code == 200
    assert not ExperimentProposal.objects.exists()
    assert "Days on treatment" in response.content.decode()


def test_it_lets_no_one_else_answer_her_proposal(clinician_client, alma, sam_client):
    clinician_client.post(f"/clinic/people/{alma.pk}/propose/", PLAN)
    proposal = ExperimentProposal.objects.get()
    assert sam_client.post(f"/clinic/proposals/{proposal.pk}/accept/").status_code == 404
    assert clinician_client.post(f"/clinic/proposals/{proposal.pk}/accept/").status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == "pending"


def test_it_lets_a_clinician_without_a_share_ask_for_nothing(alma, sam):
    from fibrolog.accounts.services import create_account

    other = Client()
    other.force_login(create_account("drlee", None, role="clinician"))
    assert other.post(f"/clinic/people/{alma.pk}/propose/", PLAN).status_code == 404
    assert (
        other.post(
            f"/clinic/people/{alma.pk}/request/", {"instrument": "fiqr", "every_days": 30}
        ).status_code
        == 404
    )
    assert other.post(f"/clinic/people/{alma.pk}/visit/", {"day": "2026-01-01"}).status_code == 404
    assert not ExperimentProposal.objects.exists() and not QuestionnaireRequest.objects.exists()
