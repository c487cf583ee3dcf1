"""Every URL has a declared access policy: strangers, anonymous visitors, admins and clinicians
are refused every diary page; account management is for admins only."""

from datetime import date

import pytest
from django.test import Client
from django.urls import URLPattern, get_resolver, reverse

from fibrolog.diary.services.checkin import DayChanges, NoteEdit, save_day
from fibrolog.treatments.services import start_treatment

# name -> policy: "public" (anyone), "setup" (only before the first account), "owner" (a person,
# her own diary: clinicians and admins are turned away), "account" (any logged-in account, its
# own settings), "admin" (admins only: accounts and invitations, never health data)
POLICY = {
    "home": "redirect",
    "setup": "setup",
    "login": "public",
    "login_code": "public",
    "logout": "public",
    "manifest": "public",
    "service_worker": "public",
    "today_shell": "owner",
    "checkin_sync": "owner",
    "reminders": "owner",
    "reminders_subscribe": "owner",
    "signup": "public",
    "account": "account",
    "account_password": "account",
    "account_sessions": "account",
    "account_two_factor": "account",
    "manage_accounts": "admin",
    "manage_unlock": "admin",
    "manage_invitations": "admin",
    "manage_revoke": "admin",
    "settings": "owner",
    "today": "owner",
    "pick_day": "owner",
    "day": "owner",
    "checkin": "owner",
    "timeline": "owner",
    "metric_new": "owner",
    "treatments": "owner",
    "treatment": "owner",
    "questionnaires": "owner",
    "questionnaire_schedule": "owner",
    "questionnaire_start": "owner",
    "questionnaire_dismiss": "owner",
    "questionnaire_history": "owner",
    "questionnaire_result": "owner",
    "questionnaire_page": "owner",
    "questionnaire_discard": "owner",
    "your_data": "owner",
    "data_export": "owner",
    "data_erase": "owner",
    "report": "owner",
    "report_pdf": "owner",
    "experiments": "owner",
    "experiment_new": "owner",
    "experiment": "owner",
    "experiment_edit": "owner",
    "experiment_start": "owner",
    "experiment_pause": "owner",
    "experiment_stop": "owner",
    "experiment_taken": "owner",
    "experiment_note": "owner",
    "experiment_discard": "owner",
    "experiment_result": "owner",
    "experiment_calendar": "owner",
    "insights": "owner",
    "insights_flares": "owner",
    "insights_treatment": "owner",
    "imports": "owner",
    "import_weather": "owner",
    "import_job": "owner",
    "import_confirm": "owner",
    "import_map": "owner",
    "import_discard": "owner",
    "healthz": "public",
    "clinic_dashboard": "clinician",
    "clinic_person": "clinician",
    "clinic_visit": "clinician",
    "clinic_request": "clinician",
    "clinic_request_end": "clinician",
    "clinic_propose": "clinician",
    "clinic_proposal_accept": "owner",
    "clinic_proposal_decline": "owner",
    "api_tokens": "clinician",
    "api_token_revoke": "clinician",
    "fhir_metadata": "public",
    "fhir_unknown": "public",
    "fhir_patient": "token",
    "fhir_observations": "token",
    "fhir_everything": "token",
}
SAMPLE_ARGS = {
    "day": {"iso": "2026-01-05"},
    "treatment": {"pk": 1},
    "questionnaire_start": {"name": "phq9"},
    "questionnaire_dismiss": {"name": "phq9"},
    "questionnaire_history": {"name": "phq9"},
    "questionnaire_result": {"pk": 1},
    "questionnaire_page": {"pk": 1, "number": 1},
    "questionnaire_discard": {"pk": 1},
    "data_export": {"fmt": "json"},
    "experiment": {"pk": 1},
    "experiment_edit": {"pk": 1},
    "experiment_start": {"pk": 1},
    "experiment_pause": {"pk": 1},
    "experiment_stop": {"pk": 1},
    "experiment_taken": {"pk": 1},
    "experiment_note": {"pk": 1},
    "experiment_discard": {"pk": 1},
    "experiment_result": {"pk": 1},
    "experiment_calendar": {"pk": 1},
    "insights_treatment": {"factor": "ldn"},
    "import_job": {"pk": 1},
    "import_confirm": {"pk": 1},
    "import_map": {"pk": 1},
    "import_discard": {"pk": 1},
    "clinic_proposal_accept": {"pk": 1},
    "clinic_proposal_decline": {"pk": 1},
}
POST_ONLY = {
    "checkin",
    "questionnaire_schedule",
    "questionnaire_start",
    "questionnaire_dismiss",
    "reminders_subscribe",
    "questionnaire_discard",
}
POST_ONLY |= {"import_discard", "import_weather"}
POST_ONLY |= {"clinic_proposal_accept", "clinic_proposal_decline"}
POST_ONLY |= {
    "experiment_start",
    "experiment_pause",
    "experiment_stop",
    "experiment_taken",
    "experiment_note",
    "experiment_discard",
}
NEEDS_OBJECT = {"treatment", "questionnaire_result", "questionnaire_page", "questionnaire_discard"}
NEEDS_OBJECT |= {"clinic_proposal_accept", "clinic_proposal_decline"}
NEEDS_OBJECT |= {
    "insights_treatment",
    "import_job",
    "import_confirm",
    "import_map",
    "import_discard",
}
NEEDS_OBJECT |= {
    "experiment",
    "experiment_edit",
    "experiment_start",
    "experiment_pause",
    "experiment_stop",
    "experiment_taken",
    "experiment_note",
    "experiment_discard",
    "experiment_result",
    "experiment_calendar",
}


def _patterns(resolver=None):
    for p in (resolver or get_resolver()).url_patterns:
        if isinstance(p, URLPattern):
            yield p
        else:
            yield from _patterns(p)


def test_it_declares_a_policy_for_every_url():
    names = {p.name for p in _patterns()}
    assert names == set(POLICY), f"declare a policy for: {names ^ set(POLICY)}"


@pytest.mark.parametrize("name", [n for n, p in POLICY.items() if p == "owner"])
def test_it_sends_anonymous_visitors_to_log_in(client, maya, name):
    from django.urls import reverse

    kwargs = SAMPLE_ARGS.get(name, {})
    for method in ("get", "post"):
        response = getattr(client, method)(reverse(name, kwargs=kwargs))
        assert response.status_code == 302
        assert response["Location"].startswith("/login/")


def test_it_answers_a_strangers_treatment_exactly_like_a_missing_one(maya, sam_client):
    mine = start_treatment(maya, name="", key="ldn", start=__import__("datetime").date(2026, 1, 1))
    assert sam_client.get(f"/treatments/{mine.pk}/").status_code == 404
    assert (
        sam_client.post(
            f"/treatments/{mine.pk}/", {"stop": "1", "stop-on": "2026-02-01"}
        ).status_code
        == 404
    )
    assert sam_client.get("/treatments/999999/").status_code == 404
    assert mine.regimens.get().stop is None


def _owner_urls():
    from django.urls import reverse

    for name, policy in POLICY.items():
        if policy == "owner" and name not in POST_ONLY | NEEDS_OBJECT | {"pick_day"}:
            yield reverse(name, kwargs=SAMPLE_ARGS.get(name, {}))


@pytest.mark.parametrize("url", [*_owner_urls(), "/timeline/?days=365", "/day/"])
def test_it_shows_the_owner_her_page_and_a_stranger_none_of_her_data(maya, sam_client, url):
    from datetime import date

    from django.test import Client

    from fibrolog.diary.services.checkin import DayChanges, NoteEdit, save_day
    from fibrolog.diary.services.checkin_settings import add_metric

    add_metric(
        maya,
        name="Maya private metric",
        kind="symptom",
        low=0,
        high=10,
        step=1,
        unit="",
        worse="higher",
    )
    start_treatment(maya, name="Maya secret pill", start=date(2026, 1, 1))
    save_day(
        maya,
        date(2026, 1, 5),
        DayChanges(
            values={"pain": 9}, note=NoteEdit("", "secret"), tags_add=frozenset({"maya-secret-tag"})
        ),
    )
    owner = Client()
    owner.force_login(maya)
    assert owner.get(url, follow=True).status_code == 200
    page = sam_client.get(url, follow=True).content.decode()
    for secret in ("Maya private metric", "Maya secret pill", "maya-secret-tag"):
        assert secret not in page


def test_it_hides_setup_once_an_account_exists(client, maya):
    assert client.get("/setup/", REMOTE_ADDR="127.0.0.1").status_code == 404


def test_it_answers_a_strangers_questionnaire_exactly_like_a_missing_one(maya, sam_client):
    from fibrolog.questionnaires.services import start_or_resume

    mine = start_or_resume(maya, "phq9")
    for url in (f"/questionnaires/r/{mine.pk}/", f"/questionnaires/r/{mine.pk}/page/1/"):
        assert sam_client.get(url).status_code == 404
    assert sam_client.post(f"/questionnaires/r/{mine.pk}/page/1/", {"q1": "3"}).status_code == 404
    assert sam_client.post(f"/questionnaires/r/{mine.pk}/discard/").status_code == 404
    mine.refresh_from_db()
    assert mine.answers == {}


# Admins and clinicians (personas in conftest.py) see no diary.
HEALTH = [name for name, policy in POLICY.items() if policy == "owner"]
ADMIN_ONLY = [name for name, policy in POLICY.items() if policy == "admin"]
ADMIN_ARGS = {"manage_unlock": {"pk": 1}, "manage_revoke": {"pk": 1}}
# Where each role lands when it asks for a page that is not for it.
HOME = {"admin": "/manage/accounts/", "clinician": "/clinic/", "person": "/today/"}


@pytest.fixture
def maya_secrets(maya):
    start_treatment(maya, name="Maya secret pill", start=date(2026, 1, 1))
    save_day(
        maya,
        date(2026, 1, 5),
        DayChanges(values={"pain": 9}, note=NoteEdit("", "maya-secret-note")),
    )
    return ("Maya secret pill", "maya-secret-note")


@pytest.mark.parametrize("role", ["admin", "clinician"])
@pytest.mark.parametrize("name", HEALTH)
def test_it_turns_admins_and_clinicians_away_from_every_health_data_url(
    request, maya_secrets, role, name
):
    client = request.getfixturevalue(f"{role}_client")
    url = reverse(name, kwargs=SAMPLE_ARGS.get(name, {}))
    for method in ("get", "post"):
        response = getattr(client, method)(url)
        assert response.status_code == 302, (method, url)
        assert response["Location"] == HOME[role], (method, url)
    page = client.get(url, follow=True)
    assert page.status_code == 200
    for secret in maya_secrets:
        assert secret not in page.content.decode()


@pytest.mark.parametrize("name", ADMIN_ONLY)
def test_it_keeps_account_management_for_admins(maya_client, clinician_client, client, name):
    url = reverse(name, kwargs=ADMIN_ARGS.get(name, {}))
    assert client.get(url)["Location"].startswith("/login/")
    assert maya_client.post(url)["Location"] == HOME["person"]
    assert clinician_client.post(url)["Location"] == HOME["clinician"]


def test_it_shows_the_admin_accounts_but_no_diary(admin_client, maya_secrets):
    page = admin_client.get("/manage/accounts/").content.decode()
    assert "maya" in page and "ada" in page
    for secret in maya_secrets:
        assert secret not in page
    nav = admin_client.get("/account/").content.decode()
    assert "/today/" not in nav and "/timeline/" not in nav


@pytest.mark.parametrize("name", [n for n, p in POLICY.items() if p == "account"])
def test_it_lets_every_role_see_only_its_own_account(
    client, maya_client, admin_client, clinician_client, name
):
    url = reverse(name)
    assert client.get(url)["Location"].startswith("/login/")
    if name == "account_sessions":
        return  # POST only: ending sessions is tested in test_accounts_sessions.py
    for who in (maya_client, admin_client, clinician_client):
        assert who.get(url).status_code == 200


def test_it_lands_each_role_on_its_own_home_after_logging_in(maya, ada, dr_chen):
    from tests.conftest import PASSPHRASE

    for name, password, home in (
        ("maya", PASSPHRASE, HOME["person"]),
        ("ada", PASSPHRASE + " admin", HOME["admin"]),
        ("drchen", PASSPHRASE + " clinic", HOME["clinician"]),
    ):
        response = Client().post("/login/", {"username": name, "password": password})
        assert response.status_code == 302 and response["Location"] == home
