"""Maya's walks: minutes of a workout leave out its pauses (Apple Health events, Garmin timer)."""

from datetime import date

from fibrolog.ingest import aggregate, parse_apple_health

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
