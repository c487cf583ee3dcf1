"""The built-in catalogue of what a person with fibromyalgia tracks: symptoms, factors and tags.

Plain data, no Django: the database copy is synced from here after every migrate, so adding a
metric never needs a data migration.
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

DEFAULT_TAGS = (
    "poor sleep",
    "overdid it",
    "stressful day",
    "weather change",
    "period",
    "travel",
    "alcohol",
    "ate gluten",
    "illness",
    "social event",
)


@dataclass(frozen=True)
class TreatmentSpec:
    """A common fibromyalgia treatment; `onset` says how fast an effect can be expected."""

    key: str
    name: str
    kind: str
    unit: str
    onset: str  # "slow" (weeks) or "fast" (days)
    typical_dose: str = ""


TREATMENTS: tuple[TreatmentSpec, ...] = (
    TreatmentSpec(
        "ldn", "Low-dose naltrexone", "medication", "mg", "slow", "0.5 -> 4.5 mg nightly"
    ),
    TreatmentSpec("duloxetine", "Duloxetine", "medication", "mg", "slow", "30-60 mg daily"),
    TreatmentSpec("pregabalin", "Pregabalin", "medication", "mg", "slow", "150-450 mg daily"),
    TreatmentSpec("amitriptyline", "Amitriptyline", "medication", "mg", "slow", "10-50 mg nightly"),
    TreatmentSpec("omega3", "Omega-3", "supplement", "mg", "slow", "1000-3000 mg daily"),
    TreatmentSpec("curcumin", "Curcumin", "supplement", "mg", "slow", "500-1500 mg daily"),
    TreatmentSpec("vitamin_d", "Vitamin D", "supplement", "IU", "slow", "1000-4000 IU daily"),
    TreatmentSpec("magnesium", "Magnesium", "supplement", "mg", "slow", "200-400 mg daily"),
    TreatmentSpec("graded_exercise", "Graded exercise", "exercise", "min", "slow"),
    TreatmentSpec("walking", "Walking", "exercise", "min", "slow"),
    TreatmentSpec("swimming", "Swimming", "exercise", "min", "slow"),
    TreatmentSpec("yoga", "Yoga", "exercise", "min", "slow"),
    TreatmentSpec("tai_chi", "Tai chi", "exercise", "min", "slow"),
    TreatmentSpec("meditation", "Meditation", "therapy", "min", "fast"),
    TreatmentSpec("cbt", "Cognitive behavioural therapy", "therapy", "sessions", "slow"),
    TreatmentSpec("sleep_hygiene", "Sleep hygiene routine", "lifestyle", "", "fast"),
    TreatmentSpec("anti_inflammatory_diet", "Anti-inflammatory diet", "lifestyle", "", "slow"),
)

TREATMENT_KEYS = tuple(t.key for t in TREATMENTS)
