"""A year of Maya's check-ins, served as paged searchset Bundles that validate: every
Observation exactly once, in a stable order, filtered by code and date."""

from __future__ import annotations

from datetime import date

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.operationoutcome import OperationOutcome

from fibrolog.archive.export.fhir_bundle import resources as export_resources
from fibrolog.archive.export.fhir_resources import Ids, patient_id
from fibrolog.diary.models import DailyValue, Metric
from tests.fhirapi_data import (
    PAIN_LOINC,
    PHQ9_TOTAL_LOINC,
    api_client,
    shared,
    year_of_checkins,
)


@pytest.fixture
def year(maya, dr_chen):
    expected = year_of_checkins(maya)
    shared(maya, dr_chen)
    return expected


def _pages(client, url):
    """Follow next links; return every page's parsed Bundle."""
    pages = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content[:300]
        assert response["Content-Type"] == "application/fhir+json"
        bundle = Bundle.model_validate_json(response.content)
        assert bundle.type == "searchset"
        pages.append(bundle)
        url = next((link.url for link in bundle.link if link.relation == "next"), None)
    return pages


def _ids(pages):
    return [e.resource.id for p in pages for e in (p.entry or [])]


def test_it_serves_a_year_as_pages_that_hold_every_observation_exactly_once(maya, dr_chen, year):
    client = api_client(dr_chen)
    pid = patient_id(maya)
    pages = _pages(client, f"/fhir/Observation?patient={pid}&_count=500")
    assert len(pages) == 3
    assert all(p.total == year for p in pages)
    ids = _ids(pages)
    assert len(ids) == len(set(ids)) == year
    for page in pages:
        for e in page.entry:
            assert isinstance(e.resource, Observation)
            assert e.resource.subject.reference == f"Patient/{pid}"
            assert e.fullUrl.endswith(f"/fhir/Observation/{e.resource.id}")
    export = [r for r in export_resources(maya) if r["resourceType"] == "Observation"]
    assert set(ids) == {r["id"] for r in export}
    days = [
        (e.resource.effectiveDateTime or e.resource.effectivePeriod.start, e.resource.id)
        for p in pages
        for e in p.entry
    ]
    assert days == sorted(days, key=lambda d: (str(d[0]), d[1]))


def test_it_neither_repeats_nor_skips_when_a_checkin_arrives_between_pages(maya, dr_chen, year):
    client = api_client(dr_chen)
    url = f"/fhir/Observation?patient={patient_id(maya)}&date=ge2026-06-01&date=le2026-06-30"
    first = Bundle.model_validate_json(client.get(url + "&_count=40").content)
    mood = Metric.objects.get(owner__isnull=True, key="mood")
    DailyValue.objects.create(user=maya, metric=mood, day=date(2026, 6, 1), value=3)  # page 1
    DailyValue.objects.create(user=maya, metric=mood, day=date(2026, 6, 30), value=4)  # later
    next_url = next(link.url for link in first.link if link.relation == "next")
    rest = _pages(client, next_url)
    ids = _ids([first, *rest])
    assert len(ids) == len(set(ids))
    now = _ids(_pages(client, url))  # the month as it is now, from the start
    early, late = (Ids(maya)("value", date(2026, 6, d), "mood") for d in (1, 30))
    assert set(ids) == set(now) - {early}  # behind the cursor already: the next search has it
    assert late in ids and len(now) == 30 * 4 + 2 + 2  # June, its PHQ-9 (total, panel), moods


def test_it_filters_by_loinc_code_and_date_range(maya, dr_chen, year):
    client = api_client(dr_chen)
    pid = patient_id(maya)
    url = f"/fhir/Observation?patient={pid}&code={PAIN_LOINC}&date=ge2026-01-01&date=le2026-03-31"
    (page,) = _pages(client, url)
    assert page.total == 31 + 28 + 31
    assert {e.resource.code.coding[0].code for e in page.entry} == {PAIN_LOINC}
    dated = sorted(e.resource.effectiveDateTime for e in page.entry)
    assert (str(dated[0]), str(dated[-1])) == ("2026-01-01", "2026-03-31")
    (phq9,) = _pages(
        client, f"/fhir/Observation?patient={pid}&code=http://loinc.org|{PHQ9_TOTAL_LOINC}"
    )
    assert phq9.total == 12
    assert phq9.entry[0].resource.derivedFrom[0].reference.startswith("QuestionnaireResponse/")


def test_it_matches_own_codes_months_and_a_flare_that_overlaps_the_range(maya, dr_chen, year):
    client = api_client(dr_chen)
    pid = patient_id(maya)
    metric = "https://fibrolog.org/fhir/CodeSystem/metric"
    (fog,) = _pages(client, f"/fhir/Observation?patient={pid}&code={metric}|fog&date=2026-02")
    assert fog.total == 28
    (flare,) = _pages(client, f"/fhir/Observation?patient={pid}&code=flare&date=ge2026-04-01")
    starts = [str(e.resource.effectivePeriod.start) for e in flare.entry]
    assert starts == ["2026-03-30", "2026-08-01"]  # 30 Mar to 2 Apr reaches into April
    (either,) = _pages(client, f"/fhir/Observation?patient={pid}&code=fog,fatigue&date=2026-02-03")
    assert either.total == 2


def test_it_counts_zero_for_the_total_alone(maya, dr_chen, year):
    response = api_client(dr_chen).get(f"/fhir/Observation?patient={patient_id(maya)}&_count=0")
    bundle = Bundle.model_validate_json(response.content)
    assert bundle.total == year and not bundle.entry


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("date=2026-13-01", "not a real date"),
        ("date=sa2026-01-01", "not supported"),
        ("date=tomorrow", "date='tomorrow'"),
        ("_count=-1", "_count"),
        ("_cursor=xyz", "_cursor"),
        ("colour=red", "colour: not a parameter"),
        ("code=", "give a code"),
        ("_format=xml", "JSON only"),
    ],
)
def test_it_names_the_problem_with_a_bad_query(maya, dr_chen, query, names):
    shared(maya, dr_chen)
    response = api_client(dr_chen).get(f"/fhir/Observation?patient={patient_id(maya)}&{query}")
    assert response.status_code == 400
    outcome = OperationOutcome.model_validate_json(response.content)
    assert names in outcome.issue[0].diagnostics


def test_it_needs_exactly_one_patient(maya, dr_chen):
    shared(maya, dr_chen)
    response = api_client(dr_chen).get("/fhir/Observation?code=72514-3")
    assert response.status_code == 400
    assert "patient" in OperationOutcome.model_validate_json(response.content).issue[0].diagnostics


def test_it_serves_only_questionnaire_scores_when_only_questionnaires_are_shared(maya, dr_chen):
    year_of_checkins(maya)
    shared(maya, dr_chen, parts=("questionnaires",))
    (page,) = _pages(api_client(dr_chen), f"/fhir/Observation?patient={patient_id(maya)}")
    assert page.total == 24
    assert all(e.resource.derivedFrom for e in page.entry)
