"""Maya brings her Apple Health export: samples stream out of the zip, keyed for re-import."""

import io
import zipfile
from collections import Counter

import pytest

from fibrolog.ingest import IngestError, ParseStats, parse_apple_health
from tests.ingest_helpers import apple_xml, apple_zip


def test_it_reads_the_kinds_fibrolog_uses_and_counts_the_others(tmp_path):
    stats = ParseStats()
    kinds = Counter(s.kind for s in parse_apple_health(apple_xml(tmp_path, days=2), stats=stats))
    for kind in ("heart_rate", "steps", "hrv_sdnn", "resting_hr", "sleep_in_bed", "sleep_deep",
                 "spo2", "active_energy", "exercise"):  # fmt: skip
        assert kinds[kind] > 0, kind
    assert stats.ignored_types["HKQuantityTypeIdentifierBasalEnergyBurned"] > 0
    assert stats.yielded == sum(kinds.values())


def test_it_keeps_top_level_records_only_not_those_nested_in_a_correlation(tmp_path):
    stats = ParseStats()
    list(parse_apple_health(apple_xml(tmp_path, days=1), stats=stats))
    # one blood-pressure pair per day at top level; the nested copies are not counted
    assert stats.ignored_types["HKQuantityTypeIdentifierBloodPressureSystolic"] == 1


def test_it_converts_the_oxygen_fraction_to_percent_and_names_workouts_like_treatments(tmp_path):
    samples = list(parse_apple_health(apple_xml(tmp_path, days=4)))
    assert {s.value for s in samples if s.kind == "spo2"} == {97.0}
    workouts = [s for s in samples if s.kind == "workout"]
    assert workouts and {w.detail for w in workouts} <= {"walking", "tai_chi", "swimming", "yoga"}
    assert all(w.value == 33.5 for w in workouts)


def test_it_places_samples_in_the_zone_recorded_with_them(tmp_path):
    samples = list(parse_apple_health(apple_xml(tmp_path, days=1)))
    sleep = [s for s in samples if s.kind == "sleep_deep"]
    assert sleep and all(s.zone == "Europe/Berlin" for s in sleep)
    assert all(str(s.start.tzinfo) == "Europe/Berlin" for s in sleep)
    heart = next(s for s in samples if s.kind == "heart_rate")
    assert heart.zone == "" and heart.start.utcoffset().total_seconds() == 3600


def test_it_streams_the_xml_out_of_a_zip_whatever_the_localised_names(tmp_path):
    path = apple_zip(tmp_path, folder="apple_health_export", xml_name="Exportieren.xml", days=1)
    from_zip = [s.natural_key for s in parse_apple_health(path)]
    from_xml = [s.natural_key for s in parse_apple_health(apple_xml(tmp_path, days=1))]
    assert from_zip == from_xml and from_zip


def test_it_repairs_the_ios16_broken_dtd_and_stray_control_bytes(tmp_path):
    broken = apple_xml(tmp_path, "broken.xml", days=1, broken_dtd=True)
    assert b"\x0b" in broken.read_bytes()
    good = apple_xml(tmp_path, "good.xml", days=1)
    assert [s.value for s in parse_apple_health(broken)] == [
        s.value for s in parse_apple_health(good)
    ]


def test_it_gives_the_same_keys_in_the_same_order_when_the_same_export_comes_again(tmp_path):
    path = apple_zip(tmp_path, days=2)
    first = [s.natural_key for s in parse_apple_health(path)]
    again = [s.natural_key for s in parse_apple_health(path)]
    assert first == again
    assert len(set(first)) == len(first)


def test_it_keeps_the_keys_when_the_phone_exported_from_another_time_zone(tmp_path):
    home = apple_xml(tmp_path, "home.xml", days=1, zone="Europe/Berlin")
    abroad = apple_xml(tmp_path, "abroad.xml", days=1, export_zone="America/New_York")
    assert home.read_text() != abroad.read_text()
    assert [s.natural_key for s in parse_apple_health(home)] == [
        s.natural_key for s in parse_apple_health(abroad)
    ]


def test_it_reports_progress_in_bytes_for_a_progress_bar(tmp_path):
    path = apple_xml(tmp_path, days=3)
    seen = []
    list(parse_apple_health(path, progress=lambda done, total: seen.append((done, total))))
    size = path.stat().st_size
    assert seen[-1] == (size, size)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_it_reads_an_uploaded_file_object(tmp_path):
    data = apple_zip(tmp_path, days=1).read_bytes()
    upload = io.BytesIO(data)
    assert zipfile.is_zipfile(upload)
    assert len(list(parse_apple_health(upload))) > 100


def test_it_skips_implausible_readings(tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(
        '<HealthData locale="en">\n'
        ' <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="W" unit="count/min" '
        'startDate="2024-01-01 10:00:00 +0000" endDate="2024-01-01 10:00:00 +0000" value="900"/>\n'
        ' <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="W" unit="count/min" '
        'startDate="2024-01-01 10:00:00 +0000" endDate="2024-01-01 10:00:00 +0000" value="oops"/>\n'
        "</HealthData>\n"
    )
    stats = ParseStats()
    with pytest.raises(IngestError, match="nothing to import"):  # nothing left: said, not silent
        list(parse_apple_health(path, stats=stats))
    assert stats.skipped == 2
