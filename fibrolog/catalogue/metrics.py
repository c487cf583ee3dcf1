"""Every built-in metric, declared once: what a person logs, and what imports and weather add.

Plain data, no Django: the database copy is synced from here after every migrate, so adding a
metric never needs a data migration. A metric's key is a public contract (CLI, CSV, FHIR).
"""

from __future__ import annotations

from dataclasses import dataclass, field

HIGHER = "higher"  # a higher value is worse (pain)
LOWER = "lower"  # a lower value is worse (sleep quality)
NEITHER = "neither"  # no direction is worse (exertion, caffeine)

SYMPTOM = "symptom"
FACTOR = "factor"

SEVERITY_WORDS = ("none", "mild", "moderate", "severe")


@dataclass(frozen=True)
class MetricSpec:
    """One trackable metric: its key is a public contract (CLI, CSV, FHIR)."""

    key: str
    name: str
    kind: str
    low: float
    high: float
    step: float = 1
    unit: str = ""
    worse: str = HIGHER
    question: str = ""
    low_label: str = ""
    high_label: str = ""
    words: tuple[str, ...] = field(default_factory=tuple)


def _zero_ten(
    key: str,
    name: str,
    question: str,
    low: str,
    high: str,
    *,
    kind: str = SYMPTOM,
    worse: str = HIGHER,
) -> MetricSpec:
    return MetricSpec(
        key,
        name,
        kind,
        0,
        10,
        unit="0-10",
        worse=worse,
        question=question,
        low_label=low,
        high_label=high,
    )


def _severity(key: str, name: str, question: str) -> MetricSpec:
    return MetricSpec(
        key,
        name,
        SYMPTOM,
        0,
        3,
        question=question,
        unit="0-3",
        low_label="none",
        high_label="severe",
        words=SEVERITY_WORDS,
    )


# What a person logs in the check-in (symptoms and factors).
METRICS: tuple[MetricSpec, ...] = (
    _zero_ten("pain", "Pain", "How much pain overall today?", "no pain", "worst imaginable"),
    _zero_ten("fatigue", "Fatigue", "How tired, even after rest?", "none", "exhausted"),
    _zero_ten("fog", "Fibro fog", "How foggy is your thinking?", "clear", "can't think"),
    _zero_ten(
        "sleep_quality",
        "Sleep quality",
        "How well did you sleep last night?",
        "very badly",
        "very well",
        worse=LOWER,
    ),
    MetricSpec(
        "sleep_hours",
        "Hours slept",
        FACTOR,
        0,
        16,
        step=0.25,
        unit="h",
        worse=LOWER,
        question="About how many hours did you sleep last night?",
    ),
    _severity("unrefreshed", "Woke unrefreshed", "Did you wake unrefreshed?"),
    _zero_ten("stiffness", "Stiffness", "How stiff are you?", "none", "can't move"),
    _severity("sensitivity_sound", "Sound sensitivity", "How much did noise bother you?"),
    _severity("sensitivity_light", "Light sensitivity", "How much did light bother you?"),
    _severity(
        "sensitivity_temperature",
        "Temperature sensitivity",
        "How much did heat or cold bother you?",
    ),
    _zero_ten("mood", "Mood", "How is your mood?", "very low", "very good", worse=LOWER),
    _zero_ten("anxiety", "Anxiety", "How anxious do you feel?", "calm", "very anxious"),
    _zero_ten(
        "exertion",
        "Exertion",
        "How hard did you push yourself physically?",
        "rested",
        "far too much",
        kind=FACTOR,
        worse=NEITHER,
    ),
    _zero_ten("stress", "Stress", "How stressful was today?", "none", "extreme", kind=FACTOR),
    MetricSpec(
        "caffeine",
        "Caffeine",
        FACTOR,
        0,
        20,
        unit="cups",
        worse=NEITHER,
        question="How many caffeinated drinks today?",
    ),
)

METRIC_KEYS = tuple(m.key for m in METRICS)

DEFAULT_CHECKIN = ("pain", "fatigue", "fog", "sleep_quality", "sleep_hours", "mood", "exertion")


def _factor(
    key: str, name: str, low: float, high: float, unit: str, worse: str, step: float = 1
) -> MetricSpec:
    return MetricSpec(key, name, FACTOR, low, high, step=step, unit=unit, worse=worse)


# The daily values imports and weather add (never asked in the check-in).
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

# Every built-in metric in the order the database lists them.
BUILT_IN_METRICS: tuple[MetricSpec, ...] = (*METRICS, *IMPORTED_METRICS)
