"""`fibrolog cohort export` writes a de-identified research copy of those who consented."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from fibrolog.analysis.cohort.simulate import simulate_people, write_cohort
from fibrolog.cli import main
from fibrolog.cohort.anonymity import K, band, min_class_size


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Path, Path, str]:
    """Fourteen diaries; one person said no; one diary has a notes column; ages are exact."""
    source = tmp_path_factory.mktemp("cohort")
    write_cohort(source, simulate_people(14, -1.0, 0.4, days=60, seed=3))
    people = pd.read_csv(source / "people.csv")
    people.loc[0, "consent"] = "no"
    people["age"] = [23, 35, 44, 47, 51, 52, 58, 61, 33, 38, 41, 45, 49, 70]
    people["name"] = [f"Person {i}" for i in range(14)]
    people.to_csv(source / "people.csv", index=False)
    diary = pd.read_csv(source / "p00001.csv")
    diary["notes"] = "saw Dr Jones about the pain"
    diary.to_csv(source / "p00001.csv", index=False)
    out = tmp_path_factory.mktemp("research") / "out"
    result = CliRunner().invoke(main, ["cohort", "export", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return source, out, result.output


def test_it_exports_only_the_people_who_consented(exported):
    _, out, words = exported
    people = pd.read_parquet(out / "people.parquet")
    assert len(people) == 13
    assert "Exported 13 people" in words and "1 left out" in words


def test_it_replaces_ids_and_names_and_drops_free_text(exported):
    source, out, words = exported
    diary = pd.read_parquet(out / "diary.parquet")
    people = pd.read_parquet(out / "people.parquet")
    assert "notes" not in diary.columns and "Text columns dropped: notes" in words
    assert "name" not in people.columns and "id" not in people.columns
    assert not set(diary["research_id"]) & {p.stem for p in source.glob("p*.csv")}
    assert "Dr Jones" not in (out / "diary.parquet").read_bytes().decode("latin-1")


def test_it_shifts_each_persons_dates_but_keeps_their_spacing(exported):
    source, out, _ = exported
    diary = pd.read_parquet(out / "diary.parquet")
    original = pd.read_csv(source / "p00002.csv")["date"]
    shifted = [group for _, group in diary.groupby("research_id")]
    starts = {str(g["date"].iloc[0]) for g in shifted}
    assert len(starts) > 1  # not one common offset
    for group in shifted:
        days = pd.to_datetime(group["date"])
        assert (days.diff().dropna() == pd.Timedelta(days=1)).all()
        assert len(group) == len(original)


def test_its_covariates_are_banded_and_k_anonymous(exported):
    _, out, words = exported
    people = pd.read_parquet(out / "people.parquet")
    quasi = [c for c in people.columns if c != "research_id"]
    assert set(people["age"].dropna()) <= {f"{d}-{d + 9}" for d in range(0, 100, 10)}
    assert min_class_size(people, quasi) >= K
    assert "cells suppressed" in words


def test_it_writes_a_data_dictionary_for_every_column(exported):
    _, out, _ = exported
    dictionary = json.loads((out / "data_dictionary.json").read_text())
    for table in ("diary", "people"):
        columns = pd.read_parquet(out / f"{table}.parquet").columns
        assert set(columns) == set(dictionary["tables"][table])


def test_it_refuses_when_no_one_consented(tmp_path):
    write_cohort(tmp_path, simulate_people(3, -1.0, 0.4, days=40, seed=4))
    (tmp_path / "people.csv").write_text("id,consent\np00000,no\n")
    result = CliRunner().invoke(main, ["cohort", "export", str(tmp_path), "--out", "x"])
    assert result.exit_code == 1 and "consent=yes" in result.output


def test_it_bands_numbers_and_keeps_bands():
    assert band("age", "47") == "40-49"
    assert band("baseline_fiqr", "63.5") == "60-79"
    assert band("age_band", "40-49") == "40-49"
