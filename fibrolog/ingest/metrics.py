"""The sample kinds imports produce, and the daily metrics they add to the catalogue.

`IMPORTED_METRICS` is the one list the app adds to `fibrolog.diary.catalogue.METRICS` (same
`MetricSpec` type): keys, names, units, ranges and which direction is worse.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fibrolog.diary.catalogue import FACTOR, HIGHER, LOWER, METRICS, NEITHER, SYMPTOM, MetricSpec

# Sample kinds (raw readings and intervals).
HEART_RATE = "heart_rate"  # bpm, a reading
WALKING_HR = "walking_hr"  # bpm, daily average written by the watch
RESTING_HR = "resting_hr"  # bpm
HRV_SDNN = "hrv_sdnn"  # ms (Apple Watch)
HRV_RMSSD = "hrv_rmssd"  # ms (Fitbit, Oura, Garmin)
STEPS = "steps"  # count in the interval
ACTIVE_ENERGY = "active_energy"  # kcal in the interval
EXERCISE = "exercise"  # minutes of exercise in the interval (Apple exercise ring, Fitbit active)
RESPIRATORY_RATE = "respiratory_rate"  # breaths/min
SPO2 = "spo2"  # percent (Apple's fraction is converted)
WRIST_TEMP = "wrist_temp"  # degC
SLEEP_IN_BED = "sleep_in_bed"  # the sleep kinds are intervals; value = minutes
SLEEP_ASLEEP = "sleep_asleep"  # asleep, stage unknown
SLEEP_AWAKE = "sleep_awake"
SLEEP_CORE = "sleep_core"  # light sleep (Apple "core", Fitbit/Oura/Samsung "light")
SLEEP_DEEP = "sleep_deep"
SLEEP_REM = "sleep_rem"
STRESS = "stress_score"  # 0-100, a device's stress score (Samsung, Garmin)
MINDFUL = "mindful"  # minutes
WORKOUT = "workout"  # minutes; detail = the activity ("walking", "tai_chi", ...)

SLEEP_KINDS = frozenset(
    {SLEEP_IN_BED, SLEEP_ASLEEP, SLEEP_AWAKE, SLEEP_CORE, SLEEP_DEEP, SLEEP_REM}
)
ASLEEP_KINDS = frozenset({SLEEP_ASLEEP, SLEEP_CORE, SLEEP_DEEP, SLEEP_REM})
STAGE_KINDS = frozenset({SLEEP_CORE, SLEEP_DEEP, SLEEP_REM})

# Plausible values per sample kind: anything outside is a sensor glitch and is skipped.
PLAUSIBLE: dict[str, tuple[float, float]] = {
    HEART_RATE: (20, 250),
    WALKING_HR: (20, 250),
    RESTING_HR: (20, 200),
    HRV_SDNN: (0, 500),
    HRV_RMSSD: (0, 500),
    STEPS: (0, 100_000),
    ACTIVE_ENERGY: (0, 20_000),
    EXERCISE: (0, 1440),
    RESPIRATORY_RATE: (2, 80),
    SPO2: (50, 100),
    WRIST_TEMP: (25, 45),
    STRESS: (0, 100),
    MINDFUL: (0, 1440),
    WORKOUT: (0, 2880),
    **{kind: (0, 1440) for kind in SLEEP_KINDS},
}


def _factor(
    key: str, name: str, low: float, high: float, unit: str, worse: str, step: float = 1
) -> MetricSpec:
    return MetricSpec(key, name, FACTOR, low, high, step=step, unit=unit, worse=worse)


IMPORTED_METRICS: tuple[MetricSpec, ...] = (
    _factor("steps", "Steps", 0, 100_000, "steps", NEITHER),
    _factor("resting_hr", "Resting heart rate", 25, 200, "bpm", HIGHER),
    _factor("hrv_sdnn", "Heart rate variability (SDNN)", 0, 300, "ms", LOWER),
    _factor("hrv_rmssd", "Heart rate variability (RMSSD)", 0, 300, "ms", LOWER),
    _factor("active_minutes", "Active minutes", 0, 1440, "min", NEITHER),
    _factor("workout_minutes", "Workout minutes", 0, 1440, "min", NEITHER),
    _factor("mindful_minutes", "Mindful minutes", 0, 1440, "min", NEITHER),
    _factor("time_in_bed_hours", "Time in bed", 0, 24, "h", NEITHER, 0.25),
    _factor("nap_hours", "Naps", 0, 16, "h", NEITHER, 0.25),
    _factor("stress_score", "Stress score (device)", 0, 100, "points", HIGHER),
    _factor("sleep_score", "Sleep score (device)", 0, 100, "points", LOWER),
    _factor("sleep_deep_hours", "Deep sleep", 0, 16, "h", LOWER, 0.25),
    _factor("sleep_core_hours", "Light (core) sleep", 0, 16, "h", NEITHER, 0.25),
    _factor("sleep_rem_hours", "REM sleep", 0, 16, "h", LOWER, 0.25),
    _factor("sleep_awake_hours", "Awake in the night", 0, 16, "h", HIGHER, 0.25),
    MetricSpec(
        "condition_severity",
        "Condition severity",
        SYMPTOM,
        0,
        4,
        unit="0-4",
        worse=HIGHER,
        question="How bad was your condition (Flaredown's 0-4)?",
        low_label="none",
        high_label="extreme",
    ),
    _factor("pressure_hpa", "Surface pressure", 850, 1090, "hPa", NEITHER, 0.1),
    _factor("pressure_change_24h", "Pressure change over 24 h", -80, 80, "hPa", NEITHER, 0.1),
    _factor("temp_mean_c", "Mean temperature", -60, 60, "°C", NEITHER, 0.1),
    _factor("humidity_pct", "Relative humidity", 0, 100, "%", NEITHER),
)

IMPORTED_METRIC_KEYS = tuple(m.key for m in IMPORTED_METRICS)


@dataclass(frozen=True)
class MetricRange:
    """The allowed range of a metric, used to reject absurd imported values."""

    key: str
    low: float
    high: float
    worse: str = HIGHER


def known_metrics() -> dict[str, MetricRange]:
    """Return every built-in metric (diary catalogue and imported factors) by key."""
    specs = (*METRICS, *IMPORTED_METRICS)
    return {m.key: MetricRange(m.key, float(m.low), float(m.high), m.worse) for m in specs}


@dataclass
class ParseStats:
    """What a parser saw, filled in as it goes: pass one in to read it afterwards."""

    elements: int = 0
    yielded: int = 0
    skipped: int = 0  # invalid or implausible values
    ignored_types: dict[str, int] = field(default_factory=dict)
