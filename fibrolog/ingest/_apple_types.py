"""Which Apple Health record types fibrolog keeps, and how their values become sample values."""

from __future__ import annotations

import re
from collections.abc import Callable

from fibrolog.ingest import metrics as k

_Q = "HKQuantityTypeIdentifier"
_C = "HKCategoryTypeIdentifier"

# Record type -> sample kind. Every other type is counted and skipped.
RECORD_KINDS: dict[str, str] = {
    _Q + "HeartRate": k.HEART_RATE,
    _Q + "WalkingHeartRateAverage": k.WALKING_HR,
    _Q + "RestingHeartRate": k.RESTING_HR,
    _Q + "HeartRateVariabilitySDNN": k.HRV_SDNN,
    _Q + "StepCount": k.STEPS,
    _Q + "ActiveEnergyBurned": k.ACTIVE_ENERGY,
    _Q + "AppleExerciseTime": k.EXERCISE,
    _Q + "RespiratoryRate": k.RESPIRATORY_RATE,
    _Q + "OxygenSaturation": k.SPO2,
    _Q + "AppleSleepingWristTemperature": k.WRIST_TEMP,
    _C + "SleepAnalysis": k.SLEEP_ASLEEP,  # refined by SLEEP_VALUES
    _C + "MindfulSession": k.MINDFUL,
}

INTERVAL_KINDS = frozenset({k.SLEEP_ASLEEP, k.MINDFUL})  # value = minutes of the interval

_S = "HKCategoryValueSleepAnalysis"
SLEEP_VALUES: dict[str, str] = {
    _S + "InBed": k.SLEEP_IN_BED,
    _S + "Asleep": k.SLEEP_ASLEEP,  # the pre-iOS 16 name of AsleepUnspecified
    _S + "AsleepUnspecified": k.SLEEP_ASLEEP,
    _S + "Awake": k.SLEEP_AWAKE,
    _S + "AsleepCore": k.SLEEP_CORE,
    _S + "AsleepDeep": k.SLEEP_DEEP,
    _S + "AsleepREM": k.SLEEP_REM,
}

# Canonical unit per kind, and converters from the other units Apple writes.
UNITS: dict[str, str] = {
    k.HEART_RATE: "bpm",
    k.WALKING_HR: "bpm",
    k.RESTING_HR: "bpm",
    k.HRV_SDNN: "ms",
    k.STEPS: "count",
    k.ACTIVE_ENERGY: "kcal",
    k.EXERCISE: "min",
    k.RESPIRATORY_RATE: "breaths/min",
    k.SPO2: "%",
    k.WRIST_TEMP: "degC",
    k.MINDFUL: "min",
    k.WORKOUT: "min",
    **{kind: "min" for kind in k.SLEEP_KINDS},
}

CONVERT: dict[tuple[str, str], Callable[[float], float]] = {
    (k.ACTIVE_ENERGY, "kJ"): lambda v: v / 4.184,
    (k.SPO2, "%"): lambda v: v * 100 if v <= 1.0 else v,  # Apple stores a fraction
    (k.WRIST_TEMP, "degF"): lambda v: (v - 32) * 5 / 9,
    (k.EXERCISE, "hr"): lambda v: v * 60,
    (k.EXERCISE, "s"): lambda v: v / 60,
}

# Workout events that stop (True) or restart (False) the clock of a workout.
PAUSES: dict[str, bool] = {
    "HKWorkoutEventTypePause": True,
    "HKWorkoutEventTypeMotionPaused": True,
    "HKWorkoutEventTypeResume": False,
    "HKWorkoutEventTypeMotionResumed": False,
}

DURATION_MINUTES = {"min": 1.0, "hr": 60.0, "h": 60.0, "s": 1 / 60}

_CAMEL = re.compile(r"(?<!^)(?=[A-Z][a-z])")


def activity_name(workout_type: str) -> str:
    """Return HKWorkoutActivityTypeTaiChi as "tai_chi" (the catalogue's treatment key style)."""
    bare = workout_type.removeprefix("HKWorkoutActivityType")
    return _CAMEL.sub("_", bare).lower() or "other"
