"""Fitbit's Google Takeout CSVs of 2024-25 and Samsung Health's HRV (issue 15, item 8)."""

from __future__ import annotations

import zipfile

import pytest

from fibrolog.imports.loader import run_import
from fibrolog.ingest import DayEntry, IngestError, Sample, aggregate, parse_fitbit, parse_samsung
from fibrolog.ingest.fixtures.takeout import fitbit_takeout_zip, samsung_hrv_zip


def daily(records) -> dict[tuple[str, str], float]:
    samples = [r for r in records if isinstance(r, Sample)]
    got = {(e.day.isoformat(), e.metric): e.value for e in aggregate(samples, "Europe/Berlin")}
    got |= {(r.day.isoformat(), r.metric): r.value for r in records if isinstance(r, DayEntry)}
    return got


def test_it_reads_the_takeout_sleep_tables_steps_heart_rate_and_resting_rate(tmp_path):
    records = list(parse_fitbit(fitbit_takeout_zip(tmp_path / "takeout.zip"), tz="Europe/Berlin"))
    days = daily(records)
    assert days[("2025-03-10", "sleep_hours")] == pytest.approx(425 / 60, abs=1e-3)
    assert days[("2025-03-10", "sleep_deep_hours")] == pytest.approx(1.25)
    assert days[("2025-03-10", "time_in_bed_hours")] == pytest.approx(7.5)
    assert days[("2025-03-10", "nap_hours")] == pytest.approx(1.0)  # the stageless afternoon sleep
    assert days[("2025-03-10", "steps")] == 150  # the watch's count, not watch + phone (270)
    assert days[("2025-03-10", "resting_hr")] == 61.5
    beats = [r.value for r in records if isinstance(r, Sample) and r.kind == "heart_rate"]
    assert beats == [64.0, 66.0]  # 300 bpm is skipped; the HRV file is not heart rate


def test_a_takeout_import_added_again_adds_nothing(maya, tmp_path):
    path = str(fitbit_takeout_zip(tmp_path / "takeout.zip"))
    first = run_import(maya, "fitbit", path)
    assert first.records_new == first.records_read > 10
    again = run_import(maya, "fitbit", path)
    assert again.records_new == 0 and again.records_duplicate == again.records_read


def test_a_takeout_without_the_files_fitbit_reads_is_an_error_naming_them(tmp_path):
    path = tmp_path / "takeout.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Takeout/Fitbit/Physical Activity_GoogleData/README.txt", "readme")
    with pytest.raises(IngestError, match="UserSleeps"):
        list(parse_fitbit(path, tz="UTC"))


def test_a_takeout_sleep_stage_table_with_other_columns_is_refused(tmp_path):
    path = tmp_path / "takeout.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("UserSleepStages_2025-03-01.csv", "sleep_id,stage,start\n1,REM,x\n")
    with pytest.raises(IngestError, match="sleep_stage_type"):
        list(parse_fitbit(path, tz="UTC"))


def test_it_reads_samsung_hrv_from_its_binning_files_and_passes_over_heart_rate_ones(tmp_path):
    records = list(parse_samsung(samsung_hrv_zip(tmp_path / "samsung.zip")))
    assert {r.kind for r in records} == {"hrv_rmssd", "hrv_sdnn"}
    days = daily(records)  # windows from midnight in Berlin: the day before, by the 04:00 rule
    assert days == {("2025-03-09", "hrv_rmssd"): 40.0, ("2025-03-09", "hrv_sdnn"): 56.0}
