"""Real and third-party sample files (../shared/data) import as expected; skipped when absent."""

from collections import Counter

from fibrolog.ingest import (
    aggregate,
    daily_weather,
    parse_apple_health,
    parse_bearable,
    parse_daylio,
    parse_flaredown,
    preview_bearable,
    preview_daylio,
    preview_flaredown,
)
from tests.ingest_helpers import shared


def test_it_reads_a_real_2017_export_with_old_sleep_values_and_workouts():
    samples = list(parse_apple_health(shared("apple_health/hkimport/Data_export.xml")))
    kinds = Counter(s.kind for s in samples)
    assert kinds["steps"] == 3980 and kinds["heart_rate"] == 2177
    # 61 workouts; one is paused and resumed, so it gives two active parts
    assert kinds["sleep_asleep"] == 107 and kinds["workout"] == 62 and kinds["mindful"] == 4
    days = aggregate(samples, "Asia/Jerusalem")
    assert any(d.metric == "sleep_hours" for d in days)


def test_it_reads_the_synthetic_export_and_its_broken_ios16_twin_alike():
    good = shared("synthetic/apple_health_synthetic_3d.xml")
    broken = shared("synthetic/apple_health_broken_dtd_ios16_like.xml")
    zipped = shared("synthetic/apple_health_synthetic_3d_export.zip")
    keys = [s.natural_key for s in parse_apple_health(good)]
    assert keys == [s.natural_key for s in parse_apple_health(broken)]
    assert keys == [s.natural_key for s in parse_apple_health(zipped)]
    days = {(d.day.isoformat(), d.metric): d for d in aggregate(parse_apple_health(good), "UTC")}
    assert days[("2023-01-01", "sleep_hours")].origin == "Jane\u2019s Apple\u00a0Watch"


def test_it_reads_the_zips_of_other_tools_tests():
    parser_zip = shared("apple_health/apple-health-parser_tests/export.zip")
    assert len(list(parse_apple_health(parser_zip))) == 7
    hk = shared("apple_health/healthkit-to-sqlite_tests/export.xml")
    assert len(list(parse_apple_health(hk))) >= 1


def test_it_reads_the_diary_app_samples():
    for name in ("bearable_export_v1_synthetic.csv", "bearable_export_v2_synthetic.csv"):
        path = shared(f"synthetic/{name}")
        assert list(parse_bearable(path, choices=preview_bearable(path).proposed))
    daylio = shared("synthetic/daylio_export_synthetic.csv")
    assert list(parse_daylio(daylio, choices=preview_daylio(daylio).proposed))
    wide = shared("synthetic/flaredown_user_export_wide_synthetic.csv")
    assert list(parse_flaredown(wide, choices=preview_flaredown(wide).proposed))
    long = shared("synthetic/flaredown_research_export_synthetic.csv")
    assert preview_flaredown(long).people == ("SYNTH0001==", "SYNTH0002==")


def test_it_reads_the_recorded_open_meteo_reply():
    payload = shared("synthetic/open_meteo_archive_synthetic.json").read_bytes()
    days = {d.metric: d.value for d in daily_weather(payload)}
    assert days == {"pressure_hpa": 1004.37, "temp_mean_c": 6.81, "humidity_pct": 82.5}
