"""The sample kinds imports produce, their plausible ranges, and the ranges of daily metrics.

The daily metrics themselves (keys, names, units, ranges, which direction is worse) are declared
once, in `fibrolog.catalogue` (`IMPORTED_METRICS` are the ones imports and weather add).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fibrolog.catalogue import BUILT_IN_METRICS, HIGHER

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


@dataclass(frozen=True)
class MetricRange:
    """The allowed range of a metric, used to reject absurd imported values."""

    key: str
    low: float
    high: float
    worse: str = HIGHER


def known_metrics() -> dict[str, MetricRange]:
    """Return every built-in metric of the catalogue by key."""
    return {
        m.key: MetricRange(m.key, float(m.low), float(m.high), m.worse) for m in BUILT_IN_METRICS
    }


@dataclass
class ParseStats:
    """What a parser saw, filled in as it goes: pass one in to read it afterwards."""

    elements: int = 0
    yielded: int = 0
    skipped: int = 0  # invalid or implausible values
    ignored_types: dict[str, int] = field(default_factory=dict)
