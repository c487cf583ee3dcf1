"""`fibrolog cohort analyze --user` reads consented people only, from the database."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from fibrolog.analysis.cohort.simulate import simulate_person
from fibrolog.audit.models import AuditEntry
from fibrolog.cli import main
from fibrolog.cohort.models import ResearchConsent
from fibrolog.cohort.services import ALL, CohortError, choose, diaries
from tests.cohort_people import plant, plant_cohort

pytestmark = pytest.mark.django_db


@pytest.fixture
def clinic(db):
    """Six people who consented (LDN helps by about 1.2 points) and one who said no, for whom
    LDN lowered pain by 5 points: were his diary read, the pooled mean would move."""
    consenting = plant_cohort(6)
    dissenter = plant("dissenter", simulate_person(-5.0, days=365, start=150, seed=99),
                      consent=False)  # fmt: skip
    return consenting, dissenter


def _analyze(dask_client, *args: str):
    address = dask_client.scheduler.address
    return CliRunner().invoke(
        main,
        ["cohort", "analyze", *args, "--treatment", "ldn", "--outcome", "pain", "--slow",
         "--scheduler", address, "--json"],
    )  # fmt: skip


def test_it_pools_only_the_people_who_consented(dask_client, clinic):
    consenting, dissenter = clinic
    result = _analyze(dask_client, "--user", "all")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert answer["people"] == 6
    ids = {p["id"] for p in answer["per_person"]}
    assert ids == {ResearchConsent.objects.get(user=u).research_id for u in consenting}
    assert ResearchConsent.objects.get(user=dissenter).research_id not in ids
    low, high = answer["mean"]["interval95"]
    assert -2.5 < low < high < 0  # no trace of the -5 points


def test_it_never_reads_the_diary_of_someone_who_did_not_consent(dask_client, clinic):
    _, dissenter = clinic
    assert _analyze(dask_client, "--user", "all").exit_code == 0
    assert not AuditEntry.objects.filter(subject=dissenter, action="read").exists()
    reads = AuditEntry.objects.filter(action="read", what__startswith="diary for research")
    assert reads.count() == 6


def test_it_keeps_the_json_contract(dask_client, clinic):
    result = _analyze(dask_client, "--user", "all")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    for key in ("mean", "tau", "responders"):
        assert set(answer[key]) >= {"estimate", "interval95"}
    entry = answer["per_person"][0]
    assert set(entry) >= {"id", "estimate", "interval95", "shrunk_estimate", "shrunk_interval95"}
    assert answer["engine"] == {"name": "dask", "workers": 2,
                                "scheduler": dask_client.scheduler.address}  # fmt: skip
    assert answer["collecting"] == []


def test_it_names_what_is_wrong(dask_client, clinic):
    unknown = _analyze(dask_client, "--user", "nobody")
    assert unknown.exit_code == 1 and "no account called 'nobody'" in unknown.output
    refused = _analyze(dask_client, "--user", "dissenter")
    assert refused.exit_code == 1
    assert "dissenter has not consented to research use" in refused.output
    both = _analyze(dask_client, "--user", "all", ".")
    assert both.exit_code == 2 and "either DIR or --user" in both.output
    few = _analyze(dask_client, "--user", "person0", "--user", "person1")
    assert few.exit_code == 1 and "pooling needs 3" in few.output


def test_it_says_when_nobody_consented(db):
    plant("alone", simulate_person(-1.0, days=120, start=60, seed=1), consent=None)
    with pytest.raises(CohortError, match="nobody has consented"):
        choose([ALL], "ldn")


def test_it_rechecks_consent_as_it_streams(clinic):
    consenting, _ = clinic
    ids = choose([ALL], "ldn")
    ResearchConsent.objects.filter(user=consenting[0]).update(consented=False)
    seen = [rid for rid, _ in diaries(ids, treatment="ldn", outcome="pain", purpose="test")]
    assert len(seen) == 5
    assert ResearchConsent.objects.get(user=consenting[0]).research_id not in seen


def test_it_hands_over_only_the_two_columns_analysed(clinic):
    _, frame = next(diaries(choose([ALL], "ldn"), treatment="ldn", outcome="pain",
                              purpose="test"))  # fmt: skip
    assert list(frame.columns) == ["pain", "ldn"] and len(frame) == 365


def test_it_exports_only_the_consented_de_identified(tmp_path, clinic):
    import pyarrow.parquet as pq

    result = CliRunner().invoke(main, ["cohort", "export", "--user", "all", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Exported 6 people who consented" in result.output
    diary = pq.read_table(tmp_path / "diary.parquet").to_pandas()
    assert diary["research_id"].nunique() == 6
    assert {"pain", "ldn"} <= set(diary.columns)
    assert not any(c.startswith("tag:") for c in diary.columns)
    assert len(diary) == 6 * 365
    dictionary = json.loads((tmp_path / "data_dictionary.json").read_text())
    assert "only people who consented" in dictionary["about"]


def _sleep(user, level: float) -> None:
    from datetime import date, timedelta

    from fibrolog.diary.models import DailyValue, Metric

    sleep = Metric.objects.get(key="sleep_quality", owner__isnull=True)
    start = date(2025, 1, 1)
    DailyValue.objects.bulk_create(
        DailyValue(user=user, metric=sleep, day=start + timedelta(days=n), value=level)
        for n in range(40)
    )


def test_it_bands_what_the_diary_holds_at_the_start(db):
    from fibrolog.cohort.services.covariates import baseline_covariates
    from fibrolog.questionnaires.models import Response

    person = plant("banded", simulate_person(-1.0, days=60, start=30, seed=3), consent=True)
    assert baseline_covariates(person) == {}  # no FIQR, no sleep logged: nothing made up
    _sleep(person, 3.0)
    answers = {f"q{i}": 5 for i in range(1, 22)}
    Response.objects.create(user=person, instrument="fiqr", version="t", answers=answers,
                            completed_at="2025-01-02T10:00Z", day="2025-01-02")  # fmt: skip
    assert baseline_covariates(person) == {
        "baseline_fiqr_band": "moderate",  # 50.0 on the FIQR: Salaffi et al. 2018's 46-65
        "baseline_sleep": "poor (under 4)",
    }


def test_it_asks_who_responds_with_the_diaries_baselines(dask_client, clinic):
    consenting, _ = clinic
    for n, person in enumerate(consenting):
        _sleep(person, 3.0 if n % 2 else 8.0)
    answer = json.loads(_analyze(dask_client, "--user", "all").stdout)
    covariates = {t["covariate"] for t in answer["terms"]}
    assert covariates == {"baseline_sleep"}, answer["terms_note"]
