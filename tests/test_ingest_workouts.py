"""Maya's walks: minutes of a workout leave out its pauses (Apple Health events, Garmin timer)."""

from datetime import UTC, date, datetime

from fibrolog.ingest import aggregate, parse_apple_health
from fibrolog.ingest.fixtures import fit

WORKOUT = """<?xml version="1.0" encoding="UTF-8"?>
<HealthData locale="en_GB">
 <ExportDate value="2025-03-05 10:00:00 +0000"/>
 <Workout workoutActivityType="HKWorkoutActivityTypeWalking" duration="40" durationUnit="min"
   sourceName="Maya's Apple Watch" startDate="2025-03-04 10:00:00 +0000"
   endDate="2025-03-04 11:00:00 +0000">
  <WorkoutEvent type="HKWorkoutEventTypeSegment" date="2025-03-04 10:00:00 +0000"
    duration="10" durationUnit="min"/>
  <WorkoutEvent type="HKWorkoutEventTypePause" date="2025-03-04 10:15:00 +0000"/>
  <WorkoutEvent type="HKWorkoutEventTypeResume" date="2025-03-04 10:25:00 +0000"/>
  <WorkoutEvent type="HKWorkoutEventTypeMotionPaused" date="2025-03-04 10:40:00 +0000"/>
  <WorkoutEvent type="HKWorkoutEventTypeMotionResumed" date="2025-03-04 10:50:00 +0000"/>
 </Workout>
 <Workout workoutActivityType="HKWorkoutActivityTypeYoga" duration="20" durationUnit="min"
   sourceName="Maya's Apple Watch" startDate="2025-03-04 18:00:00 +0000"
   endDate="2025-03-04 18:20:00 +0000">
 </Workout>
</HealthData>
"""


def minutes(samples):
    days = {(d.day, d.metric): d.value for d in aggregate(samples, "UTC")}
    return days[(date(2025, 3, 4), "workout_minutes")]


def test_it_leaves_the_pauses_of_an_apple_workout_out_of_its_minutes(tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(WORKOUT, encoding="utf-8")
    samples = list(parse_apple_health(path))
    assert minutes(samples) == 40 + 20  # an hour's walk with two 10-minute pauses, and yoga
    assert {s.detail for s in samples} == {"walking", "yoga"}


def test_it_gives_a_workout_the_same_keys_on_every_import(tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(WORKOUT, encoding="utf-8")
    keys = [s.natural_key for s in parse_apple_health(path)]
    assert keys == [s.natural_key for s in parse_apple_health(path)]
    assert len(set(keys)) == len(keys)


def test_it_counts_a_garmin_session_by_its_timer_not_the_time_that_elapsed(tmp_path):
    from fibrolog.ingest import parse_garmin

    start = fit.fit_time(datetime(2025, 3, 4, 10, tzinfo=UTC))
    session = [(253, 4, start + 3600), (2, 4, start), (7, 4, 3_600_000), (8, 4, 2_400_000)]
    path = fit.write_fit(tmp_path / "walk.fit", [(fit.SESSION, [*session, (5, 1, 11)])])
    samples = list(parse_garmin(path))
    assert [(s.kind, s.detail, s.value) for s in samples] == [("workout", "walking", 40.0)]
    assert minutes(samples) == 40  # an hour out, 20 minutes of it paused


def test_it_imports_the_steps_of_a_garmin_monitoring_file_without_heart_rate(tmp_path):
    from fibrolog.ingest import parse_garmin

    t = fit.fit_time(datetime(2025, 3, 4, 9, tzinfo=UTC))
    readings = [(t, 6, 1200), (t + 900, 6, 2000), (t + 1800, 1, 500), (t + 2700, 6, 2600)]
    path = fit.write_fit(
        tmp_path / "monitoring.fit",
        [
            (fit.MONITORING, [(253, 4, at), (5, 1, kind), (3, 4, count)])
            for at, kind, count in readings
        ],
    )
    samples = list(parse_garmin(path))
    days = {(d.day, d.metric): d.value for d in aggregate(samples, "UTC")}
    assert days[(date(2025, 3, 4), "steps")] == 2600 + 500  # walking and running counters, summed
