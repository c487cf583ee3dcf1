"""Every URL name x every persona has a declared expectation (the persona matrix).

Personas: anonymous, person A (Maya, with a distinctive note in her diary), person B (Sam),
a clinician with A's consent (every part), a clinician without consent, a clinician after A
revoked, the admin. A test fails when a URL has no declaration, and A's note must never appear
in any answer to B, the admin, anonymous visitors, or a clinician without consent or after
revocation.

Format (keep it exactly so; other apps' URLs are added in it):

    POLICY[name] = "word" | ("word", kwargs) | ("word", kwargs, "querystring")

kwargs are the URL's arguments; a value may be the placeholder "{A}" (person A's account id) or
a callable taking person A's account and returning the id (it makes the object for A: a
treatment, an experiment ...). The querystring is appended after "?"; it may also be a callable
taking A's account and returning it (for an id in the query, e.g. "patient=...").

Words:

* public: anyone gets an answer (no server error).
* redirect: anyone is redirected.
* setup: nobody: it answers 404 once an account exists.
* owner: person A sees it; person B sees only his own version, and a URL naming one of A's
  objects answers him 404; clinicians and the admin are sent to their home page, anonymous
  visitors to the login page (GET and POST alike).
* account: every logged-in account sees its own; anonymous visitors are sent to log in.
* admin: the admin only.  clinician: any clinician (what a person shared is checked per page).
* "shared:<part>": a clinician sees it only with A's active consent covering <part> (a key of
  fibrolog.sharing.models.PARTS); everyone else is refused: 404, 401/403, or sent to their
  home or the login page.
* token: an API for token holders: a persona with a credential in CREDENTIALS gets an answer,
  every other one 401.

"Sees it" means any answer but a refusal (a POST-only URL answers a GET with 405 once access
is granted). CREDENTIALS maps a persona to a callable(user) -> request headers for
token-authenticated APIs (e.g. {"HTTP_AUTHORIZATION": "Bearer ..."}); a persona without one
sends no credential.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import URLPattern, get_resolver, reverse

from fibrolog.accounts.access import home_for
from fibrolog.accounts.services import create_account, today_for
from fibrolog.diary.services.checkin import DayChanges, NoteEdit, save_day
from fibrolog.sharing.models import PARTS
from fibrolog.sharing.services import can_see, revoke, share
from fibrolog.treatments.services import start_treatment
from tests.conftest import PASSPHRASE


def _treatment(a) -> int:
    return start_treatment(a, name="", key="ldn", start=date(2026, 1, 1)).pk


def _response(a) -> int:
    from fibrolog.questionnaires.services import start_or_resume

    return start_or_resume(a, "phq9").pk


def _experiment(a) -> int:
    from fibrolog.experiments.services import start
    from tests._trial import draft

    experiment = draft(a, today_for(a))
    start(experiment, today_for(a))
    return experiment.pk


def _import(a) -> int:
    from fibrolog.imports.models import ImportJob

    job = ImportJob.objects.create(
        user=a, kind="bearable", filename="a.csv", path="/nonexistent/a.csv", state="preview"
    )
    return job.pk


def _proposal(a) -> int:
    """A pending plan proposed to A (by a clinician made for it: models only, no share needed)."""
    from fibrolog.clinic.models import ExperimentProposal

    proposer = create_account("dr-proposer", None, role="clinician")
    return ExperimentProposal.objects.create(clinician=proposer, person=a, tested="Tai chi").pk


def _patient(a) -> str:
    from fibrolog.archive.export.fhir_resources import patient_id

    return patient_id(a)


def _patient_query(a) -> str:
    return f"patient={_patient(a)}"


def _share(a) -> int:
    from fibrolog.sharing.models import Share

    return Share.objects.filter(person=a).active().get().pk


EXPERIMENT = {"pk": _experiment}
IMPORT = {"pk": _import}
RESPONSE = {"pk": _response}

POLICY: dict[str, str | tuple] = {
    "home": "redirect",
    "setup": "setup",
    "login": "public",
    "login_code": "public",
    "logout": "public",
    "manifest": "public",
    "service_worker": "public",
    "healthz": "public",
    "signup": ("public", {"token": "not-a-token"}),
    "today_shell": "owner",
    "checkin_sync": "owner",
    "reminders": "owner",
    "reminders_subscribe": "owner",
    "account": "account",
    "account_password": "account",
    "account_sessions": "account",
    "account_two_factor": "account",
    "manage_accounts": "admin",
    "manage_unlock": ("admin", {"pk": "{A}"}),
    "manage_invitations": "admin",
    "manage_revoke": ("admin", {"pk": 1}),
    "settings": "owner",
    "today": "owner",
    "pick_day": ("owner", {}, "day=2026-01-05"),
    "day": ("owner", {"iso": "2026-01-05"}),
    "checkin": "owner",
    "timeline": ("owner", {}, "days=365"),
    "metric_new": "owner",
    "treatments": "owner",
    "treatment": ("owner", {"pk": _treatment}),
    "questionnaires": "owner",
    "questionnaire_schedule": "owner",
    "questionnaire_start": ("owner", {"name": "phq9"}),
    "questionnaire_dismiss": ("owner", {"name": "phq9"}),
    "questionnaire_history": ("owner", {"name": "phq9"}),
    "questionnaire_result": ("owner", RESPONSE),
    "questionnaire_page": ("owner", {"pk": _response, "number": 1}),
    "questionnaire_discard": ("owner", RESPONSE),
    "your_data": "owner",
    "data_export": ("owner", {"fmt": "json"}),
    "data_erase": "owner",
    "report": ("owner", {}, "start=2026-01-01&end=2026-01-31"),
    "report_pdf": "owner",
    "experiments": "owner",
    "experiment_new": "owner",
    "experiment": ("owner", EXPERIMENT),
    "experiment_edit": ("owner", EXPERIMENT),
    "experiment_start": ("owner", EXPERIMENT),
    "experiment_pause": ("owner", EXPERIMENT),
    "experiment_stop": ("owner", EXPERIMENT),
    "experiment_taken": ("owner", EXPERIMENT),
    "experiment_note": ("owner", EXPERIMENT),
    "experiment_discard": ("owner", EXPERIMENT),
    "experiment_result": ("owner", EXPERIMENT),
    "experiment_calendar": ("owner", EXPERIMENT),
    "insights": "owner",
    "insights_flares": "owner",
    "insights_treatment": ("owner", {"factor": "ldn"}),
    "imports": "owner",
    "import_weather": "owner",
    "import_job": ("owner", IMPORT),
    "import_confirm": ("owner", IMPORT),
    "import_map": ("owner", IMPORT),
    "import_discard": ("owner", IMPORT),
    "sharing": "owner",
    "sharing_revoke": ("owner", {"pk": _share}),
    "audit_log": "owner",
    "clinician_code": "clinician",
    "clinic_dashboard": "clinician",
    "clinic_person": ("shared:report", {"pk": "{A}"}),
    "clinic_visit": ("shared:report", {"pk": "{A}"}),
    "clinic_request": ("shared:questionnaires", {"pk": "{A}"}),
    "clinic_request_end": ("shared:questionnaires", {"pk": "{A}", "rk": 1}),
    "clinic_propose": ("shared:insights", {"pk": "{A}"}),
    "clinic_proposal_accept": ("owner", {"pk": _proposal}),
    "clinic_proposal_decline": ("owner", {"pk": _proposal}),
    "research_consent": "owner",
    "cohort_results": "clinician",
    "cohort_run": "clinician",
    "api_tokens": "clinician",
    "api_token_revoke": ("clinician", {"pk": 1}),
    "fhir_metadata": "public",
    "fhir_unknown": ("public", {"rest": "Condition"}),
    "fhir_patient": ("shared:diary", {"pid": _patient}),
    "fhir_observations": ("shared:diary", {}, _patient_query),
    "fhir_everything": ("shared:diary", {"pid": _patient}),
}


def _bearer(clinician) -> dict[str, str]:
    from tests.fhirapi_data import bearer_headers

    return bearer_headers(clinician)


# Every clinician holds an API token of their own; nobody else has one.
CREDENTIALS: dict[str, Callable[[object], dict[str, str]]] = {
    "clinician_consent": _bearer,
    "clinician_none": _bearer,
    "clinician_revoked": _bearer,
}
PERSONAS = (
    "anonymous",
    "person_a",
    "person_b",
    "clinician_consent",
    "clinician_none",
    "clinician_revoked",
    "admin",
)
CLINICIANS = {"clinician_consent", "clinician_none", "clinician_revoked"}
NOTE = "persona-matrix-note Q7XJ lavender"  # planted in A's diary
NEVER_SEE_NOTE = {"anonymous", "person_b", "clinician_none", "clinician_revoked", "admin"}
WORDS = {"public", "redirect", "setup", "owner", "account", "admin", "clinician", "token"}


def _parse(entry) -> tuple[str, dict, str]:
    if isinstance(entry, str):
        return entry, {}, ""
    word, kwargs, *rest = entry
    return word, dict(kwargs), (rest[0] if rest else "")


def expected(word: str, persona: str, names_object: bool) -> str:
    """Return what the persona must get: seen, refused, redirect, missing, answered, 401."""
    if word == "public":
        return "answered"
    if word == "redirect":
        return "redirect"
    if word == "setup":
        return "missing"
    if word == "token":
        return "seen" if persona in CREDENTIALS else "401"
    allowed = {
        "owner": {"person_a"} | (set() if names_object else {"person_b"}),
        "account": set(PERSONAS) - {"anonymous"},
        "admin": {"admin"},
        "clinician": CLINICIANS,
    }
    if word.startswith("shared:"):
        allowed[word] = {"clinician_consent"}  # the consent covers every part
    return "seen" if persona in allowed[word] else "refused"


def _patterns(resolver=None):
    for p in (resolver or get_resolver()).url_patterns:
        if isinstance(p, URLPattern):
            yield p
        else:
            yield from _patterns(p)


def test_it_declares_a_policy_for_every_url():
    names = {p.name for p in _patterns()}
    assert names == set(POLICY), f"declare a policy for: {names ^ set(POLICY)}"


@pytest.mark.parametrize("name", sorted(POLICY))
def test_it_declares_each_policy_in_the_documented_format(name):
    word, kwargs, query = _parse(POLICY[name])
    assert word in WORDS or (word.startswith("shared:") and word[7:] in PARTS), word
    assert isinstance(kwargs, dict) and (callable(query) or not query.startswith("?"))


def test_it_reads_each_word_as_documented():
    seen = {w: {p for p in PERSONAS if expected(w, p, False) == "seen"} for w in WORDS - {"token"}}
    assert seen["owner"] == {"person_a", "person_b"}
    assert {p for p in PERSONAS if expected("owner", p, True) == "seen"} == {"person_a"}
    assert seen["account"] == set(PERSONAS) - {"anonymous"}
    assert seen["clinician"] == CLINICIANS and seen["admin"] == {"admin"}
    shared = {p for p in PERSONAS if expected("shared:diary", p, True) == "seen"}
    assert shared == {"clinician_consent"}
    assert {expected("token", p, False) for p in PERSONAS if p not in CREDENTIALS} <= {"401"}


@pytest.fixture
def fast_passwords(settings):
    """Hash the seven personas' passphrases quickly: the matrix tests access, not Argon2."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def personas(fast_passwords, maya, sam, dr_chen, ada) -> dict[str, object]:
    """The seven personas; A keeps a diary note, shares everything with one clinician."""
    save_day(maya, date(2026, 1, 5), DayChanges(values={"pain": 9}, note=NoteEdit("", NOTE)))
    without = create_account("drno", PASSPHRASE + " elsewhere", role="clinician")
    revoked = create_account("drgone", PASSPHRASE + " former", role="clinician")
    share(maya, dr_chen, list(PARTS), 30)
    share(maya, revoked, list(PARTS), 30)
    revoke(maya, revoked)
    return {
        "anonymous": None,
        "person_a": maya,
        "person_b": sam,
        "clinician_consent": dr_chen,
        "clinician_none": without,
        "clinician_revoked": revoked,
        "admin": ada,
    }


def _client(user, persona: str) -> Client:
    headers = CREDENTIALS[persona](user) if persona in CREDENTIALS else {}
    client = Client(**headers)
    if user is not None:
        client.force_login(user)
    return client


def _outcome(response, user, method: str) -> str:
    """Name what an answer was: refused (and how) or seen."""
    status = response.status_code
    if status == 405:
        # The other method is the one that counts: a read-only page turns a POST away (and a
        # POST-only URL a GET) before anything is read; the matrix checks both methods.
        return "neutral"
    if status in (401, 403, 404):
        return {401: "401", 403: "refused", 404: "missing"}[status]
    if status in (301, 302):
        location = response["Location"]
        if location.startswith("/login/"):
            return "login"
        if user is not None and location == reverse(home_for(user)):
            return "home"
        return "redirect"
    return "seen"


def _content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _check(outcome: str, expect: str) -> bool:
    refused = {"login", "home", "missing", "refused", "401"}
    if outcome == "neutral":
        return expect in {"seen", "refused", "answered"}
    return {
        "seen": outcome not in refused,
        "refused": outcome in refused,
        "redirect": outcome in {"redirect", "login", "home"},
        "missing": outcome == "missing",
        "401": outcome == "401",
        "answered": True,  # any status below 500 (a server error raises in the test client)
    }[expect]


@pytest.mark.parametrize("name", sorted(POLICY))
def test_every_persona_gets_what_the_policy_declares(personas, name):
    word, kwargs, query = _parse(POLICY[name])
    a = personas["person_a"]
    names_object = any(callable(v) or v == "{A}" for v in kwargs.values())
    kwargs = {k: v(a) if callable(v) else (a.pk if v == "{A}" else v) for k, v in kwargs.items()}
    query = query(a) if callable(query) else query
    url = reverse(name, kwargs=kwargs) + (f"?{query}" if query else "")
    for persona in PERSONAS:
        user = personas[persona]
        client, expect = _client(user, persona), expected(word, persona, names_object)
        methods = ("get", "post") if expect in {"refused", "401", "missing"} else ("get",)
        for method in methods:
            response = getattr(client, method)(url)
            outcome = _outcome(response, user, method)
            assert _check(outcome, expect), (persona, method, url, response.status_code, expect)
            if persona in NEVER_SEE_NOTE:
                assert NOTE.encode() not in _content(response), (persona, method, url)


def test_it_shows_the_note_to_its_owner_and_no_one_else_on_the_home_pages(personas):
    for persona, user in personas.items():
        client = _client(user, persona)
        page = client.get("/day/2026-01-05/", follow=True).content.decode()
        assert (NOTE in page) == (persona == "person_a"), persona


def test_it_refuses_a_clinician_the_moment_a_share_is_revoked(personas):
    person, clinician = personas["person_a"], personas["clinician_consent"]
    assert can_see(clinician, person, "diary")
    revoke(person, clinician)
    assert not any(can_see(clinician, person, part) for part in PARTS)


def test_it_answers_a_strangers_treatment_exactly_like_a_missing_one(maya, sam_client):
    mine = start_treatment(maya, name="", key="ldn", start=date(2026, 1, 1))
    assert sam_client.get(f"/treatments/{mine.pk}/").status_code == 404
    response = sam_client.post(f"/treatments/{mine.pk}/", {"stop": "1", "stop-on": "2026-02-01"})
    assert response.status_code == 404
    assert sam_client.get("/treatments/999999/").status_code == 404
    assert mine.regimens.get().stop is None


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


def test_it_shows_the_admin_accounts_but_no_diary(admin_client, maya):
    save_day(maya, date(2026, 1, 5), DayChanges(values={"pain": 9}, note=NoteEdit("", NOTE)))
    page = admin_client.get("/manage/accounts/").content.decode()
    assert "maya" in page and "ada" in page and NOTE not in page
    nav = admin_client.get("/account/").content.decode()
    assert "/today/" not in nav and "/timeline/" not in nav


def test_it_lands_each_role_on_its_own_home_after_logging_in(maya, ada, dr_chen):
    for name, password, home in (
        ("maya", PASSPHRASE, "/today/"),
        ("ada", PASSPHRASE + " admin", "/manage/accounts/"),
        ("drchen", PASSPHRASE + " clinic", reverse(home_for(dr_chen))),
    ):
        response = Client().post("/login/", {"username": name, "password": password})
        assert response.status_code == 302 and response["Location"] == home
