"""Common fibromyalgia treatments a person can start from, with how fast they act."""

from __future__ import annotations

from dataclasses import dataclass


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
