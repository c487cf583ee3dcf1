"""`fibrolog cohort analyze` fits each person on a real Dask cluster and pools them.

One LocalCluster (2 worker processes, loopback only) serves the whole file; the CLI is
pointed at it with --scheduler, so the default-cluster path (`connect`) and the --scheduler
path are both exercised.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from fibrolog.analysis.cohort.simulate import simulate_people, write_cohort
from fibrolog.cli import main
from fibrolog.cohort.engine import analyze_folder, connect, worker_memory


@pytest.fixture(scope="session")
def client():
    with connect(workers=2) as dask_client:
        yield dask_client


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Twelve people with a slow treatment (true mean -1.2, sd 0.4), and two still collecting."""
    path = tmp_path_factory.mktemp("cohort")
    people = simulate_people(12, -1.2, 0.4, days=365, seed=5)
    write_cohort(path, people)
    short = people[0].diary.iloc[:20].fillna(5.0)  # 20 days, every one logged
    short.index = short.index.strftime("%Y-%m-%d")
    short.to_csv(path / "newcomer.csv", index_label="date")
    no_treatment = people[1].diary.drop(columns=["ldn"])
    no_treatment.index = no_treatment.index.strftime("%Y-%m-%d")
    no_treatment.to_csv(path / "other.csv", index_label="date")
    return path


@pytest.fixture(scope="module")
def answer(client, folder) -> dict:
    address = client.scheduler.address
    result = CliRunner().invoke(
        main,
        ["cohort", "analyze", str(folder), "--treatment", "ldn", "--outcome", "pain",
         "--slow", "--scheduler", address, "--json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_it_prints_the_contract_json(answer):
    assert answer["people"] == 12
    for key in ("mean", "tau"):
        assert set(answer[key]) >= {"estimate", "interval95"}
        low, high = answer[key]["interval95"]
        assert low <= answer[key]["estimate"] <= high
    assert set(answer["responders"]) >= {"estimate", "interval95"}
    assert answer["engine"]["name"] == "dask" and answer["engine"]["workers"] == 2
    entry = answer["per_person"][0]
    assert set(entry) >= {"id", "estimate", "interval95", "shrunk_estimate", "shrunk_interval95"}


def test_it_finds_the_populations_effect(answer):
    low, high = answer["mean"]["interval95"]
    assert high < 0 and low < -1.2 < high + 0.3
    assert answer["tau"]["interval95"][1] < 1.5


def test_it_lists_people_with_too_little_data_with_the_reason(answer):
    reasons = {c["id"]: c["reason"] for c in answer["collecting"]}
    assert reasons["newcomer"] == "pain logged on 20 days (needs 28)"
    assert reasons["other"] == "no ldn column in the diary"


def test_it_shrinks_each_person_towards_the_cohort(answer):
    raw = np.array([p["estimate"] for p in answer["per_person"]])
    shrunk = np.array([p["shrunk_estimate"] for p in answer["per_person"]])
    mean = answer["mean"]["estimate"]
    assert np.all(np.abs(shrunk - mean) <= np.abs(raw - mean) + 1e-9)
    widths = np.array(
        [p["shrunk_interval95"][1] - p["shrunk_interval95"][0] for p in answer["per_person"]]
    )
    raw_widths = np.array([p["interval95"][1] - p["interval95"][0] for p in answer["per_person"]])
    # The less precise half gain most; a precise person far from the mean may not gain at all
    # (the mixture over tau spreads their centre between their own estimate and the mean).
    imprecise = raw_widths >= np.median(raw_widths)
    assert np.all(widths[imprecise] < raw_widths[imprecise])
    assert widths.mean() < 0.9 * raw_widths.mean()


def test_it_says_the_answer_in_plain_words(client, folder):
    result = CliRunner().invoke(
        main,
        ["cohort", "analyze", str(folder), "--treatment", "ldn", "--outcome", "pain",
         "--scheduler", client.scheduler.address],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "12 people analysed" in result.output
    assert "Still collecting (2 people)" in result.output
    assert "p-value" not in result.output and "significant" not in result.output


def test_it_runs_each_person_on_the_workers_in_bounded_memory(client, folder):
    result, engine = analyze_folder(
        folder, treatment="ldn", outcome="pain", slow=True, client=client
    )
    assert engine.workers == 2 and engine.scheduler.startswith("tcp://127.0.0.1:")
    memory = worker_memory(client)
    assert len(memory) == 2 and max(memory.values()) < 1_000_000_000
    assert result.people == 12


def test_it_explains_when_too_few_people_can_be_pooled(client, tmp_path):
    write_cohort(tmp_path, simulate_people(2, -1.0, 0.3, days=120, seed=1))
    result = CliRunner().invoke(
        main,
        ["cohort", "analyze", str(tmp_path), "--treatment", "ldn", "--outcome", "pain",
         "--scheduler", client.scheduler.address],
    )  # fmt: skip
    assert result.exit_code == 1
    assert "pooling needs 3" in result.output


def test_it_reads_covariates_for_who_responds(answer):
    assert "terms" in answer and (answer["terms"] or answer["terms_note"])
    for term in answer["terms"]:
        assert "p" not in term and "interval95" in term
