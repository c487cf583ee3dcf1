"""A person says yes or no to research use at /settings/research/, and can take it back at once."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.urls import reverse

from fibrolog.analysis.cohort import pool
from fibrolog.analysis.cohort.simulate import simulate_estimates
from fibrolog.audit.models import AuditEntry
from fibrolog.cohort.models import CohortResult, ResearchConsent
from fibrolog.cohort.services import consented

URL = "/settings/research/"


def test_it_lives_at_settings_research():
    assert reverse("research_consent") == URL


def test_it_says_in_plain_words_what_is_used_and_who_sees_it(maya_client):
    page = maya_client.get(URL).content.decode()
    for words in ("de-identified", "pooled", "only those pooled figures", "Taking it back",
                  "You have not said yes"):  # fmt: skip
        assert words in page


def test_it_records_a_yes_and_takes_it_back_at_once(maya, maya_client):
    maya_client.post(URL, {"choice": "yes"})
    assert consented(maya) is not None
    assert "You said yes" in maya_client.get(URL).content.decode()
    maya_client.post(URL, {"choice": "no"})
    assert consented(maya) is None
    assert ResearchConsent.objects.get(user=maya).consented is False
    actions = list(AuditEntry.objects.filter(subject=maya).values_list("action", flat=True))
    assert actions[-2:] == ["consent", "revoke"]


def test_it_removes_a_withdrawn_persons_summary_from_stored_results(maya, maya_client):
    maya_client.post(URL, {"choice": "yes"})
    mine = ResearchConsent.objects.get(user=maya).research_id
    people, _ = simulate_estimates(5, -1.0, 0.5, seed=1)
    people[0] = replace(people[0], id=mine)
    pooled = pool(people, treatment="ldn", outcome="pain")
    stored = CohortResult.objects.create(
        treatment="ldn", outcome="pain", result=pooled.to_dict(), people=5
    )
    maya_client.post(URL, {"choice": "no"})
    stored.refresh_from_db()
    assert mine not in {p["id"] for p in stored.result["per_person"]}
    assert stored.result["withdrawn"] is True


def test_it_refuses_an_unclear_answer(maya, maya_client):
    response = maya_client.post(URL, {"choice": "maybe"}, follow=True)
    assert "choose yes or no" in response.content.decode()
    assert not ResearchConsent.objects.filter(user=maya).exists()


def test_it_is_linked_from_settings(maya_client):
    assert URL in maya_client.get("/settings/").content.decode()


@pytest.mark.parametrize("who", ["clinician_client", "admin_client"])
def test_it_is_a_persons_own_choice_only(who, request, maya):
    client = request.getfixturevalue(who)
    response = client.get(URL)
    assert response.status_code == 302 and response.url != URL
    client.post(URL, {"choice": "yes"})
    assert not ResearchConsent.objects.exists()


def test_it_sends_strangers_to_log_in(client, maya):
    response = client.get(URL)
    assert response.status_code == 302 and "/login/" in response.url


def test_each_person_sets_only_their_own(maya, sam_client):
    sam_client.post(URL, {"choice": "yes"})
    assert consented(maya) is None


def test_it_forgets_an_erased_persons_summary(maya, maya_client):
    from fibrolog.archive.erase import erase_person

    maya_client.post(URL, {"choice": "yes"})
    mine = ResearchConsent.objects.get(user=maya).research_id
    people, _ = simulate_estimates(5, -1.0, 0.5, seed=1)
    people[0] = replace(people[0], id=mine)
    pooled = pool(people, treatment="ldn", outcome="pain")
    stored = CohortResult.objects.create(
        treatment="ldn", outcome="pain", result=pooled.to_dict(), people=5
    )
    erase_person(maya)
    stored.refresh_from_db()
    assert mine not in {p["id"] for p in stored.result["per_person"]}
