"""Maya's other trackers: Fitbit, Oura, Samsung Health, Google Fit and Garmin exports."""

from collections import Counter
from datetime import date

import pytest

from fibrolog.ingest import (
    DayEntry,
    IngestError,
    Sample,
    aggregate,
    parse_fitbit,
    parse_garmin,
    parse_google_fit,
    parse_oura,
    parse_samsung,
)
from fibrolog.ingest.fixtures import diaries, layouts
from tests.ingest_helpers import shared


def entries(records):
    return {(r.day.isoformat(), r.metric): r.value for r in records if isinstance(r, DayEntry)}


def test_it_reads_a_fitbit_archive_into_stage_intervals_and_daily_values(tmp_path):
    path = diaries.fitbit_zip(tmp_path / "fitbit.zip")
    records = list(parse_fitbit(path, tz="Europe/London"))
    kinds = Counter(r.kind for r in records if isinstance(r, Sample))
    assert kinds == {"sleep_in_bed": 1, "sleep_awake": 1, "sleep_core": 2, "sleep_deep": 1,
                     "sleep_rem": 1, "heart_rate": 1, "steps": 1}  # fmt: skip
    assert entries(records) == {
        ("2025-03-04", "resting_hr"): 61.5,
        ("2025-03-04", "hrv_rmssd"): 38.2,
    }
    days = entries(aggregate((r for r in records if isinstance(r, Sample)), "Europe/London"))
    assert days[("2025-03-04", "sleep_hours")] == round((7200 + 5400 + 5400 + 8400) / 3600, 4)
    assert days[("2025-03-04", "steps")] == 120


def test_it_reads_a_fitbit_export_folder_the_same_as_its_zip(tmp_path):
    import zipfile

    path = diaries.fitbit_zip(tmp_path / "fitbit.zip")
    zipfile.ZipFile(path).extractall(tmp_path / "folder")
    keys = [r.natural_key for r in parse_fitbit(path, tz="UTC")]
    assert sorted(keys) == sorted(
        r.natural_key for r in parse_fitbit(tmp_path / "folder", tz="UTC")
    )


def test_it_reads_the_oura_zip_taking_the_main_sleep_of_each_day(tmp_path):
    got = entries(parse_oura(diaries.oura_zip(tmp_path / "oura.zip")))
    assert got[("2025-03-04", "sleep_hours")] == 7.0
    assert got[("2025-03-04", "sleep_deep_hours")] == 1.5
    assert got[("2025-03-04", "hrv_rmssd")] == 41 and got[("2025-03-04", "steps")] == 6012


def test_it_reads_the_legacy_oura_trends_file_despite_its_duplicated_column(tmp_path):
    path = diaries.write(tmp_path / "oura_trends.csv", diaries.OURA_LEGACY)
    got = entries(parse_oura(path))
    assert got[("2021-05-01", "sleep_hours")] == 7.5 and got[("2021-05-01", "resting_hr")] == 51


def test_it_reads_samsung_stages_and_counts_a_stageless_session_as_asleep(tmp_path):
    records = list(parse_samsung(diaries.samsung_zip(tmp_path / "samsung.zip")))
    samples = [r for r in records if isinstance(r, Sample)]
    assert Counter(s.kind for s in samples) == {"sleep_core": 1, "sleep_deep": 1, "sleep_awake": 1,
        "sleep_rem": 1, "sleep_in_bed": 2, "sleep_asleep": 1, "heart_rate": 1}  # fmt: skip
    assert entries(records) == {("2025-03-04", "steps"): 8100}
    days = entries(aggregate(samples, "Europe/Berlin"))
    assert days[("2025-03-04", "sleep_hours")] == 6.6667  # stages only, the awake 20 min excluded
    assert days[("2025-03-05", "sleep_hours")] == 7.0


def test_it_reads_google_fit_daily_metrics_with_columns_missing_on_some_days(tmp_path):
    folder = tmp_path / "Takeout" / "Fit" / "Daily activity metrics"
    folder.mkdir(parents=True)
    diaries.write(folder / "Daily activity metrics.csv", diaries.GOOGLE_FIT)
    got = entries(parse_google_fit(tmp_path / "Takeout"))
    assert got == {
        ("2025-03-03", "steps"): 7345,
        ("2025-03-03", "active_minutes"): 41,
        ("2025-03-03", "sleep_hours"): 7.5,
        ("2025-03-04", "active_minutes"): 12,
    }


def test_it_reads_heart_rate_and_the_workout_of_a_garmin_walk():
    samples = list(parse_garmin(shared("garmin_fit/garmin-fenix-5-walk.fit")))
    kinds = Counter(s.kind for s in samples)
    assert kinds == {"heart_rate": 17, "workout": 1}
    workout = next(s for s in samples if s.kind == "workout")
    assert (workout.detail, round(workout.value * 60, 3)) == ("walking", 45.379)
    assert samples[0].start.date() == date(2017, 6, 11)


def test_it_says_a_damaged_fit_file_cannot_be_read(tmp_path):
    path = tmp_path / "walk.fit"
    path.write_bytes(b"\x0e\x10\x00\x00" + b"\x00" * 40)
    with pytest.raises(IngestError, match="not a readable FIT file"):
        list(parse_garmin(path))


def test_it_reads_the_2020_oura_trends_layout_that_says_time_for_duration(tmp_path):
    path = diaries.write(tmp_path / "oura_trends.csv", layouts.OURA_2020)
    got = entries(parse_oura(path))
    assert got == {
        ("2020-06-01", "sleep_hours"): 7.0,
        ("2020-06-01", "time_in_bed_hours"): 8.0,
        ("2020-06-01", "sleep_awake_hours"): 1.0,
        ("2020-06-01", "sleep_rem_hours"): 1.5,
        ("2020-06-01", "sleep_core_hours"): 4.0,
        ("2020-06-01", "sleep_deep_hours"): 1.5,
        ("2020-06-01", "resting_hr"): 49,
        ("2020-06-01", "hrv_rmssd"): 52,
        ("2020-06-01", "steps"): 8123,
        ("2020-06-02", "steps"): 4100,
    }


def test_it_takes_fitbit_short_wakes_out_of_the_stages_to_match_minutes_asleep(tmp_path):
    import json

    log = layouts.fitbit_sleep_with_short_wakes()
    path = tmp_path / "sleep-2025-03-10.json"
    path.write_text(json.dumps(log))
    samples = [r for r in parse_fitbit(path, tz="Europe/London") if isinstance(r, Sample)]
    days = entries(aggregate(samples, "Europe/London"))
    minutes = {m: days[("2025-03-10", m)] * 60 for m in ("sleep_hours", "sleep_awake_hours")}
    minutes["time_in_bed_hours"] = days[("2025-03-10", "time_in_bed_hours")] * 60
    assert minutes == pytest.approx(
        {"sleep_hours": 423, "sleep_awake_hours": 37, "time_in_bed_hours": 460}, abs=0.01
    )
    assert (log[0]["minutesAsleep"], log[0]["minutesAwake"], log[0]["timeInBed"]) == (423, 37, 460)
    assert days[("2025-03-10", "sleep_rem_hours")] == round((3600 - 60) / 3600, 4)


def test_it_reads_the_sleep_and_daily_summaries_of_a_garmin_connect_account_export(tmp_path):
    got = entries(parse_garmin(layouts.garmin_connect_zip(tmp_path / "garmin.zip")))
    assert got == {
        ("2025-03-04", "sleep_hours"): 7.0,
        ("2025-03-04", "sleep_deep_hours"): 1.5,
        ("2025-03-04", "sleep_core_hours"): 4.0,
        ("2025-03-04", "sleep_rem_hours"): 1.5,
        ("2025-03-04", "sleep_awake_hours"): 0.5,
        ("2025-03-04", "time_in_bed_hours"): 7.5,
        ("2025-03-04", "steps"): 6543,
        ("2025-03-04", "resting_hr"): 58,
        ("2025-03-04", "active_minutes"): 25,
        ("2025-03-05", "steps"): 4100,
    }


def test_it_reads_samsung_stress_scores_and_exercise_without_its_pauses(tmp_path):
    samples = list(parse_samsung(layouts.samsung_more_zip(tmp_path / "samsung.zip")))
    walk = next(s for s in samples if s.kind == "workout")
    assert (walk.detail, walk.value) == ("walking", 45.0)
    days = entries(aggregate(samples, "Europe/Berlin"))
    assert days == {
        ("2025-03-04", "stress_score"): 50.0,
        ("2025-03-04", "workout_minutes"): 45.0,
    }


def test_it_reads_the_sleep_scores_of_fitbit_takeout_and_the_current_oura_export(tmp_path):
    import zipfile

    path = tmp_path / "takeout.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Takeout/Fitbit/Sleep Score/sleep_score.csv", layouts.FITBIT_SLEEP_SCORE)
    assert entries(parse_fitbit(path, tz="UTC")) == {("2025-03-10", "sleep_score"): 78}
    oura = tmp_path / "oura.zip"
    with zipfile.ZipFile(oura, "w") as archive:
        archive.writestr("App Data/dailysleep.csv", layouts.OURA_DAILYSLEEP)
        archive.writestr("App Data/sleepmodel.csv", diaries.OURA_SLEEPMODEL)
    got = entries(parse_oura(oura))
    assert got[("2025-03-04", "sleep_score")] == 81 and got[("2025-03-04", "sleep_hours")] == 7.0
    assert got[("2025-03-04", "nap_hours")] == 0.5  # the afternoon period, apart from the night
