"""Daily values from Maya's samples: one source per night, her day boundary, her time zone."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from fibrolog.ingest import Sample, aggregate

LONDON = ZoneInfo("Europe/London")


def at(day, hour, minute=0, zone=LONDON):
    return datetime(2025, 3, day, hour, minute, tzinfo=zone)


def sample(kind, start, end=None, value=0.0, device="Watch", source="apple-health", zone=""):
    end = end or start
    if value == 0.0 and kind.startswith("sleep"):
        value = (end - start).total_seconds() / 60
    key = f"{kind}|{device}|{start.isoformat()}"
    return Sample(source, key, kind, start, end, value, "", device, zone)


def daily(samples, **options):
    return {(d.day, d.metric): d for d in aggregate(samples, "Europe/London", **options)}


def night(device, start, end, stages=True, source="apple-health"):
    """A night from `start` to `end`: stages in thirds, or one asleep interval."""
    if not stages:
        return [sample("sleep_asleep", start, end, device=device, source=source)]
    third = (end - start) / 3
    kinds = ("sleep_core", "sleep_deep", "sleep_rem")
    return [
        sample(kind, start + i * third, start + (i + 1) * third, device=device, source=source)
        for i, kind in enumerate(kinds)
    ]


def test_it_takes_one_source_per_night_and_never_sums_them():
    samples = [
        *night("Watch", at(3, 23), at(4, 7)),  # 8 h with stages
        *night("Sleep app", at(3, 22), at(4, 8), stages=False),  # 10 h without
        sample("sleep_in_bed", at(3, 22, 30), at(4, 7, 30), device="iPhone"),
    ]
    days = daily(samples)
    assert days[(date(2025, 3, 4), "sleep_hours")].value == 8.0
    assert days[(date(2025, 3, 4), "sleep_hours")].origin == "Watch"
    assert days[(date(2025, 3, 4), "sleep_deep_hours")].value == round(8 / 3, 4)


def test_it_lets_the_person_rank_the_sources_of_sleep():
    samples = [*night("Watch", at(3, 23), at(4, 7)), *night("Oura", at(3, 22), at(4, 8), False)]
    days = daily(samples, sleep_priority=["oura"])
    assert days[(date(2025, 3, 4), "sleep_hours")].origin == "Oura"
    assert days[(date(2025, 3, 4), "sleep_hours")].value == 10.0


def test_it_counts_overlapping_intervals_of_one_source_once():
    samples = [
        sample("sleep_asleep", at(3, 23), at(4, 3)),
        sample("sleep_asleep", at(4, 2), at(4, 6)),
    ]
    assert daily(samples)[(date(2025, 3, 4), "sleep_hours")].value == 7.0


def test_it_gives_the_night_to_the_wake_up_morning_even_after_a_late_bedtime():
    late = night("Watch", at(4, 2), at(4, 10))  # to bed at 2 am, still "the 3rd" by day start
    evening_nap = [sample("sleep_asleep", at(4, 18, 30), at(4, 19, 30))]
    days = daily(late + evening_nap)
    assert days[(date(2025, 3, 4), "sleep_hours")].value == 8.0
    assert days[(date(2025, 3, 4), "nap_hours")].value == 1.0  # the day it ends, counted apart
    assert (date(2025, 3, 5), "sleep_hours") not in days


def test_it_keeps_a_nap_whole_on_the_day_it_ends_and_apart_from_the_night():
    # Maya naps from 14:49 to 18:54: the nap is one session, on the 4th, not cut at 18:00.
    samples = [
        *night("Watch", at(3, 23), at(4, 7)),
        sample("sleep_in_bed", at(4, 14, 49), at(4, 18, 54)),
        sample("sleep_core", at(4, 14, 55), at(4, 17, 30)),
        sample("sleep_core", at(4, 17, 30), at(4, 18, 50)),
        *night("Watch", at(4, 23), at(5, 6)),
    ]
    days = daily(samples)
    assert days[(date(2025, 3, 4), "sleep_hours")].value == 8.0
    assert days[(date(2025, 3, 4), "nap_hours")].value == round((3 * 60 + 55) / 60, 4)
    assert days[(date(2025, 3, 5), "sleep_hours")].value == 7.0
    assert (date(2025, 3, 5), "nap_hours") not in days
    for day in (date(2025, 3, 4), date(2025, 3, 5)):
        assert days[(day, "time_in_bed_hours")].value >= days[(day, "sleep_hours")].value
    assert days[(date(2025, 3, 4), "time_in_bed_hours")].value == 8.0  # the night's, not the nap's


def test_it_never_gives_less_time_in_bed_than_time_asleep():
    samples = [
        sample("sleep_in_bed", at(4, 0), at(4, 6)),  # the bed interval ends before she wakes
        sample("sleep_asleep", at(3, 23, 30), at(4, 7)),
    ]
    days = daily(samples)
    assert days[(date(2025, 3, 4), "time_in_bed_hours")].value == 7.5
    assert days[(date(2025, 3, 4), "sleep_hours")].value == 7.5


def test_it_gives_time_in_bed_but_no_hours_asleep_for_an_in_bed_only_night():
    days = daily([sample("sleep_in_bed", at(3, 23), at(4, 7), device="iPhone")])
    assert days[(date(2025, 3, 4), "time_in_bed_hours")].value == 8.0
    assert (date(2025, 3, 4), "sleep_hours") not in days


def test_it_puts_steps_after_midnight_but_before_the_day_start_on_the_evening_before():
    samples = [
        sample("steps", at(4, 3, 30), at(4, 3, 31), value=100),
        sample("steps", at(4, 4, 30), at(4, 4, 31), value=50),
    ]
    days = daily(samples)
    assert days[(date(2025, 3, 3), "steps")].value == 100
    assert days[(date(2025, 3, 4), "steps")].value == 50
    moved = daily(samples, day_start_hour=0)
    assert moved[(date(2025, 3, 4), "steps")].value == 150


def test_it_takes_the_steps_of_one_device_because_phone_and_watch_count_the_same_steps():
    samples = [
        sample("steps", at(4, 10), at(4, 11), value=3000, device="Watch"),
        sample("steps", at(4, 10), at(4, 11), value=2800, device="iPhone"),
        sample("steps", at(4, 12), at(4, 13), value=500, device="Watch"),
    ]
    steps = daily(samples)[(date(2025, 3, 4), "steps")]
    assert (steps.value, steps.origin) == (3500, "Watch")


def test_it_uses_the_zone_recorded_with_a_sample_when_there_is_one():
    # 09:00 in Tokyo on the 4th is midnight in London: still the 3rd by her home day start,
    # but recorded in Tokyo it belongs to the Tokyo morning of the 4th.
    moment = at(4, 9, zone=ZoneInfo("Asia/Tokyo"))
    assert (date(2025, 3, 4), "hrv_sdnn") in daily(
        [sample("hrv_sdnn", moment, value=40, zone="Asia/Tokyo")]
    )
    assert (date(2025, 3, 3), "hrv_sdnn") in daily([sample("hrv_sdnn", moment, value=40)])


def test_it_averages_resting_heart_rate_and_hrv_from_the_device_with_most_readings():
    samples = [
        sample("hrv_sdnn", at(4, 9), value=40),
        sample("hrv_sdnn", at(4, 15), value=60),
        sample("hrv_sdnn", at(4, 10), value=90, device="Other"),
    ]
    assert daily(samples)[(date(2025, 3, 4), "hrv_sdnn")].value == 50


def test_it_merges_mindful_sessions_written_by_two_apps():
    samples = [
        sample("mindful", at(4, 9), at(4, 9, 20), value=20, device="Watch"),
        sample("mindful", at(4, 9, 10), at(4, 9, 30), value=20, device="Calm"),
        sample("workout", at(4, 17), at(4, 17, 45), value=45),
    ]
    days = daily(samples)
    assert days[(date(2025, 3, 4), "mindful_minutes")].value == 30
    assert days[(date(2025, 3, 4), "workout_minutes")].value == 45


def test_it_keys_each_day_value_by_day_and_metric():
    entries = aggregate(night("Watch", at(3, 23), at(4, 7)), "Europe/London")
    assert {e.natural_key for e in entries} == {f"2025-03-04|{e.metric}" for e in entries}
    assert entries == sorted(entries, key=lambda e: (e.day, e.metric))


def test_it_aggregates_while_a_loader_stores_the_samples_in_the_same_pass():
    from fibrolog.ingest import DailyAggregator

    samples = night("Watch", at(3, 23), at(4, 7))
    aggregator = DailyAggregator("Europe/London")
    stored = list(aggregator.feed(iter(samples)))
    assert stored == samples
    assert aggregator.result() == aggregate(samples, "Europe/London")
