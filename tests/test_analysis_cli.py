"""`fibrolog analyze`: a person (or a researcher) analyses a diary CSV, or their own diary."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest
from click.testing import CliRunner

from fibrolog.analysis import demo_frame, simulate_diary
from fibrolog.analysis.insight import KEYS
from fibrolog.cli import main


@pytest.fixture(scope="module")
def diary_csv(tmp_path_factory) -> str:
    """A year of the demo diary as a CSV: a date column and one column per series."""
    frame = demo_frame(simulate_diary(years=1, seed=2, end=date(2025, 6, 30)))
    path = tmp_path_factory.mktemp("analyze") / "diary.csv"
    frame.rename_axis("date").to_csv(path)
    return str(path)


def run(*args):
    return CliRunner().invoke(main, ["analyze", *args], catch_exceptions=False)


def test_it_prints_shown_and_collecting_as_json(diary_csv):
    result = run(diary_csv, "--outcome", "pain", "--treatment", "ldn", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"shown", "collecting"}
    assert data["shown"], "a year of the demo diary has links to show"
    for item in data["shown"] + data["collecting"]:
        assert list(item) == list(KEYS)
    kinds = {item["kind"] for item in data["shown"]}
    assert kinds == {"association", "treatment"}
    ldn = next(item for item in data["shown"] if item["factor"] == "ldn")
    assert ldn["lag_days"] is None and len(ldn["interval80"]) == 2
    assert all(item["outcome"] == "pain" for item in data["shown"])


def test_it_prints_plain_words_without_p_values(diary_csv):
    result = run(diary_csv, "--treatment", "ldn")
    assert result.exit_code == 0
    text = result.stdout.lower()
    assert "what seems linked" in text and "not tested effects" in text
    assert "ldn on pain" in text
    for word in ("p-value", "p =", "significant", "correlation"):
        assert word not in text


def test_it_runs_as_a_real_command_without_a_database(diary_csv):
    args = ["analyze", diary_csv, "--outcome", "fatigue", "--json"]
    code = (
        "import sys; from fibrolog.cli import main\n"
        f"main({args!r}, standalone_mode=False)\n"
        "sys.exit(3 if any(m.split('.')[0] == 'django' for m in sys.modules) else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr or "FILE mode loaded Django"
    assert json.loads(result.stdout)["shown"]


def test_it_runs_through_python_dash_m(diary_csv):
    result = subprocess.run(
        [sys.executable, "-m", "fibrolog", "analyze", diary_csv, "--outcome", "pain", "--json"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert {item["outcome"] for item in json.loads(result.stdout)["shown"]} == {"pain"}


def test_it_explains_a_file_it_cannot_use(tmp_path):
    path = tmp_path / "no-date.csv"
    path.write_text("day,pain\n1,5\n")
    result = CliRunner().invoke(main, ["analyze", str(path)])
    assert result.exit_code != 0 and "date" in result.output
    path.write_text("date,steps\n2025-01-01,5000\n")
    result = CliRunner().invoke(main, ["analyze", str(path)])
    assert result.exit_code == 2 and "--outcome" in result.output


def test_it_has_help_with_an_example():
    result = run("--help")
    assert result.exit_code == 0 and "Example: fibrolog analyze" in result.output


@pytest.mark.django_db
def test_it_analyses_a_persons_diary_from_the_database():
    pytest.importorskip("fibrolog.diary.services.frame")
    from fibrolog.diary.services.demo import create_demo_account

    create_demo_account("demo", years=1, seed=3)
    result = run("--user", "demo", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["shown"] and all(list(item) == list(KEYS) for item in data["shown"])
